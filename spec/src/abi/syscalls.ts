/**
 * The three UMCG entry points. Syscall numbers were provisional in every posting and collide with later
 * mainline syscalls ([PZ-v1], SPEC.md#param.syscalls), so they are configuration, not facts about Linux.
 * @module
 */

/** The x86_64 numbers of the three entry points on one kernel. */
export interface SyscallNumbers {
  /** `long umcg_ctl(u32 flags, struct umcg_task *self, clockid_t which_clock)`. */
  readonly ctl: number;
  /** `long umcg_wait(u32 flags, u64 abs_timeout)`. */
  readonly wait: number;
  /** `long umcg_kick(u32 flags, pid_t tid)`; absent (undefined) before RFC v1. */
  readonly kick: number | undefined;
}

/** Numbers used by the PeterZ postings (RFC v1/v2: 450/451/452; the prototype had no kick) [PZ-v2]. */
export const POSTED_SYSCALLS: SyscallNumbers = { ctl: 450, wait: 451, kick: 452 };

/** Numbers of the project's reference kernel on Linux 6.1 (the next free ones after 450). */
export const REF_KERNEL_SYSCALLS: SyscallNumbers = { ctl: 451, wait: 452, kick: 453 };
