/**
 * The in-memory form of a trace (format v1): a header and steps. The text and JSON forms both parse to this.
 * @module
 */
import type { Action, LitmusProgram, ProfileId, RuleId, StepObservation, TaskDecl } from '@umcg/spec';

/** Capability/feature names a trace may require and a target may offer (see ADAPTERS.md). */
export type Feature =
  | 'signals'
  | 'faults'
  | 'blocking-faults'
  | 'unmap'
  | 'shmem'
  | 'exit'
  | 'kick'
  | 'timeouts'
  | 'worker-timeouts'
  | 'wait-enqueue'
  | 'garbage-tid'
  | 'kill'
  | 'controlled-interleaving';

/** The header of a trace. */
export interface TraceHeader {
  /** Trace format version; always 1 for now. */
  readonly version: 1;
  /** Short name (file stem for corpus traces). */
  readonly name: string;
  /** Profile the trace is checked against. */
  readonly profile: ProfileId;
  /** The tasks of the process. */
  readonly tasks: readonly TaskDecl[];
  /** Features the target must offer, else the trace is skipped with the reason. */
  readonly requires: readonly Feature[];
  /** Rules the trace is about (cited ids must exist). */
  readonly rules: readonly RuleId[];
  /** Source keys (spec/SOURCES.md) the scenario comes from. */
  readonly sources: readonly string[];
  /** One-paragraph description. */
  readonly description: string;
}

/** One step with an optional expected outcome written in the trace (checked in addition to the spec). */
export interface TraceStep {
  /** The action. */
  readonly action: Action;
  /** Expected outcome annotations, e.g. `{ w0: 'EAGAIN' }` results or `w0 asleep:umcg_wait`, as written. */
  readonly expect?: readonly string[];
  /**
   * Alternative annotations (`# one of: A, B | C`), for implementation-defined points: the outcome must satisfy one
   * of them. A step has `expect` or `oneOf`, not both.
   */
  readonly oneOf?: readonly (readonly string[])[];
  /** 1-based line of the step in its source file (for messages), when parsed from text. */
  readonly line?: number;
}

/** A sequential trace. */
export interface Trace {
  /** Header. */
  readonly header: TraceHeader;
  /** Steps, in order. */
  readonly steps: readonly TraceStep[];
}

/** A herd-style condition on the final observation of a litmus test: atoms as in step expectations. */
export interface LitmusCondition {
  /** `exists`: some run may end so; `~exists`: no run may; `forall`: every run must. */
  readonly quantifier: 'exists' | '~exists' | 'forall';
  /** Expectation atoms that must all hold (see `trace/expect.ts`; result atoms name their task). */
  readonly atoms: readonly string[];
}

/** A litmus test: a program plus metadata. */
export interface LitmusTest {
  /** Header (same fields as a trace). */
  readonly header: TraceHeader;
  /** The program. */
  readonly program: LitmusProgram;
  /** Optional final-state condition. */
  readonly condition?: LitmusCondition;
}

/** What a target observed for a trace: one observation per executed step. */
export interface TraceRun {
  /** Observations, one per step that was executed (fewer if the run stopped early). */
  readonly observations: readonly StepObservation[];
  /** How the run ended. */
  readonly status: 'completed' | 'timeout' | 'crashed' | 'unsupported';
  /** Human-readable detail (crash log, timeout cause, missing capability). */
  readonly detail?: string;
  /**
   * Who a `crashed` or `timeout` run is the fault of, when the target has evidence: `implementation` (the kernel
   * under test printed a WARN, BUG, oops, panic or lockdep report, or hung while the machine around it kept
   * running) or `infrastructure` (the host, QEMU, the harness). Absent: unknown (the run is inconclusive).
   */
  readonly culprit?: 'implementation' | 'infrastructure';
}
