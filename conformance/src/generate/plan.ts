/**
 * A generation plan: the shrinkable raw material of a generated trace (task counts, swarm knobs, and one integer
 * choice per step). Interpreting a plan against the spec (`interpretPlan`) always yields a valid trace, so every
 * shrink of a plan is a valid trace too.
 * @module
 */
import fc from 'fast-check';
import { CHOICE_RANGE } from './internal/pick.js';
import type { ActionKind } from './kinds.js';
import { DEFAULT_KNOBS, type Knobs, knobsArbitrary, withKindsOff } from './knobs.js';

/** The raw material of one generated trace. */
export interface GenPlan {
  /** Number of servers (`s0`…). */
  readonly servers: number;
  /** Number of workers (`w0`…). */
  readonly workers: number;
  /** Swarm knobs. */
  readonly knobs: Knobs;
  /** One choice per step, each in [0, 65536), interpreted against the actions the spec enables at that step. */
  readonly choices: readonly number[];
}

/** Options of plan generation. */
export interface PlanOptions {
  /**
   * Minimum number of steps (default 15; lengths spread evenly over min..max). fast-check's shrinking stops at the
   * minimum; the hunter's trace-level minimization (`minimizeTrace`) goes below it.
   */
  readonly minSteps?: number;
  /** Maximum number of steps (default 40). */
  readonly maxSteps?: number;
  /** Vary the knobs per trace (default true); false uses `knobs` or the defaults. */
  readonly swarm?: boolean;
  /** Fixed knobs when `swarm` is false. */
  readonly knobs?: Knobs;
  /** Action kinds switched off in every plan (e.g. `['fault']` to keep unmapped pages out of a hunt). */
  readonly exclude?: readonly ActionKind[];
  /** Bounds of the server count (default 1..3, 2+ in 90 % of plans). */
  readonly servers?: { readonly min: number; readonly max: number };
  /** Bounds of the worker count (default 1..4, 3+ in 80 % of plans). */
  readonly workers?: { readonly min: number; readonly max: number };
}

function countArb(bounds: { min: number; max: number } | undefined, lo: number, hi: number, mostly: number) {
  if (bounds) return fc.integer(bounds);
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.integer({ min: lo, max: mostly - 1 }), weight: 1 },
    { arbitrary: fc.integer({ min: mostly, max: hi }), weight: mostly === 2 ? 9 : 4 },
  );
}

/** Plans; shrinking shortens the choice list, lowers choices toward 0, the task counts and the knobs. */
export function planArbitrary(options: PlanOptions = {}): fc.Arbitrary<GenPlan> {
  const minSteps = options.minSteps ?? 15;
  const maxSteps = options.maxSteps ?? 40;
  const base = options.swarm === false ? fc.constant(options.knobs ?? DEFAULT_KNOBS) : knobsArbitrary();
  const off = options.exclude ?? [];
  const knobs = off.length === 0 ? base : base.map((k) => withKindsOff(k, off));
  return fc.record({
    servers: countArb(options.servers, 1, 3, 2),
    workers: countArb(options.workers, 1, 4, 3),
    knobs,
    choices: fc.array(fc.integer({ min: 0, max: CHOICE_RANGE - 1 }), {
      minLength: minSteps,
      maxLength: maxSteps,
      size: 'max',
    }),
  });
}
