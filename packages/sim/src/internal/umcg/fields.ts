/**
 * Offsets of `struct umcg_task` fields and the state bits the kernel paths use (values from `@umcg/spec`'s ABI
 * constants, [PZ-v2] 5/5 include/uapi/linux/umcg.h).
 * @module
 */
import { type ErrnoName, UMCG_TASK_LAYOUT } from '@umcg/spec/vocabulary';

/** Offset of `state`. */
export const STATE = UMCG_TASK_LAYOUT.state.offset;
/** Offset of `next_tid`. */
export const NEXT_TID = UMCG_TASK_LAYOUT.next_tid.offset;
/** Offset of `server_tid`. */
export const SERVER_TID = UMCG_TASK_LAYOUT.server_tid.offset;
/** Offset of `blocked_ts`. */
export const BLOCKED_TS = UMCG_TASK_LAYOUT.blocked_ts.offset;
/** Offset of `runnable_ts`. */
export const RUNNABLE_TS = UMCG_TASK_LAYOUT.runnable_ts.offset;
/** Offset of `runnable_workers_ptr`. */
export const RWP = UMCG_TASK_LAYOUT.runnable_workers_ptr.offset;
/** Offset of `__zero[0]`. */
export const ZERO0 = UMCG_TASK_LAYOUT.zero0.offset;

export {
  UMCG_TASK_BLOCKED as BLOCKED,
  UMCG_TASK_MASK as TASK_MASK,
  UMCG_TASK_NONE as NONE,
  UMCG_TASK_RUNNABLE as RUNNABLE,
  UMCG_TASK_RUNNING as RUNNING,
  UMCG_TF_COND_WAIT as COND_WAIT,
  UMCG_TF_MASK as TF_MASK,
  UMCG_TF_PREEMPT as PREEMPT,
  UMCG_TID_RUNNING as TID_RUNNING,
} from '@umcg/spec/vocabulary';

/** 0 for success or the errno name a kernel path fails with. */
export type Ret = 0 | ErrnoName;
