/**
 * BUGGIFY-style knobs of one run (as in FoundationDB's deterministic simulation): how the scheduler interleaves and how
 * often optional interrupts land. They are part of what makes a run replayable, with the seed.
 * @module
 */

/** The knob vector. */
export interface Knobs {
  /** Number of CPUs. */
  readonly cpus: number;
  /** Chance (in 1/256) that a CPU switches to another queued thread at a preemption point. */
  readonly switchPer256: number;
  /** Chance (in 1/256) that an optional spontaneous interrupt lands on a task whose hook would act. */
  readonly interruptPer256: number;
  /** Queue repeated signals (RT-signal semantics) instead of coalescing them (SIGUSR1, the default). */
  readonly queueSignals: boolean;
  /**
   * Chance (in 1/256) that a settle round is scheduled PCT-style (`pct.ts`: random thread priorities, the highest
   * runnable thread runs, up to `pctDepth` change points demote the running thread) instead of by random switching.
   */
  readonly pctPer256: number;
  /** Most change points of a PCT round (its bug depth); each round draws 1..pctDepth. */
  readonly pctDepth: number;
}

/** Defaults: 2 CPUs, frequent interleaving, optional interrupts one time in eight (generated traces follow the spec's
 * default path, so a landed interrupt often makes the rest of the trace ill-formed). */
export const DEFAULT_KNOBS: Knobs = {
  cpus: 2,
  switchPer256: 96,
  interruptPer256: 32,
  queueSignals: false,
  pctPer256: 128,
  pctDepth: 3,
};

/** Sequential knobs: one CPU, no voluntary switching, no optional interrupts (for readable unit tests). */
export const SEQUENTIAL_KNOBS: Knobs = {
  cpus: 1,
  switchPer256: 0,
  interruptPer256: 0,
  queueSignals: false,
  pctPer256: 0,
  pctDepth: 0,
};

/** A short form for reports, e.g. `cpus=2,switch=96,irq=128`. */
export function renderKnobs(k: Knobs): string {
  const pct = k.pctPer256 > 0 ? `,pct=${k.pctPer256},depth=${k.pctDepth}` : '';
  return `cpus=${k.cpus},switch=${k.switchPer256},irq=${k.interruptPer256}${pct}${k.queueSignals ? ',sigqueue=1' : ''}`;
}
