/**
 * Plain-language explanations of a divergence: which step, how many outcomes the spec allows, how the closest
 * allowed outcome differs from the observed one, and the titles of the rules involved.
 * @module
 */
import type { RuleId, StepObservation } from '@umcg/spec';
import { findRule } from '@umcg/spec';
import { printAction } from '../trace/action.js';
import type { TraceStep } from '../trace/types.js';
import { observationDiff } from './diff.js';

/** The allowed observation with the fewest differing fields from `observed`. */
export function closestObservation(
  allowed: readonly StepObservation[],
  observed: StepObservation,
): StepObservation | undefined {
  let best: StepObservation | undefined;
  let bestLen = Number.POSITIVE_INFINITY;
  for (const a of allowed) {
    const d = observationDiff(a, observed).length;
    if (d < bestLen) {
      best = a;
      bestLen = d;
    }
  }
  return best;
}

/** `step 3 (line 12) \`s0: wait\`` */
export function describeStep(index: number, step: TraceStep): string {
  return `step ${index + 1}${step.line === undefined ? '' : ` (line ${step.line})`} \`${printAction(step.action)}\``;
}

/** Titles of rules, as `id (title)`. */
export function ruleTitles(rules: readonly RuleId[]): string {
  return rules.map((r) => `${r} (${findRule(r)?.title ?? 'unknown rule'})`).join('; ');
}

/** Explanation of an observation outside the allowed set. */
export function explainForbidden(
  index: number,
  step: TraceStep,
  observed: StepObservation,
  allowed: readonly StepObservation[],
  closest: StepObservation | undefined,
  rules: readonly RuleId[],
): string {
  const n = allowed.length;
  const lines = [
    `At ${describeStep(index, step)} the target's outcome is not one of the ${n} the spec allows.`,
  ];
  if (closest !== undefined) {
    lines.push('The closest allowed outcome differs in (allowed | observed):');
    for (const d of observationDiff(closest, observed)) lines.push(`  ${d}`);
  }
  if (rules.length > 0) lines.push(`Rules that decide this step: ${ruleTitles(rules)}.`);
  return lines.join('\n');
}

/** Explanation of an allowed observation that contradicts the trace's own expected outcome. */
export function explainExpectation(index: number, step: TraceStep, unmet: readonly string[]): string {
  return [
    `At ${describeStep(index, step)} the outcome is allowed by the spec but not the one the trace expects (# ${(step.expect ?? []).join(', ')}):`,
    ...unmet.map((u) => `  ${u}`),
  ].join('\n');
}
