/**
 * Profile parameters: every point where the posted versions disagree (the differences between [PZ-proto], [PZ-v1], [PZ-v2] and the follow-ups) is one named
 * parameter here, never an accident of the code. Each parameter's doc names the sources it comes from (spec/SOURCES.md).
 * @module
 */
import type { SyscallNumbers } from '../abi/syscalls.js';

/** The parameters that distinguish one profile from another. */
export interface ProfileParams {
  /** Syscall numbers (provisional in every posting, configuration). */
  readonly syscalls: SyscallNumbers;
  /**
   * Order of a worker's `umcg_wait`: `wake-next-first` (v2: wake `next_tid`, then enqueue self and wake the
   * server) or `enqueue-first` (prototype, v1: enqueue self, then wake next). [PZ-proto], [PZ-v1], [PZ-v2] 5/5 sys_umcg_wait(), R15.
   */
  readonly waitOrder: 'wake-next-first' | 'enqueue-first';
  /**
   * What an error of `umcg_wait` past its pin does to the caller: `revert` (v2: every caller CASed back to
   * RUNNING, error returned), `server-only` (v1: a server caller is reverted, a worker caller keeps its state and
   * stays enqueued) or `keep` (prototype: every caller stays as it is). [PZ-v2] 5/5 sys_umcg_wait(), [O-RFCv2] 3/5
   * sys_umcg_wait(), [PZ-proto].
   */
  readonly waitErrorRevert: 'revert' | 'server-only' | 'keep';
  /**
   * Whether a failed wake of `next_tid` falls back to waking `server_tid`: `never` (v1, v2), `implicit` (the
   * prototype code: only on block/preemption), `always` (the seed e-mail's summary, also applied in
   * `umcg_wait`). R15 [PZ-seed].
   */
  readonly nextFailFallback: 'never' | 'implicit' | 'always';
  /** What the kernel writes into `next_tid` after waking it: nothing, 0, or `|UMCG_TID_RUNNING`. [PZ-v1], [PZ-v2] 5/5 umcg_wake_next(). */
  readonly nextTidWriteback: 'none' | 'clear' | 'tid-running';
  /** Whether block detection wakes `next_tid` when it is set (else the server). [PZ-proto], [O-RFCv2] 3/5, [PZ-0119a]. */
  readonly nextOnBlock: boolean;
  /**
   * Whether preemption wakes `next_tid` when it is set (else the server). Prototype only: v1's preemption path
   * wakes the server and leaves `next_tid` alone ([O-RFCv2] 3/5 umcg_notify_resume()), as v2 does (R9). [PZ-proto] code.
   */
  readonly nextOnPreempt: boolean;
  /** Whether tids are masked with `UMCG_TID_MASK` on lookup (v2) or used raw (prototype, v1). [PZ-tidrun], [O-RFCv2] 3/5 code. */
  readonly tidMask: boolean;
  /** Whether `umcg_wait` pins `next` too (v1): a bad `next_tid` fails before the caller's CAS. [O-RFCv2] 3/5 code. */
  readonly pinNext: boolean;
  /**
   * State a `umcg_wait` caller must be in: `runnable` (v1/v2: user space stored RUNNABLE|COND_WAIT) or
   * `running` (prototype: the kernel does RUNNING→RUNNABLE itself). [PZ-proto] code.
   */
  readonly waitEntryState: 'runnable' | 'running';
  /** Whether `UMCG_TF_COND_WAIT` exists (absent in the prototype). [PZ-v1]. */
  readonly condWait: boolean;
  /** `umcg_wait` with `next_tid == 0`: `idle` (v1/v2) or `ESRCH` (prototype code). [PZ-proto]. */
  readonly waitWithoutNext: 'idle' | 'esrch';
  /**
   * A worker's `umcg_wait` with a timeout: `erange` (v1/v2), `requeue` (follow-ups: on expiry enqueue, wake the
   * server, keep waiting, then return ETIMEDOUT), `plain` (prototype: allowed, semantics as for a server).
   * [PZ-timeo], [PZ-enqueue].
   */
  readonly workerTimeout: 'erange' | 'requeue' | 'plain';
  /** Whether a worker's `umcg_wait` enqueues only with `UMCG_WAIT_ENQUEUE` (follow-ups). [PZ-enqueue]. */
  readonly enqueueFlag: boolean;
  /** Unregister: `v2` (self must match, RUNNING→NONE, worker wakes server) or `null-self` (prototype, v1). [PZ-v2] 5/5 sys_umcg_ctl(). */
  readonly unregister: 'v2' | 'null-self';
  /** Signals during UMCG waits: `resume` (v2: wait resumed in notify_resume, timeout lost) or `exclude` (follow-ups). [PZ-0121a], [PZ-sig3]. */
  readonly signals: 'resume' | 'exclude';
  /** Whether user-mode exceptions (page faults) pass through the syscall entry/exit hooks ([PZ-v2] 2/5). [PZ-pf]. */
  readonly exceptionsHooked: boolean;
  /** Whether a worker sleeping unpinned is killed (v1 WARN + kill) or ignored (v2). [O-RFCv2] 3/5 code. */
  readonly unpinnedSleepKills: boolean;
  /** Whether block detection accepts RUNNABLE→BLOCKED (R2 b; v2) or kills (v1). [O-RFCv2] 3/5 code. */
  readonly blockFromRunnable: boolean;
  /** `umcg_kick`: `ipi` (v2) or `wake-then-ipi` ([gatieme]@40c515fd onwards). */
  readonly kick: 'ipi' | 'wake-then-ipi';
  /** `umcg_kick` error order: `lookup-first` (v2: ESRCH before EINVAL) or `flags-first` ([gatieme]). */
  readonly kickOrder: 'lookup-first' | 'flags-first';
  /** Whether every pin stores 0 into `__zero[0]` of self and server (later snapshots). [Hildenbrand], [gatieme]. */
  readonly pinWritesZero: boolean;
  /** Whether a failed unregister leaves the pages pinned, so the next pin fails with EBUSY (v2 bug, [PZ-v2] 5/5 sys_umcg_ctl()). */
  readonly unregisterLeaksPin: boolean;
  /** Whether `ERANGE` loses the worker marker until the next syscall entry (v2 bug, [PZ-v2] 5/5 sys_umcg_wait() code). */
  readonly erangeLosesMarker: boolean;
  /**
   * What "is a worker" means in the checks of register (the named server must not be a worker), `umcg_wait` and
   * unregister: the worker `marker` (posted code: cleared while the worker sleeps in a UMCG wait and by the ERANGE
   * bug in the posted code) or a permanent per-task `flag` (the reference kernel).
   */
  readonly workerCheck: 'marker' | 'flag';
  /**
   * Whether `umcg_ctl` register stores a valid clock before its later checks fail (every PeterZ version).
   */
  readonly clockStoredEarly: boolean;
}
