/**
 * Litmus programs: a sequential prologue, then one list of user actions per task run concurrently (like herd7's
 * litmus tests), then the observation of the final, quiescent state.
 * @module
 */
import type { Action, UserAction } from './action.js';
import type { TaskDecl, TaskName } from './task.js';

/** A small concurrent program. */
export interface LitmusProgram {
  /** The tasks (threads) of the process. */
  readonly tasks: readonly TaskDecl[];
  /** Steps run one after the other, each to quiescence, before the concurrent part (registration etc.). */
  readonly prologue: readonly Action[];
  /** Per task, the user actions it performs in order, concurrently with the other tasks' lists. */
  readonly threads: Readonly<Record<TaskName, readonly UserAction[]>>;
}
