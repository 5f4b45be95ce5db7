/**
 * A simple random trace generator (for the bench and the determinism tests until the engine's generators exist):
 * it drives a reference-profile machine and picks, at every step, one action that is enabled (the task is in user
 * mode, the event has something to act on), weighted towards the server/worker protocol.
 * @module
 */
import {
  type Action,
  garbage,
  getProfile,
  num,
  type TaskDecl,
  tidOf,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
} from '@umcg/spec/vocabulary';
import * as d from './dsl.js';
import { Rng } from './rng.js';
import { DEFAULT_KNOBS } from './run/knobs.js';
import { Machine } from './run/machine.js';
import type { Task } from './task.js';

/** A generated trace. */
export interface RandomTrace {
  /** Tasks. */
  readonly tasks: readonly TaskDecl[];
  /** Steps. */
  readonly steps: readonly Action[];
}

const TASKS: readonly TaskDecl[] = [{ name: 's0' }, { name: 'w0' }, { name: 'w1' }];

function userChoices(t: Task, r: Rng): Action[] {
  const n = t.name;
  const other = r.below(2) === 0 ? 'w0' : 'w1';
  const state = [UMCG_TASK_RUNNING, UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT, UMCG_TASK_BLOCKED][r.below(3)]!;
  const common: Action[] = [d.sys(n, r.below(2) === 0), d.fault(n, r.below(3) === 0)];
  if (r.below(6) === 0) common.push(d.store(n, n, 'state', num(state)));
  if (n === 's0') {
    return [
      ...common,
      ...(t.umcgTask === 0 ? d.regServer(n).slice(2) : []),
      d.condWait(n),
      d.take(n),
      d.next(n, r.below(8) === 0 ? garbage : tidOf(other)),
      d.wait(n, (['none', 'none', 'future', 'past'] as const)[r.below(4)]),
      d.wait(n, 'future'),
      d.cas(n, other, 'state', num(UMCG_TASK_RUNNING), num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT)),
      d.kick(n, tidOf(other)),
      ...(r.below(15) === 0 ? [d.unregister(n, false)] : []),
    ];
  }
  return [
    ...common,
    ...(t.umcgTask === 0 ? [d.store(n, n, 'server_tid', tidOf('s0')), ...d.regWorker(n, 's0').slice(1)] : []),
    d.condWait(n),
    d.next(n, r.below(3) === 0 ? tidOf(n === 'w0' ? 'w1' : 'w0') : num(0)),
    d.wait(n),
    d.wait(n),
    d.unregister(n, true),
    ...(r.below(20) === 0 ? [d.exit(n)] : []),
  ];
}

function eventChoices(m: Machine): Action[] {
  const out: Action[] = [];
  for (const t of m.k.tasks) {
    if (t.blockingIn) out.push(d.complete(t.name), d.complete(t.name), d.complete(t.name));
    if (t.timer !== null && !t.timer.fired) out.push(d.expire(t.name), d.expire(t.name));
    if (t.mode !== 'exited' && t.umcgTask !== 0) out.push(d.signal(t.name));
  }
  return out;
}

/** Generates a trace of `length` steps from `seed`. */
export function randomTrace(seed: number, length: number): RandomTrace {
  const r = new Rng(seed ^ 0x5eed);
  const m = new Machine(
    { params: getProfile('pz-v2').params, mutant: undefined, knobs: DEFAULT_KNOBS },
    TASKS,
    seed,
  );
  const steps: Action[] = [];
  const plan: Action[] = [...d.regServer('s0'), ...d.regWorker('w0', 's0'), ...d.regWorker('w1', 's0')];
  while (steps.length < length && !m.k.killed) {
    let a = plan.shift();
    if (a === undefined) {
      const choices = eventChoices(m);
      for (const t of m.k.tasks) if (t.mode === 'user' && t.gen === null) choices.push(...userChoices(t, r));
      if (r.below(200) === 0) choices.push(d.unmap(TASKS[r.below(3)]!.name));
      a = choices[r.below(choices.length)];
      if (a === undefined) break;
    }
    const t = 'task' in a ? m.k.tasks.find((x) => x.name === a.task) : undefined;
    if (
      t !== undefined &&
      !('op' in a && ['complete', 'signal', 'expire', 'unmap'].includes(a.op)) &&
      (t.mode !== 'user' || t.gen !== null)
    )
      continue;
    if (typeof m.step(a) === 'string') break;
    steps.push(a);
  }
  return { tasks: TASKS, steps };
}
