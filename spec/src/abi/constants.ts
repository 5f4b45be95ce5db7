/**
 * UMCG ABI constants of the reference profile (PeterZ RFC v2, 2022-01-20), exact values from
 * `include/uapi/linux/umcg.h` as posted in [PZ-v2] 5/5. Later additions carry their own source.
 * @module
 */

/** Task states: the low 8 bits of `struct umcg_task::state` ([PZ-v2] 5/5 include/uapi/linux/umcg.h). */
export const UMCG_TASK_NONE = 0x0000;
/** The task executes (or may execute) user code. */
export const UMCG_TASK_RUNNING = 0x0001;
/** The task waits to be run by its server. */
export const UMCG_TASK_RUNNABLE = 0x0002;
/** The task (a worker) is blocked in the kernel. */
export const UMCG_TASK_BLOCKED = 0x0003;
/** Mask of the state value. */
export const UMCG_TASK_MASK = 0x00ff;

/** State flag: user space asks the kernel to preempt a RUNNING worker ([PZ-v2] 5/5 include/uapi/linux/umcg.h, R9). */
export const UMCG_TF_PREEMPT = 0x0100;
/** State flag: the task promised to call `umcg_wait` next ([PZ-v2] 5/5 include/uapi/linux/umcg.h, R12; introduced in RFC v1). */
export const UMCG_TF_COND_WAIT = 0x0200;
/** Mask of the state flags (bits 8-15). */
export const UMCG_TF_MASK = 0xff00;
/** Bits 16-31 of `state` belong to user space; the kernel preserves them ([PZ-v2] 5/5 include/uapi/linux/umcg.h). */
export const UMCG_USER_MASK = 0xffff0000;

/** Set by the kernel in `next_tid` once the named task was made RUNNING (RFC v2, [PZ-tidrun]). */
export const UMCG_TID_RUNNING = 0x80000000;
/** Bits of `next_tid` / kick tids used as the thread id on lookup (RFC v2). */
export const UMCG_TID_MASK = 0x3fffffff;

/** Required alignment (and size) of `struct umcg_task`. */
export const UMCG_TASK_ALIGN = 64;

/** `umcg_ctl` command: register the calling thread. */
export const UMCG_CTL_REGISTER = 0x00001;
/** `umcg_ctl` command: unregister the calling thread. */
export const UMCG_CTL_UNREGISTER = 0x00002;
/** `umcg_ctl` flag: the caller is a worker (a server otherwise). */
export const UMCG_CTL_WORKER = 0x10000;
/** Kernel-internal mask of the command byte of `umcg_ctl` flags ([PZ-v2] 5/5 include/uapi/linux/umcg.h, not in uapi). */
export const UMCG_CTL_CMD = 0xff;
/** `UMCG_CTL_MULTI` of the follow-ups [PZ-multi]; not modelled beyond being an unknown flag elsewhere. */
export const UMCG_CTL_MULTI = 0x20000;

/** `umcg_wait` flag of the follow-ups: enqueue a worker caller ([PZ-enqueue]). */
export const UMCG_WAIT_ENQUEUE = 0x0001;

/** Clock ids accepted by `umcg_ctl` register ([PZ-v2] 5/5 sys_umcg_ctl() decoding, check 1). */
export const CLOCK_REALTIME = 0;
/** CLOCK_MONOTONIC. */
export const CLOCK_MONOTONIC = 1;
/** CLOCK_BOOTTIME. */
export const CLOCK_BOOTTIME = 7;
/** CLOCK_TAI. */
export const CLOCK_TAI = 11;
/** The clocks a registration may name, in the order sys_umcg_ctl() checks them ([PZ-v2] 5/5). */
export const VALID_CLOCKS: readonly number[] = [CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_TAI];

/** Symbolic names of the state values, for rendering. */
export const STATE_NAMES: Readonly<Record<number, string>> = {
  [UMCG_TASK_NONE]: 'NONE',
  [UMCG_TASK_RUNNING]: 'RUNNING',
  [UMCG_TASK_RUNNABLE]: 'RUNNABLE',
  [UMCG_TASK_BLOCKED]: 'BLOCKED',
};

/** Symbolic names of the state flags, for rendering. */
export const FLAG_NAMES: Readonly<Record<number, string>> = {
  [UMCG_TF_PREEMPT]: 'PREEMPT',
  [UMCG_TF_COND_WAIT]: 'COND_WAIT',
};
