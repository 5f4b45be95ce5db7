/**
 * Hunting with concurrent programs: generated litmus programs (`litmusArbitrary`) each run N times on a target and
 * tabulated against the spec's outcome set; a program with a forbidden outcome fails, and fast-check shrinks it
 * (shorter prologue, fewer and shorter threads) while it still shows a forbidden outcome. Ordering bugs that no
 * sequential trace can show (a push that is not atomic, a wake before the enqueue) are found this way.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import fc from 'fast-check';
import type { Target } from '../adapters/contract.js';
import type { LitmusHistogram } from '../litmus/histogram.js';
import { runLitmusTest } from '../litmus/run.js';
import type { LitmusTest } from '../trace/types.js';
import { defaultEngine, type SpecEngine } from './engine.js';
import { litmusArbitrary } from './litmusArbitrary.js';

/** Options of `huntLitmus`. */
export interface HuntLitmusOptions {
  /** Generated programs (default 50). */
  readonly programs?: number;
  /** Runs of each program on the target (default 20). */
  readonly runsPerProgram?: number;
  /** fast-check seed (default: random). */
  readonly seed?: number;
  /** Profile (default `pz-v2`). */
  readonly profile?: ProfileId;
  /** Spec engine (default `@umcg/spec`). */
  readonly engine?: SpecEngine;
  /** State budget of each exploration (default 20000). */
  readonly maxStates?: number;
  /** Budget of shrinking in program evaluations (default 100). */
  readonly shrinkRuns?: number;
  /** Window programs (`LitmusArbitraryOptions.window`). */
  readonly window?: boolean;
  /** Stop generating after this many ms (default: no limit). */
  readonly timeLimitMs?: number;
}

/** The result of a litmus hunt. */
export interface HuntLitmusReport {
  /** Programs evaluated (without shrinking). */
  readonly programs: number;
  /** Programs whose spec exploration ran out of budget (not judged). */
  readonly partial: number;
  /** Programs that could not be run or explored (an exception), with the message. */
  readonly errors: readonly string[];
  /** The first program with a forbidden outcome, shrunk, with its histogram and replay parameters. */
  readonly failure:
    | {
        readonly test: LitmusTest;
        readonly histogram: LitmusHistogram;
        readonly seed: number;
        readonly path: string;
      }
    | undefined;
  /** fast-check seed. */
  readonly seed: number;
}

/** Runs generated litmus programs on `target` (see the module doc). */
export async function huntLitmus(target: Target, options: HuntLitmusOptions = {}): Promise<HuntLitmusReport> {
  const engine = options.engine ?? defaultEngine();
  const profile = options.profile ?? 'pz-v2';
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const runs = options.runsPerProgram ?? 20;
  const budget = options.shrinkRuns ?? 100;
  let programs = 0;
  let partial = 0;
  let shrinking = 0;
  let failed = false;
  let last: LitmusHistogram | undefined;
  const errors: string[] = [];
  const arb = litmusArbitrary({
    engine,
    profile,
    ...(options.window === undefined ? {} : { window: options.window }),
  });
  const prop = fc.asyncProperty(arb, async (test) => {
    if (failed && shrinking++ >= budget) return true;
    if (!failed) programs++;
    let h: LitmusHistogram;
    try {
      h = await runLitmusTest(target, test, runs, seed, { engine, maxStates: options.maxStates ?? 20_000 });
    } catch (e) {
      errors.push(`${test.header.name}: ${(e as Error).message}`);
      return true;
    }
    if (!h.explored.complete) partial++;
    if (h.verdict !== 'fail') return true;
    failed = true;
    last = h;
    return false;
  });
  const out = await fc.check(prop, {
    seed,
    numRuns: options.programs ?? 50,
    ...(options.timeLimitMs === undefined ? {} : { interruptAfterTimeLimit: options.timeLimitMs }),
  });
  const failure =
    out.failed && last !== undefined
      ? { test: last.test, histogram: last, seed: out.seed, path: out.counterexamplePath ?? '' }
      : undefined;
  return { programs, partial, errors, failure, seed };
}
