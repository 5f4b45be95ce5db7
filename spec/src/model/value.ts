/**
 * Symbolic values that user space writes into `struct umcg_task` words, so a trace means the same thing on every
 * target (each target has its own tids and addresses).
 * @module
 */
import type { TaskName } from './task.js';

/** A value written into a word by user space. */
export type Value =
  /** A literal number (state values with flags, zero, ...). */
  | { readonly kind: 'num'; readonly value: number }
  /** The tid of a task, OR-ed with `bits` (for instance `UMCG_TID_RUNNING`). */
  | { readonly kind: 'tid'; readonly task: TaskName; readonly bits: number }
  /** The address of a task's `struct umcg_task` (what runnable lists hold). */
  | { readonly kind: 'addr'; readonly task: TaskName }
  /** A tid that names no thread (`GARBAGE_TID`). */
  | { readonly kind: 'garbage' };

/** Shorthand constructor for a literal. */
export const num = (value: number): Value => ({ kind: 'num', value });
/** Shorthand constructor for a task's tid, optionally OR-ed with extra bits. */
export const tidOf = (task: TaskName, bits = 0): Value => ({ kind: 'tid', task, bits });
/** Shorthand constructor for a task's struct address. */
export const addrOf = (task: TaskName): Value => ({ kind: 'addr', task });
/** The garbage tid. */
export const garbage: Value = { kind: 'garbage' };
