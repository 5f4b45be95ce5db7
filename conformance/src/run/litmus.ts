/**
 * The litmus stage: each litmus program runs many times on the target (`runLitmusTest` of `src/litmus`), and its
 * histogram of final observations is judged against the spec's allowed set: a forbidden outcome seen is a failure;
 * an allowed outcome never seen is a coverage gap, reported but not failed.
 * @module
 */

import type { RuleId } from '@umcg/spec';
import type { Target } from '../adapters/contract.js';
import type { Verdict } from '../check/types.js';
import type { EngineExploreResult, SpecEngine } from '../generate/index.js';
import { defaultEngine } from '../generate/index.js';
import { firstSeenLine, observationLine, renderLitmusHistogram, runLitmusTest } from '../litmus/index.js';
import { litmusHash } from '../trace/hash.js';
import type { LitmusTest } from '../trace/types.js';
import type { Expectation } from './expectations.js';
import { applyExpectation } from './expectations.js';
import { skipReason } from './gate.js';
import type { TraceResult } from './types.js';

export { litmusCorpus } from '../litmus/index.js';

/** Runs one litmus test and judges its histogram. */
export async function runLitmus(
  target: Target,
  test: LitmusTest,
  o: { runs: number; seed: number; file?: string; expectation?: Expectation; signal?: AbortSignal },
): Promise<TraceResult> {
  const t0 = performance.now();
  const base = {
    origin: 'litmus' as const,
    name: test.header.name,
    hash: litmusHash(test),
    profile: test.header.profile,
    ...(o.file === undefined ? {} : { file: o.file }),
  };
  const gate =
    o.expectation?.status === 'skip'
      ? `expected skip: ${o.expectation.reason}`
      : skipReason(target.capabilities, test.header.requires, test.header.profile);
  if (gate !== undefined)
    return {
      ...base,
      status: 'SKIP',
      verdict: { kind: 'skip', reason: gate },
      rules: [],
      durationMs: 0,
      reason: gate,
    };
  const elapsed = (): number => Math.round(performance.now() - t0);
  let h: Awaited<ReturnType<typeof runLitmusTest>>;
  // Wrap the engine to keep the exploration: the rules of the outcomes actually seen feed rule coverage.
  const real = defaultEngine();
  let explored: EngineExploreResult | undefined;
  const engine: SpecEngine = { ...real, explore: (c, p, opts) => (explored = real.explore(c, p, opts)) };
  try {
    h = await runLitmusTest(target, test, o.runs, o.seed, {
      engine,
      ...(o.signal ? { signal: o.signal } : {}),
    });
  } catch (e) {
    const reason = `infrastructure: ${(e as Error).message}`;
    return {
      ...base,
      status: 'ERROR',
      verdict: { kind: 'error', reason },
      rules: [],
      durationMs: elapsed(),
      reason,
    };
  }
  const seen = h.rows.filter((r) => r.count > 0);
  const forbidden = seen.filter((r) => !r.allowed);
  const allowedRows = h.rows.filter((r) => r.allowed);
  const stats: Record<string, number> = {
    runs: o.runs,
    completed: h.statuses.completed,
    seen: seen.length,
    allowedUnseen: allowedRows.filter((r) => r.count === 0).length,
    forbidden: forbidden.length,
  };
  // Iterations until every allowed outcome had been seen (klitmus-style figure), when all were.
  if (allowedRows.length > 0 && allowedRows.every((r) => r.firstAt !== undefined))
    stats.allSeenAt = Math.max(...allowedRows.map((r) => r.firstAt ?? 0));
  const line = `${observationLine(h)}; first seen at run ${firstSeenLine(h)}`;
  const ruleSet = new Set<RuleId>();
  for (const r of seen) for (const id of explored?.outcomes.get(r.key)?.rules ?? []) ruleSet.add(id);
  const rules = [...ruleSet].sort();
  let verdict: Verdict;
  if (h.verdict === 'fail' && forbidden[0] !== undefined) {
    const explanation = `${forbidden.reduce((n, r) => n + r.count, 0)} of ${h.statuses.completed} runs ended in ${forbidden.length} outcome(s) the spec forbids`;
    const allowed = h.rows.filter((r) => r.allowed).map((r) => r.observation);
    verdict = {
      kind: 'fail',
      failure: {
        step: 0,
        observed: forbidden[0].observation,
        allowed,
        rules,
        explanation,
        cause: 'forbidden',
      },
      rules,
    };
  } else if (h.crashes !== undefined)
    verdict = {
      kind: 'crash',
      reason: `the implementation under test crashed, WARNed or hung in ${h.crashes.count} of ${o.runs} runs (first: ${h.crashes.first})`,
    };
  else if (h.verdict === 'unknown')
    verdict = { kind: 'unknown', reason: 'the spec exploration budget ran out' };
  else if (h.statuses.completed === 0)
    verdict = {
      kind: 'skip',
      reason: `no run completed (${Object.entries(h.statuses)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')})`,
    };
  else verdict = { kind: 'pass', steps: h.statuses.completed, rules };
  const raw =
    verdict.kind === 'pass'
      ? 'PASS'
      : verdict.kind === 'fail'
        ? 'FAIL'
        : verdict.kind === 'skip'
          ? 'SKIP'
          : verdict.kind === 'crash'
            ? 'CRASH'
            : 'UNKNOWN';
  const applied = applyExpectation(raw, o.expectation);
  const reason =
    applied.reason ??
    (verdict.kind === 'fail' ? verdict.failure.explanation : verdict.kind === 'pass' ? line : verdict.reason);
  const result: TraceResult = {
    ...base,
    status: applied.status,
    verdict,
    rules,
    stats,
    durationMs: elapsed(),
    reason,
  };
  return applied.status === 'FAIL'
    ? {
        ...result,
        report: renderLitmusHistogram(h)
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      }
    : result;
}
