/**
 * The public face of the executable spec: initial state, enabled actions, the set of outcomes of a step, and the
 * exhaustive explorer for litmus programs.
 * @module
 */

import type { StepObservation } from '../model/observation.js';
import type { TaskDecl } from '../model/task.js';
import type { ProfileId } from '../profiles/profile.js';
import type { RuleId } from '../rules/catalogue.js';

/** What a spec instance is created from. */
export interface SpecConfig {
  /** Profile id. */
  readonly profile: ProfileId;
  /** Tasks of the process. */
  readonly tasks: readonly TaskDecl[];
}

/** One allowed outcome of a step. */
export interface Outcome<S> {
  /** The state after the step (quiescent). */
  readonly state: S;
  /** What a target must report for it. */
  readonly observation: StepObservation;
  /** Rules that fired on the way (union over the interleavings that lead here). */
  readonly rules: readonly RuleId[];
}

/** Result of exploring every interleaving of a litmus program. */
export interface ExploreResult {
  /** Every reachable final observation, by canonical string. */
  readonly outcomes: ReadonlyMap<
    string,
    { readonly observation: StepObservation; readonly rules: readonly RuleId[] }
  >;
  /** Distinct states visited. */
  readonly states: number;
  /** False when the state budget ran out (the outcome set is then partial: verdict `unknown`). */
  readonly complete: boolean;
}
