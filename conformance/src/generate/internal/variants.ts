/**
 * Argument variants of enabled actions: the spec's `enabledActions` lists a small, interesting set; swarm runs with
 * the `variants` knob also try the same operations with other arguments (every task's tid in `server_tid` and
 * `next_tid`, PREEMPT added to a state store, a PREEMPT CAS and a kick on every task, kick flags, timed waits).
 * Each variant is kept only if the spec enables it (`whyNotEnabled`), so traces stay valid.
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

/** `enabled` plus the enabled variants of its actions (deduplicated, in a stable order). */
export function withVariants(
  engine: SpecEngine,
  state: EngineState,
  enabled: readonly Action[],
  tasks: readonly TaskName[],
): Action[] {
  const seen = new Set(enabled.map((a) => JSON.stringify(a)));
  const out = [...enabled];
  for (const a of enabled) {
    for (const v of variantsOf(a, tasks)) {
      const key = JSON.stringify(v);
      if (seen.has(key)) continue;
      seen.add(key);
      if (engine.whyNotEnabled(state, v) === undefined) out.push(v);
    }
  }
  return out;
}
