/**
 * The generated-litmus stage of a default run: window programs (`litmusArbitrary` with `window`: one task inside a
 * multi-step kernel path, a second task's user actions concurrent with it) hunted on the target per profile share;
 * the first program with a forbidden outcome is shrunk by `huntLitmus` and judged again by `runLitmus`, so it is
 * reported like a corpus litmus failure (histogram, forbidden outcome).
 * @module
 */
import { createHash } from 'node:crypto';
import type { ProfileId } from '@umcg/spec';
import type { Target } from '../adapters/contract.js';
import { huntLitmus } from '../generate/huntLitmus.js';
import { canonicalJson } from '../trace/hash.js';
import { runLitmus } from './litmus.js';
import type { TraceResult } from './types.js';

/** Options of one generated-litmus batch. */
export interface GeneratedLitmusOptions {
  /** Profile of the programs. */
  readonly profile: ProfileId;
  /** Programs to generate. */
  readonly programs: number;
  /** Runs of each program on the target. */
  readonly runsPerProgram: number;
  /** fast-check seed. */
  readonly seed: number;
}

/** The number of window programs a default run generates for `runs` generated traces (1 per 50, at least 6). */
export const windowPrograms = (runs: number): number => Math.max(6, Math.round(runs / 50));

/** Hunts window programs on `target` and returns the batch's result line (PASS, or the shrunk program's FAIL). */
export async function runGeneratedLitmus(target: Target, o: GeneratedLitmusOptions): Promise<TraceResult> {
  const t0 = performance.now();
  const rep = await huntLitmus(target, {
    profile: o.profile,
    programs: o.programs,
    runsPerProgram: o.runsPerProgram,
    seed: o.seed,
    window: true,
    maxStates: 20_000,
    shrinkRuns: 40,
  });
  if (rep.failure !== undefined) {
    const r = await runLitmus(target, rep.failure.test, { runs: o.runsPerProgram, seed: rep.failure.seed });
    if (r.status === 'FAIL') {
      const replay = `  fast-check: seed=${rep.failure.seed} path=${rep.failure.path} (window programs, ${o.profile})`;
      return { ...r, report: `${r.report ?? ''}\n${replay}` };
    }
  }
  const errors = rep.errors.length;
  return {
    origin: 'litmus',
    name: `litmus-window x${rep.programs} seed=${rep.seed}`,
    hash: createHash('sha256')
      .update(canonicalJson({ windowLitmus: 1, seed: rep.seed, programs: o.programs, profile: o.profile }))
      .digest('hex')
      .slice(0, 12),
    profile: o.profile,
    status: errors > 0 ? 'ERROR' : 'PASS',
    verdict:
      errors > 0
        ? { kind: 'error', reason: rep.errors[0]! }
        : { kind: 'pass', steps: rep.programs * o.runsPerProgram, rules: [] },
    rules: [],
    stats: { programs: rep.programs, partial: rep.partial, runsPerProgram: o.runsPerProgram },
    durationMs: Math.round(performance.now() - t0),
    ...(errors > 0 ? { reason: rep.errors[0]! } : {}),
  };
}
