/**
 * Verdicts of the checker: a run conforms, or the first step where the observation is outside the spec's allowed
 * set, with everything needed to understand and replay it.
 * @module
 */
import type { RuleId, StepObservation } from '@umcg/spec';
import type { Trace } from '../trace/types.js';

/** The checker's answer for one trace run. */
export type Verdict =
  | {
      readonly kind: 'pass';
      readonly steps: number;
      readonly rules: readonly RuleId[];
      /**
       * Steps whose trace expectations were not checked: a step marked `no-interrupt` whose observation needs a
       * spontaneous interrupt there (the scenario's assumption did not hold; the spec's allowed set still did).
       */
      readonly unchecked?: readonly UncheckedStep[];
    }
  | { readonly kind: 'fail'; readonly failure: Divergence; readonly rules: readonly RuleId[] }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'error'; readonly reason: string }
  /** The implementation under test crashed, WARNed or hung (with the target's evidence): a failure of its own. */
  | { readonly kind: 'crash'; readonly reason: string };

/** Steps of a trace its expectations could not be checked from. */
export interface UncheckedStep {
  /** 0-based index of the first such step (the later ones follow from it). */
  readonly step: number;
  /** Why. */
  readonly reason: string;
}

/** The first step whose observation the spec does not allow. */
export interface Divergence {
  /** 0-based index of the step. */
  readonly step: number;
  /** What the target observed. */
  readonly observed: StepObservation;
  /** Every observation the spec allows at that step (after the observed prefix). */
  readonly allowed: readonly StepObservation[];
  /** Rules involved: those that fired in the allowed outcomes of that step. */
  readonly rules: readonly RuleId[];
  /** A short plain-language explanation of the difference. */
  readonly explanation: string;
  /** The observation before the step (the initial one for step 0), for transition logs. */
  readonly previous?: StepObservation;
  /** The allowed observation closest to the observed one (fewest differing fields). */
  readonly closest?: StepObservation;
  /** `forbidden`: outside the spec's set; `expectation`: allowed, but not what the trace's `# ...` comment says. */
  readonly cause?: 'forbidden' | 'expectation';
}

/** Signature of the checker (implemented in `check/checkTrace.ts`). */
export type CheckTrace = (trace: Trace, observations: readonly StepObservation[]) => Verdict;
