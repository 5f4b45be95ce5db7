/**
 * The pre-schedule hook `umcg_wq_worker_sleeping` ([PZ-v2] 5/5 the UMCG hooks, R2, R4): a pinned worker about to sleep in the
 * kernel is moved to BLOCKED (from RUNNING, else from RUNNABLE in the COND_WAIT window) and its server is woken.
 * It runs with page faults disabled: any failure kills the process.
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { type KGen, STEP } from '../yield.js';
import { BLOCKED, RUNNABLE, RUNNING } from './fields.js';
import { umcgWakeImplicit } from './next.js';
import { umcgUnpin } from './pin.js';
import { umcgUpdateState } from './state.js';

/** Block detection for worker `t` (called from `schedule()` while its state is not TASK_RUNNING). */
export function* umcgPreSchedule(k: Kernel, t: Task): KGen<void> {
  if (t.pinned === null) {
    if (k.p.unpinnedSleepKills) k.kill();
    return;
  }
  let r = yield* umcgUpdateState(k, t, RUNNING, BLOCKED);
  if (r === 'EAGAIN' && k.p.blockFromRunnable && !k.m('block-from-runnable-kills')) {
    r = yield* umcgUpdateState(k, t, RUNNABLE, BLOCKED);
  }
  if (r !== 0) k.kill();
  if (!k.m('block-no-server-wake') && (yield* umcgWakeImplicit(k, t, 'block')) !== 0) k.kill();
  yield STEP;
  umcgUnpin(t);
}
