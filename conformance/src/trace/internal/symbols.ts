/**
 * Symbolic names the text form accepts for numbers: state values and flags, ctl/wait flags, clocks.
 * @module
 */
import {
  CLOCK_BOOTTIME,
  CLOCK_MONOTONIC,
  CLOCK_REALTIME,
  CLOCK_TAI,
  UMCG_CTL_MULTI,
  UMCG_CTL_REGISTER,
  UMCG_CTL_UNREGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_NONE,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
  UMCG_TID_RUNNING,
  UMCG_WAIT_ENQUEUE,
} from '@umcg/spec';

/** Constants usable in values (store/cas operands), with their `UMCG_*` long forms. */
export const VALUE_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['NONE', UMCG_TASK_NONE],
  ['RUNNING', UMCG_TASK_RUNNING],
  ['RUNNABLE', UMCG_TASK_RUNNABLE],
  ['BLOCKED', UMCG_TASK_BLOCKED],
  ['PREEMPT', UMCG_TF_PREEMPT],
  ['COND_WAIT', UMCG_TF_COND_WAIT],
  ['TID_RUNNING', UMCG_TID_RUNNING],
  ['UMCG_TASK_NONE', UMCG_TASK_NONE],
  ['UMCG_TASK_RUNNING', UMCG_TASK_RUNNING],
  ['UMCG_TASK_RUNNABLE', UMCG_TASK_RUNNABLE],
  ['UMCG_TASK_BLOCKED', UMCG_TASK_BLOCKED],
  ['UMCG_TF_PREEMPT', UMCG_TF_PREEMPT],
  ['UMCG_TF_COND_WAIT', UMCG_TF_COND_WAIT],
  ['UMCG_TID_RUNNING', UMCG_TID_RUNNING],
]);

/** `umcg_ctl` flag names. */
export const CTL_FLAGS: ReadonlyMap<string, number> = new Map([
  ['REGISTER', UMCG_CTL_REGISTER],
  ['UNREGISTER', UMCG_CTL_UNREGISTER],
  ['WORKER', UMCG_CTL_WORKER],
  ['MULTI', UMCG_CTL_MULTI],
  ['UMCG_CTL_REGISTER', UMCG_CTL_REGISTER],
  ['UMCG_CTL_UNREGISTER', UMCG_CTL_UNREGISTER],
  ['UMCG_CTL_WORKER', UMCG_CTL_WORKER],
  ['UMCG_CTL_MULTI', UMCG_CTL_MULTI],
]);

/** `umcg_wait` flag names. */
export const WAIT_FLAGS: ReadonlyMap<string, number> = new Map([
  ['ENQUEUE', UMCG_WAIT_ENQUEUE],
  ['UMCG_WAIT_ENQUEUE', UMCG_WAIT_ENQUEUE],
]);

/** Clock names. */
export const CLOCKS: ReadonlyMap<string, number> = new Map([
  ['REALTIME', CLOCK_REALTIME],
  ['MONOTONIC', CLOCK_MONOTONIC],
  ['BOOTTIME', CLOCK_BOOTTIME],
  ['TAI', CLOCK_TAI],
  ['CLOCK_REALTIME', CLOCK_REALTIME],
  ['CLOCK_MONOTONIC', CLOCK_MONOTONIC],
  ['CLOCK_BOOTTIME', CLOCK_BOOTTIME],
  ['CLOCK_TAI', CLOCK_TAI],
]);

/** Short name of a value in a table (first entry wins), if any. */
export function nameOf(table: ReadonlyMap<string, number>, value: number): string | undefined {
  for (const [name, v] of table) if (v === value) return name;
  return undefined;
}

/** Prints `value` as `A|B|0x..` using the single-bit names of `table` (`0` when zero). */
export function printBits(table: ReadonlyMap<string, number>, value: number): string {
  if (value === 0) return '0';
  const parts: string[] = [];
  let rest = BigInt(value);
  for (const [name, v] of table) {
    if (name.startsWith('UMCG_') || name.startsWith('CLOCK_')) continue;
    const bit = BigInt(v);
    if (bit !== 0n && (rest & bit) === bit) {
      parts.push(name);
      rest &= ~bit;
    }
  }
  if (rest !== 0n) parts.push(`0x${rest.toString(16)}`);
  return parts.join('|');
}
