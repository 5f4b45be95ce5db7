/**
 * The spec's executable API as the checker, the generators, the hunter and litmus mode use it: the one definition.
 * Everything takes a `SpecEngine` or a `CheckEngine` so it can run against the real spec (`defaultEngine()`) or a
 * test double.
 * @module
 */
import type {
  Action,
  ExploreResult,
  LitmusProgram,
  Outcome,
  SpecConfig,
  SpecState,
  StepObservation,
} from '@umcg/spec';
import * as spec from '@umcg/spec';

/** What a spec instance is created from: `SpecConfig` of `@umcg/spec`. */
export type EngineConfig = SpecConfig;

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

/** One allowed outcome of a step: `Outcome` of `@umcg/spec`, over any state type (test doubles have their own). */
export type EngineOutcome<S> = Outcome<S>;

/** Every final observation of a litmus program: `ExploreResult` of `@umcg/spec`. */
export type EngineExploreResult = ExploreResult;

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

/** The real engine: the functions `@umcg/spec` exports, checked against the interface at compile time. */
const SPEC_ENGINE = {
  initialState: spec.initialState,
  enabledActions: spec.enabledActions,
  whyNotEnabled: spec.whyNotEnabled,
  step: spec.step,
  stepFirst: spec.stepFirst,
  explore: spec.explore,
  observe: spec.observe,
} satisfies SpecEngine<SpecState>;

/** The real spec engine from `@umcg/spec`. */
export function defaultEngine(): SpecEngine {
  return SPEC_ENGINE;
}
