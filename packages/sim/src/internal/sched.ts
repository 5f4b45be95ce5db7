/**
 * `schedule()` as seen by a sleeping kernel path: `sched_submit_work` (the UMCG pre-schedule hook) runs first for
 * a thread that is about to block, then the thread leaves the run queue unless a wakeup or (for interruptible
 * sleeps) a pending signal already made it runnable again. The post-schedule hook is a no-op ([PZ-v2] 5/5 umcg_wq_worker_running()).
 * @module
 */
import type { Kernel } from './kernel.js';
import type { Task } from './task.js';
import { umcgPreSchedule } from './umcg/block.js';
import { type KGen, SLEEP, STEP } from './yield.js';

/** Sleeps (if still not running) and returns once woken. */
export function* schedule(k: Kernel, t: Task): KGen<void> {
  if (t.kstate !== 'running' && t.pfWorker) yield* umcgPreSchedule(k, t);
  if (t.kstate === 'interruptible' && t.sigPending > 0) t.kstate = 'running';
  if (t.kstate === 'running') {
    yield STEP;
    return;
  }
  yield SLEEP;
  // umcg_wq_worker_running(): nothing ([PZ-v2] 5/5).
}
