/**
 * Argument variants of enabled actions: the spec's `enabledActions` lists a small, interesting set; swarm runs with
 * the `variants` knob sometimes replace the picked action by the same operation with other arguments (every task's
 * tid in `server_tid` and `next_tid`, PREEMPT added to a state store, a PREEMPT CAS and a kick on every task, kick
 * flags, timed waits). A variant is used only if the spec enables it (`whyNotEnabled`), so traces stay valid.
 * @internal
 * @module
 */
import type { Action, TaskName, TaskObservation } from '@umcg/spec';
import {
  CLOCK_BOOTTIME,
  CLOCK_REALTIME,
  CLOCK_TAI,
  num,
  tidOf,
  UMCG_CTL_CMD,
  UMCG_CTL_REGISTER,
  UMCG_TASK_RUNNING,
  UMCG_TF_PREEMPT,
} from '@umcg/spec';
import type { EngineState, SpecEngine } from '../engine.js';
import { oddVariants } from './oddValues.js';

function variantsOf(a: Action, tasks: readonly TaskName[]): Action[] {
  switch (a.op) {
    case 'store':
      if (a.field === 'server_tid' || a.field === 'next_tid')
        return tasks.map((t) => ({ ...a, value: tidOf(t) }));
      if (a.field === 'state' && a.value.kind === 'num')
        return [{ ...a, value: num(a.value.value | UMCG_TF_PREEMPT) }];
      return [];
    case 'kick':
      return [...tasks.map((t) => ({ ...a, tid: tidOf(t) })), { ...a, flags: 1 }];
    case 'ctl':
      // Registration on every valid clock: timestamps are then judged in that clock's domain.
      return (a.flags & UMCG_CTL_CMD) === UMCG_CTL_REGISTER
        ? [CLOCK_REALTIME, CLOCK_BOOTTIME, CLOCK_TAI].map((clock) => ({ ...a, clock }))
        : [];
    case 'wait':
      return a.timeout === 'none'
        ? [
            { ...a, timeout: 'future' },
            { ...a, timeout: 'past' },
          ]
        : [];
    case 'syscall':
      return tasks
        .filter((t) => t !== a.task)
        .flatMap((t) => [
          {
            op: 'cas',
            task: a.task,
            target: t,
            field: 'state',
            expect: num(UMCG_TASK_RUNNING),
            value: num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
          } as const,
          { op: 'kick', task: a.task, flags: 0, tid: tidOf(t) } as const,
        ]);
    default:
      return [];
  }
}

/** The first of `vs` from index `start` on (cyclically) that the spec enables in `state`. */
function firstEnabled(engine: SpecEngine, state: EngineState, vs: readonly Action[], start: number) {
  for (let i = 0; i < vs.length; i++) {
    const v = vs[(start + i) % vs.length]!;
    if (engine.whyNotEnabled(state, v) === undefined) return v;
  }
  return undefined;
}

/**
 * Replaces the picked action by a variant, driven by the low bits of its choice. With the `variants` knob, an
 * eighth of the choices (low nibble 12, 13) take an argument variant and another eighth (14, 15) an odd-valued one
 * (`oddValues.ts`); without it, one choice in 64 takes an odd-valued variant, so every trace may carry odd values
 * while the protocol still dominates. Choice 0, where shrinking goes, never does. A variant is used only if the
 * spec enables it.
 */
export function maybeVariant(
  engine: SpecEngine,
  state: EngineState,
  picked: Action,
  tasks: readonly TaskName[],
  choice: number,
  variants: boolean,
  me?: TaskObservation,
): Action {
  const low = choice & 15;
  const odd = variants ? low >= 14 : (choice & 63) === 63;
  if (!odd && !(variants && low >= 12)) return picked;
  const vs = odd ? oddVariants(picked, me, tasks) : variantsOf(picked, tasks);
  if (vs.length === 0) return picked;
  return firstEnabled(engine, state, vs, (choice >>> 6) % vs.length) ?? picked;
}
