/**
 * The rule catalogue: every rule of every group, keyed by its stable id.
 * @module
 */

import { CTL_RULES } from './ctl.js';
import { HOOK_RULES } from './hooks.js';
import type { RuleSpec } from './rule.js';
import { STATE_RULES } from './state.js';
import { WAIT_RULES } from './wait.js';

/** All rules by id. */
export const RULES = {
  ...STATE_RULES,
  ...CTL_RULES,
  ...WAIT_RULES,
  ...HOOK_RULES,
} as const satisfies Record<string, RuleSpec>;

/** A rule id (checked at compile time wherever the spec cites one). */
export type RuleId = keyof typeof RULES;

/** A rule with its id. */
export interface Rule extends RuleSpec {
  /** The stable id. */
  readonly id: RuleId;
}

/** Looks a rule up; undefined when the id does not exist. */
export function findRule(id: string): Rule | undefined {
  const spec = (RULES as Record<string, RuleSpec | undefined>)[id];
  return spec ? { id: id as RuleId, ...spec } : undefined;
}

/** Every rule, in catalogue order. */
export function allRules(): Rule[] {
  return (Object.keys(RULES) as RuleId[]).map((id) => ({ id, ...RULES[id] }));
}
