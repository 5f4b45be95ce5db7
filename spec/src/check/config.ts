/**
 * What one model-checking run explores: the profile (or a variant of it), how many servers and workers, how far,
 * and which optional behaviours of the user model and the environment are switched on.
 * @module
 */
import type { TaskDecl } from '../model/task.js';
import type { ProfileParams } from '../profiles/params.js';
import type { ProfileId } from '../profiles/profile.js';

/** The parameters of one bounded model-checking run. */
export interface CheckConfig {
  /** The profile checked. */
  readonly profile: ProfileId;
  /** A variant of the profile (tests seed known-bad variants this way); undefined: the profile as declared. */
  readonly variant?: Partial<ProfileParams>;
  /** Number of servers `s0..`. */
  readonly servers: number;
  /** Number of workers `w0..` (worker i starts on server i mod servers). */
  readonly workers: number;
  /** Maximum number of trace steps after the registration prologue. */
  readonly depth: number;
  /** Units of work per worker: each yield, block or switch uses one; with none left the worker unregisters. */
  readonly work: number;
  /** Signals the environment may send in one run (any task, any time). */
  readonly signals: number;
  /** Whether servers may wait with a timeout and preempt their worker on expiry (PREEMPT + kick). */
  readonly preempt: boolean;
  /** Whether workers may write a garbage `next_tid` before `umcg_wait` (the seed e-mail's malformed switch). */
  readonly malformed: boolean;
  /** Whether states equal up to a renaming of interchangeable tasks are merged (`--symmetry`; off by default: at
   * the standard bounds it merged no state, see spec/README.md). */
  readonly symmetry: boolean;
  /** Safety stop: the run ends incomplete after this many distinct states. */
  readonly maxStates: number;
}

/** The standard bound: small enough that every profile is exhausted in seconds (`--all-profiles`). */
export const STANDARD_BOUND = { servers: 1, workers: 2, depth: 14, work: 2, signals: 0 } as const;

/** The defaults of every field not given. */
export function checkConfig(partial: Partial<CheckConfig> & { readonly profile: ProfileId }): CheckConfig {
  return {
    servers: STANDARD_BOUND.servers,
    workers: STANDARD_BOUND.workers,
    depth: STANDARD_BOUND.depth,
    work: STANDARD_BOUND.work,
    signals: STANDARD_BOUND.signals,
    preempt: true,
    malformed: false,
    symmetry: false,
    maxStates: 2_000_000,
    ...partial,
  };
}

/** Server names `s0..`, then worker names `w0..`: the task declarations of the run. */
export function taskDecls(c: CheckConfig): TaskDecl[] {
  return [
    ...Array.from({ length: c.servers }, (_, i) => ({ name: `s${i}` })),
    ...Array.from({ length: c.workers }, (_, i) => ({ name: `w${i}` })),
  ];
}

/** The server index (task index) worker `w` (0-based among workers) starts on. */
export const homeServer = (c: CheckConfig, w: number): number => w % c.servers;
