/**
 * R6: sleep until the own `state` is RUNNING (R6, [PZ-v2] 5/5 sys_umcg_wait() timeout). Exits on RUNNING (0), a pending signal (EINTR),
 * the hrtimer (ETIMEDOUT), a state that is neither RUNNABLE nor RUNNING (EINVAL) or a fault (EFAULT). The worker
 * marker is cleared meanwhile so that the sleep does not count as a block ([PZ-v2] 5/5 the UMCG hooks).
 * @module
 */
import type { Kernel } from '../kernel.js';
import { schedule } from '../sched.js';
import type { Task } from '../task.js';
import { get32 } from '../uaccess.js';
import type { KGen } from '../yield.js';
import { type Ret, RUNNABLE, RUNNING, STATE, TASK_MASK } from './fields.js';

/** Re-reads the timer after a sleep (the field changes behind the compiler's back). */
function timerFired(t: Task): boolean {
  return t.timer?.fired === true;
}

/** Waits for RUNNING; `deadline` is absolute on the task's clock, 0 for none. */
export function* umcgWaitRunning(k: Kernel, t: Task, deadline: number): KGen<Ret> {
  const marker = t.pfWorker;
  t.pfWorker = false;
  if (deadline !== 0) {
    const past = deadline <= k.now(t.clock) && !k.m('past-timeout-ignored');
    t.timer = { deadline, fired: past };
  }
  let ret: Ret;
  for (;;) {
    t.kstate = 'interruptible';
    if (t.sigPending > 0) {
      ret = 'EINTR';
      break;
    }
    const st = yield* get32(k, t.umcgTask + STATE);
    if (st === undefined) {
      ret = 'EFAULT';
      break;
    }
    if ((st & TASK_MASK) === RUNNING) {
      ret = 0;
      break;
    }
    if ((st & TASK_MASK) !== RUNNABLE) {
      ret = 'EINVAL';
      break;
    }
    if (t.timer?.fired === true) {
      ret = 'ETIMEDOUT';
      break;
    }
    yield* schedule(k, t);
    if (timerFired(t)) {
      ret = 'ETIMEDOUT';
      break;
    }
  }
  t.kstate = 'running';
  t.timer = null;
  t.pfWorker = marker;
  return ret;
}
