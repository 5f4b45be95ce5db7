/**
 * Tasks of a trace: named threads of one process. Every task owns one `struct umcg_task` in its own page.
 * @module
 */

/** A task's name in traces and observations, e.g. `s0`, `w1` (letters, digits, `_`, starting with a letter). */
export type TaskName = string;

/** Where a task's `struct umcg_task` lives: an anonymous page (required by pinning) or a shmem page ([PZ-v2] 5/5 struct umcg_task). */
export type MemoryKind = 'anon' | 'shmem';

/** Declaration of one task in a trace header. */
export interface TaskDecl {
  /** The task's name. */
  readonly name: TaskName;
  /** The kind of page its struct is in; `anon` unless stated. */
  readonly memory?: MemoryKind;
}

/** The pattern a task name must match. */
export const TASK_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** A tid value that names no thread of the process (chosen inside `UMCG_TID_MASK`; used for "garbage tid"). */
export const GARBAGE_TID = 0x3fff0001;
