/**
 * `umcg_update_state`, `umcg_wake_task` and `umcg_wake_server` ([PZ-v2] 5/5 umcg_update_state()): every kernel change of a task's
 * `state` is a CAS loop comparing the state value only, clearing PREEMPT and COND_WAIT, then timestamping.
 * @module
 */
import { CLOCK_MONOTONIC } from '@umcg/spec/vocabulary';
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { cmpxchg32, get32, put64 } from '../uaccess.js';
import { type KGen, STEP } from '../yield.js';
import {
  BLOCKED,
  BLOCKED_TS,
  COND_WAIT,
  PREEMPT,
  type Ret,
  RUNNABLE,
  RUNNABLE_TS,
  RUNNING,
  STATE,
  TASK_MASK,
} from './fields.js';

/** Moves `tsk` from state `from` to `to` (EAGAIN on mismatch, EFAULT on fault). */
export function* umcgUpdateState(k: Kernel, tsk: Task, from: number, to: number): KGen<Ret> {
  const addr = tsk.umcgTask;
  const clock = k.m('timestamp-wrong-clock') ? CLOCK_MONOTONIC : tsk.clock;
  const stamp = to === RUNNABLE || to === BLOCKED ? k.now(clock) : 0;
  let clear = TASK_MASK;
  if (!k.m('preempt-not-cleared')) clear |= PREEMPT;
  if (k.p.condWait && !k.m('cond-wait-not-cleared')) clear |= COND_WAIT;
  const old0 = yield* get32(k, addr + STATE);
  if (old0 === undefined) return 'EFAULT';
  let old: number = old0;
  for (;;) {
    if ((old & TASK_MASK) !== from) return 'EAGAIN';
    const cur: number | undefined = yield* cmpxchg32(k, addr + STATE, old, ((old & ~clear) | to) >>> 0);
    if (cur === undefined) return 'EFAULT';
    if (cur === old) break;
    old = cur;
  }
  if (to === RUNNABLE && !k.m('runnable-ts-not-written')) {
    if (!(yield* put64(k, addr + RUNNABLE_TS, stamp))) return 'EFAULT';
  } else if (to === BLOCKED) {
    if (!(yield* put64(k, addr + BLOCKED_TS, stamp))) return 'EFAULT';
  }
  return 0;
}

/** Wakes `tsk`: CAS RUNNABLE→RUNNING, then `try_to_wake_up(WF_CURRENT_CPU)`; EAGAIN if it was not RUNNABLE. */
export function* umcgWakeTask(k: Kernel, tsk: Task): KGen<Ret> {
  let from = RUNNABLE;
  if (k.m('wake-any-state')) {
    const st = yield* get32(k, tsk.umcgTask + STATE);
    if (st === undefined) return 'EFAULT';
    if ((st & TASK_MASK) !== RUNNING) from = st & TASK_MASK;
  }
  if (k.m('wake-before-running-cas')) {
    // Mutant: try_to_wake_up before the CAS lands; a woken task that runs in between sees RUNNABLE and sleeps again.
    yield STEP;
    k.ttwu(tsk, true);
    return yield* umcgUpdateState(k, tsk, from, RUNNING);
  }
  const r = yield* umcgUpdateState(k, tsk, from, RUNNING);
  if (r !== 0) return r;
  yield STEP;
  k.ttwu(tsk, true);
  return 0;
}

/** Wakes the server cached by the last pin of `t`, swallowing EAGAIN (it may be running or timed out). */
export function* umcgWakeServer(k: Kernel, t: Task): KGen<Ret> {
  const server = t.pinned?.serverTask;
  if (server === undefined) return 'EFAULT';
  const r = yield* umcgWakeTask(k, server);
  if (r === 'EAGAIN' && !k.m('eagain-not-swallowed')) return 0;
  return r;
}
