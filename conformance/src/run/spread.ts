/**
 * Spreading the generated stages over profiles: a run without `--profile` on a target that implements several
 * profiles generates for every one of them (the reference gets the largest share, each other profile an equal part
 * of the rest), so a mistake in another profile's path is found by generation and not only by the few corpus traces
 * written for it. The total number of runs, and so the wall time, stays the same.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import { deriveSeed } from '../trace/hash.js';

/** One profile's share of a generated stage. */
export interface ProfileShare {
  /** The profile. */
  readonly profile: ProfileId;
  /** Its number of runs (at least 1). */
  readonly runs: number;
}

/**
 * Splits `runs` over `profiles`: `main` first with half (rounded up), then each other profile in the given order
 * with an equal part of the rest (the first ones take the remainder). Profiles whose share would be 0 are left out;
 * with one profile (or `main` absent from `profiles`), `main` takes everything.
 */
export function spreadRuns(runs: number, main: ProfileId, profiles: readonly ProfileId[]): ProfileShare[] {
  const others = [...new Set(profiles)].filter((p) => p !== main);
  if (runs <= 0) return [];
  if (others.length === 0 || !profiles.includes(main) || runs < 2) return [{ profile: main, runs }];
  const first = Math.ceil(runs / 2);
  const rest = runs - first;
  const each = Math.floor(rest / others.length);
  const extra = rest - each * others.length;
  const out: ProfileShare[] = [{ profile: main, runs: first }];
  others.forEach((p, i) => {
    const n = each + (i < extra ? 1 : 0);
    if (n > 0) out.push({ profile: p, runs: n });
  });
  return out;
}

/** A per-profile seed: the run's seed for the main profile, a seed derived by hash for each further one. */
export const profileSeed = (seed: number, index: number): number =>
  index === 0 ? seed : deriveSeed(seed, 'profile', index);
