/**
 * Litmus histograms (herd7/litmus7 style): the final observations of N runs of a litmus program tabulated against
 * every outcome the spec allows: allowed-and-seen (with counts), allowed-never-seen (a coverage gap, not a
 * failure) and forbidden-seen (a failure). The test's condition (`exists`/`~exists`/`forall`) is counted over the
 * runs (herd's Positive/Negative witnesses) and evaluated over the spec's outcome set (herd's Ok/No). Without a
 * condition, the positive witnesses are the runs with a forbidden outcome, so `Never` is the healthy answer.
 * @module
 */
import type { StepObservation } from '@umcg/spec';
import { canonicalObservation } from '@umcg/spec';
import type { LitmusRun } from '../adapters/contract.js';
import type { EngineExploreResult } from '../generate/engine.js';
import { conditionHolds, satisfies } from '../trace/litmus.js';
import type { LitmusCondition, LitmusTest } from '../trace/types.js';

/** One outcome class of the table. */
export interface OutcomeRow {
  /** Canonical form of the observation (`canonicalObservation`). */
  readonly key: string;
  /** The observation. */
  readonly observation: StepObservation;
  /** Runs that ended in it. */
  readonly count: number;
  /** The 1-based run (iteration) that first ended in it; undefined when never seen. */
  readonly firstAt?: number;
  /** Whether the spec allows it. */
  readonly allowed: boolean;
  /** Whether it satisfies the test's condition (undefined without a condition). */
  readonly witness: boolean | undefined;
}

/** The tabulated result of a litmus test on a target. */
export interface LitmusHistogram {
  /** The test. */
  readonly test: LitmusTest;
  /** Runs requested and the base seed (run i uses `deriveSeed(seed, 'litmus', i)`). */
  readonly runs: number;
  readonly seed: number;
  /** Rows: allowed outcomes (seen or not) in the spec's order, then forbidden outcomes seen. */
  readonly rows: readonly OutcomeRow[];
  /** Runs by status; only `completed` runs are tabulated. */
  readonly statuses: Readonly<Record<LitmusRun['status'], number>>;
  /** Runs in which the implementation under test crashed, WARNed or hung, with the first one's detail. */
  readonly crashes?: { readonly count: number; readonly first: string };
  /** Spec exploration: distinct states and whether the outcome set is complete. */
  readonly explored: { readonly states: number; readonly complete: boolean };
  /** Runs satisfying the condition (or ending forbidden, without a condition), and the other completed runs. */
  readonly positive: number;
  readonly negative: number;
  /** herd's Ok/No: whether the condition holds over the spec's outcome set (undefined without a condition). */
  readonly specCondition: boolean | undefined;
  /** `ok` (nothing forbidden seen), `fail` (a forbidden outcome seen), `unknown` (partial spec set, no failure). */
  readonly verdict: 'ok' | 'fail' | 'unknown';
}

const witnessOf = (c: LitmusCondition | undefined, o: StepObservation): boolean | undefined =>
  c === undefined ? undefined : satisfies(c, o);

/** Tabulates completed runs against the spec's outcomes. */
export function tabulate(
  test: LitmusTest,
  spec: EngineExploreResult,
  results: readonly LitmusRun[],
  meta: { readonly runs: number; readonly seed: number },
): LitmusHistogram {
  const statuses = { completed: 0, timeout: 0, crashed: 0, unsupported: 0 };
  const counts = new Map<string, { observation: StepObservation; count: number; firstAt: number }>();
  let crashes: { count: number; first: string } | undefined;
  results.forEach((r, i) => {
    statuses[r.status]++;
    if (r.culprit === 'implementation' && r.status !== 'completed')
      crashes = { count: (crashes?.count ?? 0) + 1, first: crashes?.first ?? r.detail ?? r.status };
    if (r.status !== 'completed') return;
    const key = canonicalObservation(r.observation);
    const e = counts.get(key) ?? { observation: r.observation, count: 0, firstAt: i + 1 };
    counts.set(key, { ...e, count: e.count + 1 });
  });
  const c = test.condition;
  const rows: OutcomeRow[] = [];
  for (const [key, { observation }] of spec.outcomes) {
    const seen = counts.get(key);
    rows.push({
      key,
      observation,
      count: seen?.count ?? 0,
      ...(seen === undefined ? {} : { firstAt: seen.firstAt }),
      allowed: true,
      witness: witnessOf(c, observation),
    });
  }
  for (const [key, { observation, count, firstAt }] of counts) {
    if (!spec.outcomes.has(key))
      rows.push({ key, observation, count, firstAt, allowed: false, witness: witnessOf(c, observation) });
  }
  const completed = statuses.completed;
  const positive = rows.reduce((n, r) => n + ((c === undefined ? !r.allowed : r.witness) ? r.count : 0), 0);
  const forbidden = rows.some((r) => !r.allowed && r.count > 0);
  const finals = [...spec.outcomes.values()].map((o) => o.observation);
  return {
    test,
    runs: meta.runs,
    seed: meta.seed,
    rows,
    statuses,
    ...(crashes === undefined ? {} : { crashes }),
    explored: { states: spec.states, complete: spec.complete },
    positive,
    negative: completed - positive,
    specCondition: c === undefined ? undefined : conditionHolds(c, finals),
    verdict: forbidden ? 'fail' : spec.complete ? 'ok' : 'unknown',
  };
}
