/**
 * The spec's state: the user memory of every task's `struct umcg_task`, the kernel's per-task bookkeeping, and
 * each task's thread of execution (a continuation). Plain data, cloned for branching and keyed for hashing.
 * @module
 */
import type { CallName, CallResult } from '../model/observation.js';
import type { MemoryKind, TaskName } from '../model/task.js';
import type { ProfileParams } from '../profiles/params.js';
import type { RuleId } from '../rules/catalogue.js';
import type { Frame } from './thread.js';

/** The words of one `struct umcg_task` in user memory (u64 fields as numbers: values stay below 2^53). */
export interface UserStruct {
  state: number;
  next_tid: number;
  server_tid: number;
  hole: number;
  blocked_ts: number;
  runnable_ts: number;
  runnable_workers_ptr: number;
  zero0: number;
  zero1: number;
  zero2: number;
}

/** Where a task's thread is. */
export type Mode = 'user' | 'kernel' | 'exited';

/** The kernel's per-task bookkeeping (the UMCG part of `task_struct`). */
export interface KTask {
  /** `current->umcg_task`: the registered struct's address, or 0. */
  umcg: number;
  /** Registered as a worker (the syscall-work hook is on). */
  worker: boolean;
  /** The worker marker `PF_UMCG_WORKER` (enables the pre-schedule hook; cleared during UMCG's own sleeps). */
  marker: boolean;
  /** Registration clock. */
  clock: number;
  /** Pages pinned (self and server); `pinServer` is the server's task index while pinned. */
  pinned: boolean;
  pinServer: number;
  /** The server's struct address cached at pin time. */
  pinServerAddr: number;
  /** Scheduler state of the thread: 0 TASK_RUNNING, 1 interruptible, 2 uninterruptible. */
  kstate: 0 | 1 | 2;
  /** User mode, in the kernel, or exited. */
  mode: Mode;
  /** The syscall (or exception) the thread is in, while in the kernel. */
  call: CallName | '';
  /** Pending (non-fatal) signals and handler runs so far. */
  sigpending: number;
  signals: number;
  /** In a handler that an interrupt suspended in the hook: its signal is blocked until `rt_sigreturn`. */
  sigblocked: boolean;
  /** Timer of a timed UMCG wait: 0 none, 1 armed (future), 2 fired. */
  timer: 0 | 1 | 2;
  /** A blocking syscall/fault: 0 none, 1 waiting for `complete`, 2 completed. */
  completion: 0 | 1 | 2;
  /** Follow-ups: in signal context, with the wait to resume afterwards (timeout kept). */
  sigctx: boolean;
  /** The task took its one spontaneous interrupt since its last action. */
  interrupted: boolean;
  /** The result of the call that returned during the current step. */
  result: CallResult | undefined;
}

/** The thread of one task: the routine it executes and the responses its micro-steps got so far. */
export interface Thread {
  frame: Frame | undefined;
  log: unknown[];
  /** A 53-bit running hash of `log`, so states hash without serialising whole logs. */
  sig: number;
  /** The kind of the next micro-step, once known (lets a parked thread be skipped without replaying it). */
  pending?: 'block' | 'local' | 'atomic' | 'done' | undefined;
}

/** Static facts of a spec instance (shared between clones). */
export interface World {
  readonly params: ProfileParams;
  readonly names: readonly TaskName[];
  readonly memory: readonly MemoryKind[];
  readonly tids: readonly number[];
  readonly addrs: readonly number[];
}

/** Address of task i's struct: one page each. */
export const structAddress = (i: number): number => 0x7f0000000000 + i * 0x1000;
/** Tid of task i. */
export const taskTid = (i: number): number => 1000 + i;

/** The whole state. */
export class SpecState {
  readonly world: World;
  mem: UserStruct[];
  mapped: boolean[];
  k: KTask[];
  threads: Thread[];
  killed: boolean;
  now: number;
  fired: Set<RuleId>;

  /** Creates a state; use `initialState` instead. */
  constructor(
    world: World,
    mem: UserStruct[],
    mapped: boolean[],
    k: KTask[],
    threads: Thread[],
    killed: boolean,
    now: number,
    fired: Set<RuleId>,
  ) {
    this.world = world;
    this.mem = mem;
    this.mapped = mapped;
    this.k = k;
    this.threads = threads;
    this.killed = killed;
    this.now = now;
    this.fired = fired;
  }

  /** A deep copy (continuations are replayed lazily by the interpreter). */
  clone(): SpecState {
    return new SpecState(
      this.world,
      this.mem.map((m) => ({ ...m })),
      [...this.mapped],
      this.k.map((t) => ({ ...t })),
      this.threads.map((t) => ({ frame: t.frame, log: [...t.log], sig: t.sig, pending: t.pending })),
      this.killed,
      this.now,
      new Set(this.fired),
    );
  }

  /** A string identifying the state for hashing (excludes the fired rules and the clock's absolute value). */
  key(): string {
    const parts: string[] = [this.killed ? 'K' : 'A'];
    for (let i = 0; i < this.mem.length; i++) {
      const m = this.mem[i]!;
      const t = this.k[i]!;
      const th = this.threads[i]!;
      parts.push(
        `${m.state},${m.next_tid},${m.server_tid},${m.hole},${m.blocked_ts},${m.runnable_ts},${m.runnable_workers_ptr},${m.zero0},${m.zero1},${m.zero2},${this.mapped[i] ? 1 : 0}`,
        `${t.umcg},${+t.worker},${+t.marker},${t.clock},${+t.pinned},${t.pinServer},${t.pinServerAddr},${t.kstate},${t.mode},${t.call},${t.sigpending},${t.signals},${+t.sigblocked},${t.timer},${t.completion},${+t.sigctx},${+t.interrupted},${t.result ? `${t.result.call}=${t.result.ret}` : ''}`,
        th.frame ? `${th.frame.name}(${th.frame.args.join(',')})#${th.log.length}:${th.sig}` : '-',
      );
    }
    return parts.join('|');
  }
}
