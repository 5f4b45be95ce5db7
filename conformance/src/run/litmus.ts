/**
 * The litmus stage: each litmus program runs many times on the target (`runLitmusTest` of `src/litmus`), and its
 * histogram of final observations is judged against the spec's allowed set: a forbidden outcome seen is a failure;
 * an allowed outcome never seen is a coverage gap, reported but not failed.
 * @module
 */
import type { StepObservation } from '@umcg/spec';
import type { Target } from '../adapter/types.js';
import { litmusHash } from '../trace/hash.js';
import { conditionHolds } from '../trace/litmus.js';
import type { LitmusTest } from '../trace/types.js';
import type { Expectation } from './expectations.js';
import { applyExpectation } from './expectations.js';
import { skipReason } from './gate.js';
import type { TraceResult } from './types.js';

/** A histogram row as the litmus runner reports it. */
export interface HistogramRow {
  readonly observation: StepObservation;
  readonly allowed: boolean;
  readonly count: number;
}

/** What this stage needs from `src/litmus` (loaded when present). */
export interface LitmusModule {
  litmusCorpus(): readonly LitmusTest[];
  runLitmusTest(target: Target, test: LitmusTest, runs: number, seed: number): Promise<{ readonly rows: readonly HistogramRow[]; readonly allowedUnseen?: number; readonly rules?: readonly string[] }>;
}

/** Loads `src/litmus` if it provides the litmus runner; otherwise the reason it is not available. */
export async function loadLitmusModule(): Promise<LitmusModule | string> {
  try {
    const m = (await import(new URL('../litmus/index.js', import.meta.url).href)) as Partial<LitmusModule>;
    if (typeof m.runLitmusTest === 'function' && typeof m.litmusCorpus === 'function') return m as LitmusModule;
    return 'litmus mode not yet available (src/litmus does not export runLitmusTest and litmusCorpus)';
  } catch (e) {
    return `litmus mode not yet available (${(e as Error).message.split('\n')[0]})`;
  }
}

/** Runs one litmus test and judges its histogram. */
export async function runLitmus(
  mod: LitmusModule,
  target: Target,
  test: LitmusTest,
  o: { runs: number; seed: number; file?: string; expectation?: Expectation },
): Promise<TraceResult> {
  const t0 = performance.now();
  const base = { origin: 'litmus' as const, name: test.header.name, hash: litmusHash(test), profile: test.header.profile, ...(o.file === undefined ? {} : { file: o.file }) };
  const gate = o.expectation?.status === 'skip' ? `expected skip: ${o.expectation.reason}` : skipReason(target.capabilities, test.header.requires, test.header.profile);
  if (gate !== undefined) return { ...base, status: 'SKIP', verdict: { kind: 'skip', reason: gate }, rules: [], durationMs: 0, reason: gate };
  let rep: Awaited<ReturnType<LitmusModule['runLitmusTest']>>;
  try {
    rep = await mod.runLitmusTest(target, test, o.runs, o.seed);
  } catch (e) {
    const reason = `infrastructure: ${(e as Error).message}`;
    return { ...base, status: 'ERROR', verdict: { kind: 'error', reason }, rules: [], durationMs: Math.round(performance.now() - t0), reason };
  }
  const forbidden = rep.rows.filter((r) => !r.allowed && r.count > 0);
  const seen = rep.rows.filter((r) => r.count > 0);
  const stats: Record<string, number> = { runs: o.runs, outcomes: seen.length, forbidden: forbidden.length, allowedUnseen: rep.allowedUnseen ?? 0 };
  const rules = (rep.rules ?? []) as TraceResult['rules'];
  const notes: string[] = [];
  if (test.condition !== undefined) {
    const holds = conditionHolds(test.condition, seen.map((r) => r.observation));
    notes.push(`condition ${test.condition.quantifier} ${holds ? 'observed' : 'not observed'}`);
  }
  const durationMs = Math.round(performance.now() - t0);
  if (forbidden.length === 0) {
    return { ...base, ...applyExpectation('PASS', o.expectation), verdict: { kind: 'pass', steps: o.runs, rules }, rules, stats, durationMs, ...(notes.length ? { reason: notes.join('; ') } : {}) };
  }
  const reason = `${forbidden.reduce((n, r) => n + r.count, 0)} of ${o.runs} runs ended in ${forbidden.length} outcome(s) the spec forbids`;
  const applied = applyExpectation('FAIL', o.expectation);
  const verdict = { kind: 'unknown' as const, reason };
  return { ...base, status: applied.status, verdict, rules, stats, durationMs, reason: applied.reason ?? reason, report: `  ${reason}` };
}
