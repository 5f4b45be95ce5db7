/**
 * The simulated `task_struct`: one thread of the process with the UMCG fields the posted patches add
 * (`umcg_task` pointer, worker marker, syscall/return-to-user work flags, pin state, clock).
 * @module
 */
import type { CallName, CallResult, UserAction } from '@umcg/spec/vocabulary';
import type { Page } from './memory.js';
import type { KGen } from './yield.js';

/** Scheduler state of a thread (`__state`). */
export type KState = 'running' | 'interruptible' | 'uninterruptible';

/** Where the thread executes: user code, kernel code, or nowhere any more. */
export type Mode = 'user' | 'kernel' | 'exited';

/** Pages pinned by `umcg_pin_pages` and the cached server. */
export interface Pinned {
  /** Page of the task's own struct. */
  readonly self: Page;
  /** Page of the server's struct (undefined while pinning is incomplete). */
  server: Page | undefined;
  /** Page of `next` (RFC v1 only). */
  next: Page | undefined;
  /** Cached server task. */
  serverTask: Task | undefined;
}

/** A wait interrupted by a signal whose timeout is kept for later (follow-ups' signal-context exclusion). */
export interface SavedWait {
  /** Absolute deadline on the task's clock, 0 for none. */
  readonly deadline: number;
  /** Whether the caller was a worker. */
  readonly worker: boolean;
  /** True once the handler ran and `rt_sigreturn` brought the task back to the hook. */
  delivered: boolean;
}

/** One thread. */
export class Task {
  /** Where the thread is. */
  mode: Mode = 'user';
  /** Entry the thread last took into the kernel (what `/proc/<tid>/syscall` shows). */
  entry: CallName = 'interrupt';
  /** Scheduler state. */
  kstate: KState = 'running';
  /** Whether the thread is on a CPU run queue. */
  onRq = false;
  /** CPU the thread last ran on. */
  cpu: number;
  /** The code the thread is executing (a kernel path, or a user operation in litmus mode). */
  gen: KGen<CallResult | undefined> | null = null;
  /** Litmus mode: user actions still to perform. */
  queue: UserAction[] = [];

  /** `current->umcg_task`: user address of the registered struct, 0 when not registered. */
  umcgTask = 0;
  /** `PF_UMCG_WORKER`: the worker marker (enables block detection). */
  pfWorker = false;
  /** `SYSCALL_WORK_SYSCALL_UMCG`: syscall entry/exit hooks enabled. */
  syscallWork = false;
  /** `TIF_UMCG`: return-to-user hook enabled. */
  tifUmcg = false;
  /** Registration clock id. */
  clock = 0;
  /** Pin state; non-null means pinned (or stale). */
  pinned: Pinned | null = null;

  /** The thread is inside a blocking syscall/fault waiting for `complete`. */
  blockingIn = false;
  /** The blocking syscall/fault the thread sleeps in has completed. */
  completed = false;
  /** hrtimer of a timed UMCG wait. */
  timer: { deadline: number; fired: boolean } | null = null;
  /** Non-fatal signals pending (at most 1 unless signals are queued, see `Knobs.queueSignals`). */
  sigPending = 0;
  /** Number of handler runs. */
  signals = 0;
  /** An interrupt (IPI, tick) is pending while user code runs. */
  irqPending = false;
  /** A spontaneous interrupt already happened since the task's last action. */
  spontaneous = false;
  /** Follow-ups: a signal ended a UMCG wait, so its handler and `rt_sigreturn` run without the syscall hooks. */
  sigExcluded = false;
  /** Follow-ups: a UMCG wait suspended by a signal. */
  savedWait: SavedWait | null = null;
  /** A return value replacing the syscall's own (set by a wait resumed after a signal). */
  retOverride: string | undefined = undefined;

  /** Name in traces. */
  readonly name: string;
  /** Thread id. */
  readonly tid: number;
  /** User address of its own struct (page aligned). */
  readonly addr: number;

  /** Creates a thread. */
  constructor(name: string, tid: number, addr: number, cpu: number) {
    this.name = name;
    this.tid = tid;
    this.addr = addr;
    this.cpu = cpu;
  }
}
