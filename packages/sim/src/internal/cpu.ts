/**
 * A CPU with its run queue. The scheduler (`run/scheduler.ts`) picks, with the seeded source, which CPU executes
 * the next micro-step and which queued thread it runs.
 * @module
 */
import type { Task } from './task.js';

/** One CPU. */
export class Cpu {
  /** Threads with kernel (or litmus user) work queued on this CPU; `rq[curr]` runs now. */
  readonly rq: Task[] = [];
  /** Index in `rq` of the thread the CPU is currently executing. */
  curr = 0;
  /** Relative speed (1-8, drawn per run from the seed): how often the scheduler lets this CPU take a micro-step. */
  speed = 1;

  /** CPU number. */
  readonly id: number;

  /** Creates CPU `id`. */
  constructor(id: number) {
    this.id = id;
  }

  /** Removes a thread from the run queue. */
  dequeue(t: Task): void {
    const i = this.rq.indexOf(t);
    if (i < 0) return;
    this.rq.splice(i, 1);
    if (this.curr > i || this.curr >= this.rq.length) this.curr = 0;
  }
}
