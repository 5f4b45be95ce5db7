/**
 * Kernel paths are generators that yield at every point where another thread may run: before each access to user
 * memory and each kernel-state update (`STEP`), and when the thread goes to sleep (`SLEEP`).
 * @module
 */

/** A preemption point. */
export const STEP = 0;
/** The thread dequeued itself and sleeps until woken. */
export const SLEEP = 1;

/** What a kernel path yields. */
export type Yield = typeof STEP | typeof SLEEP;

/** A kernel path returning `T`. */
export type KGen<T> = Generator<Yield, T, void>;

/** Thrown out of every path when the process is killed (SIGKILL): nothing runs afterwards. */
export const KILLED: unique symbol = Symbol('killed');
