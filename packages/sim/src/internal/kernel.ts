/**
 * The simulated kernel instance: profile parameters, the active mutant, the seeded random source, user memory,
 * the threads, the CPUs and the virtual clock. Kernel paths receive it as their first argument.
 * @module
 */
import type { ProfileParams, TaskDecl } from '@umcg/spec/vocabulary';
import type { MutantName } from '../mutants/names.js';
import { Cpu } from './cpu.js';
import { Memory, PAGE_SIZE } from './memory.js';
import type { Rng } from './rng.js';
import { Task } from './task.js';
import { KILLED } from './yield.js';

/** First tid handed out; tids are `TID_BASE + index`. */
export const TID_BASE = 4200;
/** User address of task 0's struct; task i's struct is alone in page `STRUCT_BASE + i * PAGE_SIZE`. */
export const STRUCT_BASE = 0x7f3a_0000_0000;

/** Per-clock offsets of the virtual clock (REALTIME, MONOTONIC, BOOTTIME, TAI). */
const CLOCK_OFFSET: Readonly<Record<number, number>> = {
  0: 1_700_000_000_000_000,
  1: 0,
  7: 5_000,
  11: 1_700_000_037_000_000,
};

/** The kernel. */
export class Kernel {
  /** User memory. */
  readonly mem = new Memory();
  /** Threads in declaration order. */
  readonly tasks: Task[] = [];
  /** CPUs. */
  readonly cpus: Cpu[] = [];
  /** The CPU executing the current micro-step. */
  cpuNow = 0;
  /** Virtual time in ns since boot (advances on every clock read). */
  ns = 1_000_000;
  /** Set once SIGKILL took the process. */
  killed = false;
  /** User addresses user code stored to since the last observation began (a timestamp written by user code). */
  readonly userWritten = new Set<number>();
  /** User addresses user code ever stored to (the order of a timestamp is only judged against kernel stamps). */
  readonly userEver = new Set<number>();
  private readonly byTid = new Map<number, Task>();

  /** Profile parameters. */
  readonly p: ProfileParams;
  /** Active mutant, if any. */
  readonly mutant: MutantName | undefined;
  /** Random source. */
  readonly rng: Rng;

  /** Boots a kernel with one thread per declared task. */
  constructor(
    p: ProfileParams,
    mutant: MutantName | undefined,
    rng: Rng,
    decls: readonly TaskDecl[],
    ncpus: number,
  ) {
    this.p = p;
    this.mutant = mutant;
    this.rng = rng;
    for (let i = 0; i < ncpus; i++) {
      const cpu = new Cpu(i);
      cpu.speed = 1 + rng.below(8);
      this.cpus.push(cpu);
    }
    decls.forEach((d, i) => {
      const addr = STRUCT_BASE + i * PAGE_SIZE;
      this.mem.map(addr, d.memory ?? 'anon');
      const t = new Task(d.name, TID_BASE + i, addr, i % ncpus);
      this.tasks.push(t);
      this.byTid.set(t.tid, t);
    });
  }

  /** Whether mutant `name` is active. */
  m(name: MutantName): boolean {
    return this.mutant === name;
  }

  /** Whether `value` is a reading of clock `clockId` taken while virtual time was in `(from, to]`. */
  readingOf(clockId: number, value: number, from: number, to: number): boolean {
    const t = value - (CLOCK_OFFSET[clockId] ?? 0);
    return t > from && t <= to;
  }

  /** Reads clock `clockId` (advancing virtual time so that every reading differs). */
  now(clockId: number): number {
    this.ns += 1000;
    return this.ns + (CLOCK_OFFSET[clockId] ?? 0);
  }

  /** `force_sig(SIGKILL)`: the whole thread group dies at once. */
  kill(): never {
    this.killed = true;
    throw KILLED;
  }

  /** A live thread of this process (same mm) with the given tid. */
  thread(tid: number): Task | undefined {
    const t = this.byTid.get(tid >>> 0);
    return t !== undefined && t.mode !== 'exited' ? t : undefined;
  }

  /** UMCG lookup: a live, registered UMCG thread; the tid is masked when the profile has `UMCG_TID_MASK`. */
  umcgTask(tid: number, masked: boolean): Task | undefined {
    const t = this.thread(masked ? tid & 0x3fffffff : tid);
    return t !== undefined && t.umcgTask !== 0 ? t : undefined;
  }

  /**
   * `try_to_wake_up`: makes a sleeping thread runnable (on the waker's CPU when `currentCpu`). `interruptibleOnly`
   * is signal_wake_up's TASK_INTERRUPTIBLE; otherwise TASK_NORMAL. Returns whether the thread was woken.
   */
  ttwu(t: Task, currentCpu: boolean, interruptibleOnly = false): boolean {
    if (t.mode !== 'kernel' || t.kstate === 'running') return false;
    if (interruptibleOnly && t.kstate !== 'interruptible') return false;
    t.kstate = 'running';
    if (!t.onRq) {
      if (currentCpu) t.cpu = this.cpuNow;
      this.enqueue(t);
    }
    return true;
  }

  /** Puts a thread that has work on its CPU's run queue. */
  enqueue(t: Task): void {
    if (t.onRq) return;
    t.onRq = true;
    this.cpus[t.cpu]!.rq.push(t);
  }
}
