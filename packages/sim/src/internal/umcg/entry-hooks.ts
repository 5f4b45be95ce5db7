/**
 * The syscall entry and exit hooks of workers ([PZ-v2] 5/5 the UMCG hooks, R1, R3, R5): entry re-sets the worker marker and pins
 * self + server (a failure kills); exit unpins if the worker did not block, else runs the unblock sequence.
 * Both skip `umcg_wait` and `umcg_ctl` (the caller decides).
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import type { KGen } from '../yield.js';
import { umcgPinPages, umcgUnpin } from './pin.js';
import { umcgUnblockAndWait } from './unblock.js';

/** `umcg_sys_enter`. */
export function* umcgSysEnter(k: Kernel, t: Task): KGen<void> {
  t.pfWorker = true;
  if ((yield* umcgPinPages(k, t)) !== 0) k.kill();
}

/** `umcg_sys_exit`. */
export function* umcgSysExit(k: Kernel, t: Task): KGen<void> {
  if (t.pinned !== null) {
    if (!k.m('sys-exit-keeps-pin')) umcgUnpin(t);
    return;
  }
  yield* umcgUnblockAndWait(k, t);
}
