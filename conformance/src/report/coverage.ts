/**
 * Rule coverage: which rules the run's traces exercised (from the spec outcomes' `rules`) and which active rules
 * of the profile were never reached.
 * @module
 */
import type { ProfileId, RuleId } from '@umcg/spec';
import { allRules } from '@umcg/spec';
import type { TraceResult } from '../run/types.js';

/** Exercised and unreached rules for a set of results under `profiles`. */
export function ruleCoverage(
  results: readonly TraceResult[],
  profiles: readonly ProfileId[],
): { exercised: RuleId[]; unreached: RuleId[] } {
  const hit = new Set<RuleId>();
  for (const r of results) for (const id of r.rules) hit.add(id);
  const applicable = allRules().filter(
    (r) =>
      r.status !== 'retired' &&
      (r.profiles === 'all' || profiles.some((p) => (r.profiles as readonly ProfileId[]).includes(p))),
  );
  return {
    exercised: [...hit].sort(),
    unreached: applicable
      .map((r) => r.id)
      .filter((id) => !hit.has(id))
      .sort(),
  };
}

/** Two-line coverage text (the unreached list in full: it is the to-do list of the corpus). */
export function coverageText(c: {
  readonly exercised: readonly RuleId[];
  readonly unreached: readonly RuleId[];
}): string {
  const total = c.exercised.length + c.unreached.length;
  const lines = [`Rule coverage: ${c.exercised.length} of ${total} rules exercised`];
  if (c.unreached.length > 0) lines.push(`  never reached: ${c.unreached.join(', ')}`);
  return lines.join('\n');
}
