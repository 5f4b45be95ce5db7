/**
 * What a timed-out `umcg_wait` does ([PZ-v2] 5/5 sys_umcg_wait() timeout): revert the caller RUNNABLE→RUNNING (ignored if a waker already
 * did it); in the follow-ups a worker instead puts itself on its server's list, wakes the server, and keeps
 * waiting without timeout until it is made RUNNING.
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { get32 } from '../uaccess.js';
import { type KGen, STEP } from '../yield.js';
import { RUNNABLE, RUNNING, STATE, TASK_MASK } from './fields.js';
import { umcgEnqueue } from './list.js';
import { umcgPinPages, umcgUnpin } from './pin.js';
import { umcgWaitRunning } from './sleep.js';
import { umcgUpdateState, umcgWakeServer } from './state.js';

/** Handles an expired timer of `t`'s wait; `worker` tells whether the caller counted as a worker. */
export function* umcgTimedOut(k: Kernel, t: Task, worker: boolean): KGen<void> {
  if (worker && k.p.workerTimeout === 'requeue') {
    // A pin that fails (e.g. the server is gone) skips the enqueue: the worker just keeps waiting.
    if ((yield* umcgPinPages(k, t)) === 0) {
      const st = yield* get32(k, t.umcgTask + STATE);
      if (st !== undefined && (st & TASK_MASK) === RUNNABLE) {
        if ((yield* umcgEnqueue(k, t)) === 0) yield* umcgWakeServer(k, t);
      }
      yield STEP;
      umcgUnpin(t);
    }
    yield* umcgWaitRunning(k, t, 0);
    return;
  }
  if (!k.m('timedout-no-revert')) yield* umcgUpdateState(k, t, RUNNABLE, RUNNING);
}
