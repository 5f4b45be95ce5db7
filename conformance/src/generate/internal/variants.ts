/**
 * Argument variants of enabled actions: the spec's `enabledActions` lists a small, interesting set; swarm runs with
 * the `variants` knob sometimes replace the picked action by the same operation with other arguments (every task's
 * tid in `server_tid` and `next_tid`, PREEMPT added to a state store, a PREEMPT CAS and a kick on every task, kick
 * flags, timed waits). A variant is used only if the spec enables it (`whyNotEnabled`), so traces stay valid.
 * @internal
 * @module
 */
import type { Action, TaskName } from '@umcg/spec';
import { num, tidOf, UMCG_TASK_RUNNING, UMCG_TF_PREEMPT } from '@umcg/spec';
import type { EngineState, SpecEngine } from '../engine.js';

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

/**
 * With the `variants` knob, a quarter of the choices (low bits 12..15) replace the picked action by one of its
 * enabled variants (chosen by the next bits); choice 0, where shrinking goes, never does.
 */
export function maybeVariant(
  engine: SpecEngine,
  state: EngineState,
  picked: Action,
  tasks: readonly TaskName[],
  choice: number,
): Action {
  if ((choice & 15) < 12) return picked;
  const vs = variantsOf(picked, tasks).filter((v) => engine.whyNotEnabled(state, v) === undefined);
  return vs[(choice >>> 4) % Math.max(1, vs.length)] ?? picked;
}
