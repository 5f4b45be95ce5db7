/**
 * PCT-style scheduling of one settle round (probabilistic concurrency testing: Burckhardt et al., ASPLOS 2010):
 * every thread gets a random priority when it first shows up on a run queue, the highest-priority runnable thread
 * takes the next micro-step, and at up to `depth` change points (micro-step indices drawn from a short horizon)
 * the running thread drops below every other. A thread woken by another thus often runs to its next sleep before
 * the waker takes its next micro-step, and a change point stops a kernel path between two of its micro-steps
 * while another thread runs: the short windows random switching rarely opens. Everything comes from the run's
 * seeded source, so a run replays exactly.
 * @module
 */
import type { Cpu } from '../cpu.js';
import type { Rng } from '../rng.js';
import type { Task } from '../task.js';

/** Micro-steps over which the change points are spread (a step's kernel paths are about this long). */
const HORIZON = 48;
/** Past this many micro-steps a round falls back to random switching (a spinning high-priority thread). */
export const PCT_BUDGET = 4_000;

/** The PCT state of one settle round. */
export class PctRound {
  private readonly prio = new Map<Task, number>();
  private readonly changes: Set<number>;
  private low = 0;
  private readonly rng: Rng;

  /** Draws 0..`depth` change points over the horizon. */
  constructor(rng: Rng, depth: number) {
    this.rng = rng;
    const n = rng.below(depth + 1);
    this.changes = new Set(Array.from({ length: n }, () => rng.below(HORIZON)));
  }

  private priority(t: Task): number {
    let p = this.prio.get(t);
    if (p === undefined) {
      p = 1 + this.rng.below(1 << 16);
      this.prio.set(t, p);
    }
    return p;
  }

  /** The CPU and run-queue index of the highest-priority queued thread, or undefined when none is queued. */
  pick(cpus: readonly Cpu[]): { cpu: Cpu; index: number } | undefined {
    let best: { cpu: Cpu; index: number } | undefined;
    let bestPrio = Number.NEGATIVE_INFINITY;
    for (const cpu of cpus) {
      cpu.rq.forEach((t, index) => {
        const p = this.priority(t);
        if (p > bestPrio) {
          bestPrio = p;
          best = { cpu, index };
        }
      });
    }
    return best;
  }

  /** After micro-step `step` by `t`: at a change point `t` drops below every priority given so far. */
  stepped(step: number, t: Task): void {
    if (this.changes.has(step)) this.prio.set(t, --this.low);
  }
}
