/**
 * Results of a conformance run: one `TraceResult` per trace, generated batch or litmus program, and the run's
 * provenance. These are what reporters render and what `results.jsonl` holds.
 * @module
 */
import type { ProfileId, RuleId } from '@umcg/spec';
import type { CoveragePart } from '../adapters/contract.js';
import type { Verdict } from '../check/types.js';

/**
 * The status of one result after expectations are applied. `FLAKY`: a divergence on a nondeterministic target that
 * did not reproduce when the minimal trace was re-run (syzkaller's rule: an unconfirmed repro does not fail the
 * run); it is printed with its trace and saved for inspection. `CRASH`: the implementation under test crashed,
 * WARNed or hung (a failure whether or not it repeats, as syzkaller reports every crash).
 */
export type Status =
  | 'PASS'
  | 'FAIL'
  | 'CRASH'
  | 'FLAKY'
  | 'XFAIL'
  | 'XPASS'
  | 'SKIP'
  | 'TIMEOUT'
  | 'UNKNOWN'
  | 'ERROR';

/** Where a result came from. */
export type Origin = 'replay' | 'corpus' | 'generated' | 'litmus';

/** One result line. */
export interface TraceResult {
  /** Origin. */
  readonly origin: Origin;
  /** Trace or test name. */
  readonly name: string;
  /** Content hash (12 hex). */
  readonly hash: string;
  /** Source file, when there is one. */
  readonly file?: string;
  /** Profile it was checked against. */
  readonly profile: ProfileId;
  /** Final status. */
  readonly status: Status;
  /** The checker's verdict (for litmus and generated batches: a summary verdict). */
  readonly verdict: Verdict;
  /** Rules exercised. */
  readonly rules: readonly RuleId[];
  /** Wall-clock duration. */
  readonly durationMs: number;
  /** Short reason (skips, expected failures, errors). */
  readonly reason?: string;
  /** Full failure report text (failures only). */
  readonly report?: string;
  /** Replay command (failures only). */
  readonly replay?: string;
  /** Extra numbers (generated: traces and steps; litmus: runs and histogram). */
  readonly stats?: Readonly<Record<string, number>>;
  /** Generated batches: traces whose verdict was skip, unknown or error, by class, with the first reason of each. */
  readonly inconclusive?: Readonly<Record<string, { readonly count: number; readonly first: string }>>;
}

/** Provenance of a run, recorded with its results. */
export interface Provenance {
  /** Spec package version. */
  readonly specVersion: string;
  /** Conformance package version. */
  readonly conformanceVersion: string;
  /** Profile given on the command line (or the default). */
  readonly profile: ProfileId;
  /** Target name, version and build. */
  readonly target: {
    readonly name: string;
    readonly version: string;
    readonly build: Readonly<Record<string, string>>;
  };
  /** Seed. */
  readonly seed: number;
  /** The exact command line. */
  readonly command: string;
  /** Start time (ISO). */
  readonly startedAt: string;
  /** Host facts. */
  readonly host: Readonly<Record<string, string>>;
  /** `--shard i/n` of this run (merged runs: absent, see `RunReport.partial`). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Traces asked of the generated stage (`--runs`), before sharding. */
  readonly runs?: number;
}

/** A finished run. */
export interface RunReport {
  /** Provenance. */
  readonly provenance: Provenance;
  /** Results in order. */
  readonly results: readonly TraceResult[];
  /** Expectation entries that matched no result (stale). */
  readonly stale: readonly string[];
  /** Rules exercised and the active rules of the profile never reached. */
  readonly coverage: { readonly exercised: readonly RuleId[]; readonly unreached: readonly RuleId[] };
  /** Exit code the CLI returns. */
  readonly exitCode: number;
  /** Duration in ms. */
  readonly durationMs: number;
  /** The run was interrupted (Ctrl-C): the results are those that finished; the stages after it did not run. */
  readonly interrupted?: boolean;
  /**
   * Why this run is not a whole run of the suite (`shard 2/4`, `--rules wait.*`, `--replay`, `--sanity`,
   * `interrupted`, ...); absent for a whole run. `pnpm conformance report` shows it, `merge` clears `shard`.
   */
  readonly partial?: readonly string[];
  /** `--coverage`: what the run reached in the implementation (the pages are in the results directory). */
  readonly codeCoverage?: {
    readonly parts: readonly CoveragePart[];
    readonly note: string;
    /** The annotated page, relative to the results directory. */
    readonly index?: string;
  };
}
