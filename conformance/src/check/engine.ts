/**
 * The part of the spec's executable API the checker and the `spec` target use, as an interface so tests can
 * substitute a small fake engine. `specEngine()` returns the real one from `@umcg/spec`.
 * @module
 */
import type { Action, LitmusProgram, ProfileId, RuleId, StepObservation, TaskDecl } from '@umcg/spec';
import * as spec from '@umcg/spec';

/** What a spec instance is created from (mirrors `SpecConfig` of `@umcg/spec`). */
export interface EngineConfig {
  /** Profile id. */
  readonly profile: ProfileId;
  /** Tasks of the process. */
  readonly tasks: readonly TaskDecl[];
}

/** A spec state: opaque, with a stable key for deduplication. */
export interface EngineState {
  /** A string identifying the state. */
  key(): string;
}

/** One allowed outcome of a step. */
export interface EngineOutcome<S> {
  /** State after the step. */
  readonly state: S;
  /** What a target must report. */
  readonly observation: StepObservation;
  /** Rules that fired. */
  readonly rules: readonly RuleId[];
}

/** Every final observation of a litmus program. */
export interface EngineExplore {
  /** Final observations by canonical string. */
  readonly outcomes: ReadonlyMap<
    string,
    { readonly observation: StepObservation; readonly rules: readonly RuleId[] }
  >;
  /** States visited. */
  readonly states: number;
  /** False when the budget ran out. */
  readonly complete: boolean;
}

/** The spec's executable API (see the brief of `@umcg/spec`'s `engine/`). */
export interface SpecEngine<S extends EngineState = EngineState> {
  /** The state before the first step. */
  initialState(config: EngineConfig): S;
  /** Why `action` cannot be taken in `state`, or undefined. */
  whyNotEnabled(state: S, action: Action): string | undefined;
  /** Every allowed outcome. */
  step(state: S, action: Action): EngineOutcome<S>[];
  /** One canonical outcome (fast path). */
  stepFirst(state: S, action: Action): EngineOutcome<S>;
  /** Observation of a state. */
  observe(state: S): StepObservation;
  /** Every final observation of a litmus program. */
  explore(config: EngineConfig, program: LitmusProgram, options?: { maxStates?: number }): EngineExplore;
}

/** The real engine of `@umcg/spec`; throws a clear error when the installed spec does not export it yet. */
export function specEngine(): SpecEngine {
  const m = spec as unknown as Partial<SpecEngine>;
  const names = ['initialState', 'whyNotEnabled', 'step', 'stepFirst', 'observe', 'explore'] as const;
  const missing = names.filter((n) => typeof m[n] !== 'function');
  if (missing.length > 0)
    throw new Error(`@umcg/spec does not export the engine yet (missing: ${missing.join(', ')})`);
  return m as SpecEngine;
}
