/**
 * `runLitmusTest`: run a litmus program N times on a target (run i with a seed derived from `seed` and i by a hash), enumerate the spec's
 * outcomes with `explore`, and tabulate (see `histogram.ts`).
 * @module
 */
import type { LitmusRun, Target } from '../adapters/contract.js';
import { defaultEngine, type SpecEngine } from '../generate/engine.js';
import { deriveSeed } from '../trace/hash.js';
import type { LitmusTest } from '../trace/types.js';
import { type LitmusHistogram, tabulate } from './histogram.js';

/** Options of `runLitmusTest`. */
export interface LitmusRunOptions {
  /** Spec engine (default `@umcg/spec`). */
  readonly engine?: SpecEngine;
  /** State budget of the spec's exploration (default: the engine's). */
  readonly maxStates?: number;
  /** Interrupt (Ctrl-C): passed to every run (`RunOptions.signal`); no further run starts once it is aborted. */
  readonly signal?: AbortSignal;
}

/** Runs `test` `runs` times on `target` and tabulates the outcomes against the spec's. */
export async function runLitmusTest(
  target: Target,
  test: LitmusTest,
  runs: number,
  seed: number,
  options: LitmusRunOptions = {},
): Promise<LitmusHistogram> {
  const engine = options.engine ?? defaultEngine();
  const config = { profile: test.header.profile, tasks: test.header.tasks };
  const spec = engine.explore(
    config,
    test.program,
    options.maxStates === undefined ? {} : { maxStates: options.maxStates },
  );
  const results: LitmusRun[] = [];
  const signal = options.signal;
  for (let i = 0; i < runs && signal?.aborted !== true; i++)
    results.push(
      await target.runLitmus(test.program, {
        seed: deriveSeed(seed, 'litmus', i),
        ...(signal ? { signal } : {}),
      }),
    );
  return tabulate(test, spec, results, { runs, seed });
}
