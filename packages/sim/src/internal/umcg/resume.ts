/**
 * The return-to-user hook `umcg_notify_resume` ([PZ-v2] 5/5 the UMCG hooks, R12, R9, R11): return at once when the state is
 * exactly RUNNING or exactly RUNNABLE|COND_WAIT; act on PREEMPT; otherwise wait until RUNNING. A bad state, a
 * fault, or PREEMPT on a task that is not RUNNING kills the process. In the follow-ups it also resumes a UMCG
 * wait that a signal interrupted, with its saved timeout (SPEC.md#wait.signal).
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { get32 } from '../uaccess.js';
import type { KGen } from '../yield.js';
import { COND_WAIT, PREEMPT, RUNNABLE, RUNNING, STATE, TASK_MASK, TF_MASK } from './fields.js';
import { umcgPreempt } from './preempt.js';
import { umcgWaitRunning } from './sleep.js';
import { umcgTimedOut } from './timeout.js';

/** Runs the hook for registered task `t` on its way back to user mode. */
export function* umcgNotifyResume(k: Kernel, t: Task): KGen<void> {
  if (t.savedWait?.delivered === true) return yield* resumeSavedWait(k, t);
  const st = yield* get32(k, t.umcgTask + STATE);
  if (st === undefined) k.kill();
  const s = st & (TASK_MASK | TF_MASK);
  if (s === RUNNING) return;
  if (k.p.condWait && s === (RUNNABLE | COND_WAIT) && !k.m('resume-ignores-cond-wait')) return;
  if ((st & PREEMPT) !== 0) {
    if ((st & TASK_MASK) === RUNNING) return yield* umcgPreempt(k, t);
    if (!k.m('preempt-non-running-not-killed')) k.kill();
  }
  const r = yield* umcgWaitRunning(k, t, 0);
  if (r === 'EINTR' && k.p.signals === 'exclude') t.sigExcluded = true;
  if (r !== 0 && r !== 'EINTR') k.kill();
}

/** Follow-ups: after `rt_sigreturn`, continue the interrupted wait with its saved timeout. */
function* resumeSavedWait(k: Kernel, t: Task): KGen<void> {
  const saved = t.savedWait!;
  t.savedWait = null;
  const deadline = k.m('timeout-lost-after-signal') ? 0 : saved.deadline;
  const r = yield* umcgWaitRunning(k, t, deadline);
  if (r === 'EINTR') {
    t.savedWait = { ...saved, delivered: false };
    return;
  }
  if (r === 'ETIMEDOUT') {
    yield* umcgTimedOut(k, t, saved.worker);
    t.retOverride = 'ETIMEDOUT';
  } else if (r !== 0) {
    k.kill();
  }
  // The wait belonged to the interrupted syscall; returning from it passes the ordinary hook check.
  yield* umcgNotifyResume(k, t);
}
