/**
 * `sys_umcg_kick(flags, tid)` ([PZ-v2] 5/5 sys_umcg_kick()): look the task up, check the flags (in the profile's order), then send
 * a reschedule IPI to it ([gatieme]: first try to wake it, IPI only if that woke nothing).
 * @module
 */
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import { type KGen, STEP } from '../yield.js';
import type { Ret } from './fields.js';

/** The syscall. `ipi` forces a thread executing user code through the return-to-user path. */
export function* sysUmcgKick(
  k: Kernel,
  _t: Task,
  flags: number,
  tid: number,
  ipi: (to: Task) => void,
): KGen<Ret> {
  if (k.p.syscalls.kick === undefined) return 'ENOSYS';
  const flagsFirst = k.p.kickOrder === 'flags-first' || k.m('kick-flags-first');
  if (flagsFirst && flags !== 0) return 'EINVAL';
  const tsk = k.umcgTask(tid, k.p.tidMask && !k.m('kick-tid-unmasked'));
  if (tsk === undefined) return 'ESRCH';
  if (flags !== 0) return 'EINVAL';
  yield STEP;
  if (k.p.kick === 'wake-then-ipi' && (k.ttwu(tsk, true) || k.m('followups-kick-no-ipi'))) return 0;
  ipi(tsk);
  return 0;
}
