/**
 * Waking the task named by `next_tid` (`umcg_wake_next`, [PZ-v2] 5/5 umcg_wake_next()) and the wake done on implicit events
 * (block, preemption), which in the prototype and RFC v1 consults `next_tid` first (SPEC.md#param.nextFailFallback, SPEC.md#param.nextOnBlock, SPEC.md#param.nextOnPreempt).
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { get32, put32 } from '../uaccess.js';
import type { KGen } from '../yield.js';
import { NEXT_TID, type Ret, RUNNING, STATE, TASK_MASK, TID_RUNNING } from './fields.js';
import { umcgWakeServer, umcgWakeTask } from './state.js';

/** Wakes the task named by the non-zero `nextTid` read from `t.next_tid`, then writes the profile's writeback. */
export function* umcgWakeNextTid(k: Kernel, t: Task, nextTid: number): KGen<Ret> {
  const next = k.umcgTask(nextTid, k.p.tidMask);
  if (next === undefined) return 'ESRCH';
  if (k.p.tidMask && (nextTid & TID_RUNNING) !== 0 && !k.m('tid-running-ignored')) {
    const st = yield* get32(k, next.umcgTask + STATE);
    if (st === undefined) return 'EFAULT';
    return (st & TASK_MASK) === RUNNING ? 0 : 'EAGAIN';
  }
  const r = yield* umcgWakeTask(k, next);
  if (r !== 0) return r;
  const wb = k.p.nextTidWriteback;
  if (wb === 'tid-running' && !k.m('tid-running-not-written')) {
    if (!(yield* put32(k, t.umcgTask + NEXT_TID, (nextTid | TID_RUNNING) >>> 0))) return 'EFAULT';
  } else if (wb === 'clear') {
    if (!(yield* put32(k, t.umcgTask + NEXT_TID, 0))) return 'EFAULT';
  }
  return 0;
}

/**
 * The wake of a block or preemption: next_tid first where the profile says so (block: prototype and RFC v1;
 * preemption: the prototype only), else (or as fallback) the server.
 */
export function* umcgWakeImplicit(k: Kernel, t: Task, event: 'block' | 'preempt'): KGen<Ret> {
  const consultNext = event === 'block' ? k.p.nextOnBlock : k.p.nextOnPreempt;
  if (consultNext || k.m('next-woken-on-block')) {
    const nt = yield* get32(k, t.umcgTask + NEXT_TID);
    if (nt === undefined) return 'EFAULT';
    if (nt !== 0) {
      const r = yield* umcgWakeNextTid(k, t, nt);
      if (r === 0 || r === 'EFAULT') return r;
      if (k.p.nextFailFallback === 'never' || k.m('seed-race-no-fallback')) return 0;
    }
  }
  return yield* umcgWakeServer(k, t);
}
