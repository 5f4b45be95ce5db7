/**
 * The adapter contract: the small interface every target implements (ARCHITECTURE.md, "Contracts"). A newcomer adding an
 * implementation copies `conformance/src/adapters/template.ts` and reads `conformance/ADAPTERS.md`.
 * @module
 */
import type { LitmusProgram, ProfileId, StepObservation } from '@umcg/spec';
import type { Feature, Trace, TraceRun } from '../trace/types.js';

/** Options given when a target is opened. */
export interface OpenOptions {
  /** Profile the target should behave as, when it can model several (the simulator); real kernels ignore it. */
  readonly profile: ProfileId;
  /** Per-trace wall-clock timeout in ms (real targets). */
  readonly timeoutMs: number;
  /** Seed for every random choice of the target (deterministic targets must replay exactly under it). */
  readonly seed: number;
  /** Free-form target arguments (`--target-args`), e.g. `{ mutant: 'cond-wait-kept' }` for the simulator. */
  readonly args: Readonly<Record<string, string>>;
  /** `--coverage`: count what the runs reach in the implementation; the target implements `Target.coverage`. */
  readonly coverage?: boolean;
}

/** Covered and total (lines, branches). */
export interface CoverageRatio {
  readonly covered: number;
  readonly total: number;
}

/** Code coverage of one part of an implementation (a source file, or a set of lines such as hook sites). */
export interface CoveragePart {
  /** What was counted, e.g. `kernel/sched/umcg.c` or `hook sites`. */
  readonly name: string;
  readonly lines: CoverageRatio;
  readonly branches: CoverageRatio;
  /** Executable lines never reached, as `file:line`. */
  readonly unreached: readonly string[];
  /** Lines left out of the figures as unreachable by design, as `file:line: reason`. */
  readonly excluded?: readonly string[];
}

/** What a target counted under `--coverage`. */
export interface CodeCoverage {
  /** The parts, the implementation's main file first. */
  readonly parts: readonly CoveragePart[];
  /** How the counters were gathered and what was lost (e.g. `4 guests counted, 1 lost to a crash`). */
  readonly note: string;
  /** Files for the run's results directory, by relative path (an annotated HTML page, the unreached list). */
  readonly files: Readonly<Record<string, string>>;
  /** The page a reviewer opens, relative to the results directory. */
  readonly index?: string;
}

/** What a target can do; traces whose `requires` are not all offered are reported as SKIP with the reason. */
export interface Capabilities {
  /** Features offered. */
  readonly features: ReadonlySet<Feature>;
  /** Profiles the target implements (a real kernel implements exactly one). */
  readonly profiles: readonly ProfileId[];
}

/** Provenance of a target, recorded in every result. */
export interface TargetInfo {
  /** Adapter name, e.g. `sim`. */
  readonly name: string;
  /** Adapter version. */
  readonly version: string;
  /** Build of what runs the traces (kernel release and config hash, simulator commit, ...). */
  readonly build: Readonly<Record<string, string>>;
}

/** Options of one run of a trace or litmus program. */
export interface RunOptions {
  /** Seed of this run (for litmus histograms each run gets its own). */
  readonly seed: number;
  /**
   * Aborted when the run's wall-clock timeout expires or the user interrupts the session (Ctrl-C). The suite has
   * already moved on by then: stop as soon as you can (kill the child, stop the guest's run), resolve with the
   * observations so far and `status: 'timeout'`, and never start a queued run whose signal is aborted.
   */
  readonly signal?: AbortSignal;
}

/** One final observation of a litmus run. */
export interface LitmusRun {
  /** The final observation (after all threads finished their lists or went to sleep for good). */
  readonly observation: StepObservation;
  /** How the run ended. */
  readonly status: 'completed' | 'timeout' | 'crashed' | 'unsupported';
  /** Detail for non-completed runs. */
  readonly detail?: string;
  /** Whose fault a `crashed`/`timeout` run is, when known (as for `TraceRun.culprit`). */
  readonly culprit?: 'implementation' | 'infrastructure';
}

/** An opened target. */
export interface Target {
  /** Provenance. */
  readonly info: TargetInfo;
  /** What it offers. */
  readonly capabilities: Capabilities;
  /** Runs a trace step by step and reports one observation per step (stop early on crash/timeout). */
  run(trace: Trace, options: RunOptions): Promise<TraceRun>;
  /** Runs a litmus program once (threads concurrently) and reports its final observation. */
  runLitmus(program: LitmusProgram, options: RunOptions): Promise<LitmusRun>;
  /** Releases resources (guests, child processes). */
  close(): Promise<void>;
  /**
   * Under `OpenOptions.coverage`: ends the target's runs and returns what they reached in the implementation
   * (`close` is still called afterwards). Targets that cannot count leave it out; `--coverage` is then refused.
   */
  coverage?(): Promise<CodeCoverage>;
}

/** An adapter: a named factory of targets. */
export interface Adapter {
  /** Name used with `--target`. */
  readonly name: string;
  /** One-line description shown by `--help` and `doctor`. */
  readonly description: string;
  /** Checks what the target needs (for `doctor`); `ok` false gives the unsupported exit code with `reason`. */
  probe(): Promise<{ readonly ok: boolean; readonly reason: string; readonly details: readonly string[] }>;
  /** Opens a target. */
  open(options: OpenOptions): Promise<Target>;
}
