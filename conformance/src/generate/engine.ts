/**
 * The spec's executable API as the checker, the generators, the hunter and litmus mode use it: the one definition.
 * Everything takes a `SpecEngine` or a `CheckEngine` so it can run against the real spec (`defaultEngine()`) or a
 * test double.
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

/** A spec state as the checker needs it: opaque, with a canonical key (equal keys mean equal states). */
export interface KeyedState {
  /** A canonical key. */
  key(): string;
}

/** An opaque spec state as the generators need it: hashable and clonable. */
export interface EngineState extends KeyedState {
  /** A deep copy. */
  clone(): EngineState;
}

/** One allowed outcome of a step (mirrors `Outcome` of `@umcg/spec`). */
export interface EngineOutcome<S> {
  /** The quiescent state after the step. */
  readonly state: S;
  /** What a target must report for it. */
  readonly observation: StepObservation;
  /** Rules that fired. */
  readonly rules: readonly RuleId[];
}

/** Every final observation of a litmus program (mirrors `ExploreResult` of `@umcg/spec`). */
export interface EngineExploreResult {
  /** Reachable final observations by canonical string. */
  readonly outcomes: ReadonlyMap<
    string,
    { readonly observation: StepObservation; readonly rules: readonly RuleId[] }
  >;
  /** Distinct states visited. */
  readonly states: number;
  /** False when the budget ran out (the set is partial). */
  readonly complete: boolean;
}

/**
 * The part of the spec's executable API that checking a run needs (the checker, the `spec` target); tests substitute
 * small fakes for it.
 */
export interface CheckEngine<S extends KeyedState = KeyedState> {
  /** The initial state of a process with the given tasks. */
  initialState(config: EngineConfig): S;
  /** Why `action` may not be taken in `state`; undefined when it may. */
  whyNotEnabled(state: S, action: Action): string | undefined;
  /**
   * Every allowed outcome of `action` (deduplicated); `spontaneous: false` leaves out spontaneous interrupts (the
   * outcomes a `no-interrupt` step allows).
   */
  step(state: S, action: Action, options?: { readonly spontaneous?: boolean }): EngineOutcome<S>[];
  /** One canonical outcome of `action` (fast path). */
  stepFirst(state: S, action: Action): EngineOutcome<S>;
  /** Every final observation of a litmus program. */
  explore(
    config: EngineConfig,
    program: LitmusProgram,
    options?: { maxStates?: number },
  ): EngineExploreResult;
  /** The observation of a state. */
  observe(state: S): StepObservation;
}

/** The spec's whole executable API as generation uses it (ARCHITECTURE.md "Layers"; signatures of `spec/src/engine`). */
export interface SpecEngine<S extends EngineState = EngineState> extends CheckEngine<S> {
  /** A finite list of interesting actions enabled in `state`. */
  enabledActions(state: S): Action[];
}

const NAMES = [
  'initialState',
  'enabledActions',
  'whyNotEnabled',
  'step',
  'stepFirst',
  'explore',
  'observe',
] as const;

/** Whether `@umcg/spec` already exports the engine API. */
export function hasSpecEngine(): boolean {
  const api = spec as unknown as Record<string, unknown>;
  return NAMES.every((n) => typeof api[n] === 'function');
}

/** The real spec engine from `@umcg/spec`; throws a clear error while the spec does not export it yet. */
export function defaultEngine(): SpecEngine {
  if (!hasSpecEngine()) {
    const api = spec as unknown as Record<string, unknown>;
    const missing = NAMES.filter((n) => typeof api[n] !== 'function');
    throw new Error(`@umcg/spec does not export the engine API yet (missing: ${missing.join(', ')})`);
  }
  return spec as unknown as SpecEngine;
}
