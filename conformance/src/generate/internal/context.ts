/**
 * What the generator knows about the run so far, beyond the opaque spec state: the last observation, the roles
 * the task names suggest, and which tasks registered.
 * @internal
 * @module
 */
import type { Action, StepObservation, TaskName } from '@umcg/spec';
import { UMCG_CTL_CMD, UMCG_CTL_REGISTER, UMCG_CTL_UNREGISTER } from '@umcg/spec';

/** The intended role of a task, from its name (`s…` server, `w…` worker). */
export type Role = 'server' | 'worker';

/** Generator context. */
export interface GenContext {
  /** The observation after the last step. */
  readonly obs: StepObservation;
  /** Role of every task. */
  readonly roles: Readonly<Record<TaskName, Role>>;
  /** Tasks whose registration succeeded (or is pending, for a worker waiting to be run). */
  readonly registered: ReadonlySet<TaskName>;
  /** The task of the previous user action (protocol sequences of one task get momentum). */
  readonly last?: TaskName;
}

/** The role a task name suggests. */
export const roleOf = (name: TaskName): Role => (name.startsWith('s') ? 'server' : 'worker');

/** The registered set after `action` was taken and `obs` observed. */
export function nextRegistered(
  prev: ReadonlySet<TaskName>,
  action: Action,
  obs: StepObservation,
): Set<TaskName> {
  const out = new Set(prev);
  if (action.op === 'ctl') {
    const cmd = action.flags & UMCG_CTL_CMD;
    const t = obs.tasks[action.task];
    const ret = obs.results[action.task]?.ret;
    if (cmd === UMCG_CTL_REGISTER && (ret === '0' || t?.where === 'asleep:umcg_ctl')) out.add(action.task);
    if (cmd === UMCG_CTL_UNREGISTER && ret === '0') out.delete(action.task);
  }
  if (obs.killed) out.clear();
  for (const name of out) if (obs.tasks[name]?.where === 'exited') out.delete(name);
  return out;
}
