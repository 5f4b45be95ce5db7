/**
 * The seeded pseudo-random source behind every choice of the simulator (splitmix32). One instance per run.
 * @module
 */

/** A deterministic 32-bit generator. */
export class Rng {
  private s: number;
  /** Number of draws so far (recorded for diagnostics). */
  draws = 0;

  /** Creates a generator from a seed (any integer). */
  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** Next unsigned 32-bit value. */
  next(): number {
    this.draws++;
    this.s = (this.s + 0x9e3779b9) >>> 0;
    let z = this.s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** A value in `[0, n)`. */
  below(n: number): number {
    return n <= 1 ? 0 : this.next() % n;
  }

  /** True with probability `num/den`. */
  chance(num: number, den: number): boolean {
    return this.below(den) < num;
  }
}
