/**
 * Exact layout of `struct umcg_task` ([PZ-v2] 5/5 struct umcg_task): packed, aligned to 64, `sizeof == 64`.
 * @module
 */

/** One field of `struct umcg_task`: byte offset and size. */
export interface FieldLayout {
  /** Byte offset from the start of the struct. */
  readonly offset: number;
  /** Size in bytes (4 or 8). */
  readonly size: 4 | 8;
}

/** The fields of `struct umcg_task` in the RFC v2 layout. */
export const UMCG_TASK_LAYOUT = {
  state: { offset: 0, size: 4 },
  next_tid: { offset: 4, size: 4 },
  server_tid: { offset: 8, size: 4 },
  hole: { offset: 12, size: 4 },
  blocked_ts: { offset: 16, size: 8 },
  runnable_ts: { offset: 24, size: 8 },
  runnable_workers_ptr: { offset: 32, size: 8 },
  zero0: { offset: 40, size: 8 },
  zero1: { offset: 48, size: 8 },
  zero2: { offset: 56, size: 8 },
} as const satisfies Record<string, FieldLayout>;

/** Name of a `struct umcg_task` field (`hole` is `__hole[0]`, `zeroN` is `__zero[N]`). */
export type Field = keyof typeof UMCG_TASK_LAYOUT;

/** All field names in layout order. */
export const FIELDS: readonly Field[] = Object.keys(UMCG_TASK_LAYOUT) as Field[];

/** The fields user space may write in a trace (the timestamps are kernel-written, but user space can scribble). */
export const WRITABLE_FIELDS: readonly Field[] = FIELDS;

/** `sizeof(struct umcg_task)`. */
export const UMCG_TASK_SIZE = 64;
