/**
 * klitmus-style randomisation of a litmus run on a real kernel: per task, a start delay (spins after the common
 * start flag, log-uniform up to 2^14, or none) and a CPU to run on (or anywhere), drawn from the run's seed, so each
 * iteration of a litmus program meets the race at another offset and placement, and a seed replays its draw.
 * @module
 */

/** One task's skew. */
export interface TaskSkew {
  /** Spins after the start flag. */
  readonly delay: number;
  /** CPU to pin the task to, or -1 for anywhere. */
  readonly cpu: number;
}

/** mulberry32: a small, well-mixed 32-bit PRNG. */
function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The skew of every task of a litmus run with seed `seed` on a machine with `cpus` CPUs. */
export function litmusSkew(seed: number, tasks: readonly string[], cpus: number): Record<string, TaskSkew> {
  const r = prng(seed ^ 0x5eed);
  const out: Record<string, TaskSkew> = {};
  for (const t of tasks) {
    const delay = r() < 0.25 ? 0 : Math.floor(2 ** (r() * 14));
    const cpu = cpus > 1 && r() < 0.67 ? Math.floor(r() * cpus) : -1;
    out[t] = { delay, cpu };
  }
  return out;
}
