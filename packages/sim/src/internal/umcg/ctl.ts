/**
 * `sys_umcg_ctl(flags, self, which_clock)` ([PZ-v2] 5/5 sys_umcg_ctl()): decoding, then register or unregister.
 * @module
 */
import { UMCG_CTL_CMD, UMCG_CTL_REGISTER, UMCG_CTL_UNREGISTER, UMCG_CTL_WORKER } from '@umcg/spec/vocabulary';
import type { Kernel } from '../kernel.js';
import type { Task } from '../task.js';
import type { KGen } from '../yield.js';
import type { Ret } from './fields.js';
import { umcgRegister } from './register.js';
import { umcgUnregister } from './unregister.js';

/** The syscall; `self` is a user address (0 for NULL). */
export function* sysUmcgCtl(k: Kernel, t: Task, flags: number, self: number, clock: number): KGen<Ret> {
  if (self % 64 !== 0) return 'EINVAL';
  const cmd = flags & UMCG_CTL_CMD;
  const rest = flags & ~UMCG_CTL_CMD;
  if ((rest & ~UMCG_CTL_WORKER) !== 0) return 'EINVAL';
  if (cmd === UMCG_CTL_REGISTER) return yield* umcgRegister(k, t, rest === UMCG_CTL_WORKER, self, clock);
  if (cmd === UMCG_CTL_UNREGISTER) return yield* umcgUnregister(k, t, rest === UMCG_CTL_WORKER, self);
  return 'EINVAL';
}
