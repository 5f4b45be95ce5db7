/**
 * What a target reports after each step, once the system is quiescent (spec/EXECUTION-MODEL.md). Every word is
 * rendered symbolically (task names instead of tids and addresses) so observations of different targets compare
 * literally; timestamps are reduced to "moved during this step".
 * @module
 */
import type { TaskName } from './task.js';

/** The system call (or exception) a sleeping task is inside, as the kernel sees it (`/proc/<tid>/syscall`). */
export type CallName =
  | 'umcg_ctl'
  | 'umcg_wait'
  | 'umcg_kick'
  | 'syscall'
  | 'fault'
  | 'rt_sigreturn'
  | 'interrupt';

/** Where a task is after a step. */
export type Where = 'user' | `asleep:${CallName}` | 'exited' | 'killed';

/** The observed words of one task's `struct umcg_task` and its position. */
export interface TaskObservation {
  /** Where the task is. */
  readonly where: Where;
  /** `state`, e.g. `RUNNABLE|COND_WAIT`, `RUNNING|0x10000` (user bits), `RUNNING|TF_0x400` (unknown TF bit). */
  readonly state: string;
  /** `next_tid`, e.g. `0`, `w1`, `w1|TID_RUNNING`, `garbage`, `0x40000007`. */
  readonly next_tid: string;
  /** `server_tid`, rendered like `next_tid`. */
  readonly server_tid: string;
  /** `runnable_workers_ptr`: `0`, a task name (address of its struct) or a hex number. */
  readonly rwp: string;
  /** The runnable list read from `rwp` as task names (`[]` when `rwp` is 0; `...` marks a cut cycle). */
  readonly list: readonly string[];
  /** `__hole[0]` and `__zero[0..2]`, e.g. `0 0,0,0`. */
  readonly reserved: string;
  /** Whether `blocked_ts` changed during the step. */
  readonly blocked_ts_moved: boolean;
  /** Whether `runnable_ts` changed during the step. */
  readonly runnable_ts_moved: boolean;
  /** Number of signal handler runs so far. */
  readonly signals: number;
}

/** Result of a call or user operation that completed during a step: `0`, an errno name, `ok`/`fail`, `[w1,w0]`. */
export interface CallResult {
  /** What completed: a syscall name, `cas`, `take` or `syscall`/`fault`. */
  readonly call: string;
  /** Its rendered return value. */
  readonly ret: string;
}

/** Everything observed after one step. */
export interface StepObservation {
  /** True once the kernel killed the process (SIGKILL): no memory can be read any more. */
  readonly killed: boolean;
  /** Per task, in declaration order; absent when `killed`. */
  readonly tasks: Readonly<Record<TaskName, TaskObservation>>;
  /** Calls that returned during the step, by task (not compared when `killed`). */
  readonly results: Readonly<Record<TaskName, CallResult>>;
}

/**
 * A stable string form of an observation (key order fixed), used to compare and hash observations. A killed
 * observation is only `KILLED`: its results were in the process's memory, which no target can read after the kill
 * (EXECUTION-MODEL.md, "Observations").
 */
export function canonicalObservation(obs: StepObservation): string {
  if (obs.killed) return 'KILLED';
  const tasks = Object.keys(obs.tasks)
    .sort()
    .map((name) => {
      const t = obs.tasks[name]!;
      return `${name}:${t.where}:${t.state}:${t.next_tid}:${t.server_tid}:${t.rwp}:[${t.list.join(',')}]:${t.reserved}:${
        t.blocked_ts_moved ? 'B' : '-'
      }${t.runnable_ts_moved ? 'R' : '-'}:${t.signals}`;
    });
  const results = Object.keys(obs.results)
    .sort()
    .map((name) => `${name}=${obs.results[name]!.call}:${obs.results[name]!.ret}`);
  return `alive|${tasks.join(' ')}|${results.join(' ')}`;
}
