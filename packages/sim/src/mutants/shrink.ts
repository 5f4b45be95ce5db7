/**
 * Greedy shrinking of a trace witness (remove one step at a time while the mutant still differs from the original
 * simulator), a stand-in for the engine's spec-based shrinking.
 * @module
 */
import type { Action } from '@umcg/spec/vocabulary';
import type { Mutant } from './catalogue.js';
import { checkWitness } from './check.js';

/** The smallest sub-trace found that still shows `m` (litmus witnesses are returned unchanged). */
export function shrinkWitness(m: Mutant): Mutant {
  const w = m.witness;
  if (w.kind !== 'trace') return m;
  let steps: readonly Action[] = w.steps;
  const shows = (s: readonly Action[]) => checkWitness({ ...m, witness: { ...w, steps: s } }).shown;
  let progress = true;
  while (progress) {
    progress = false;
    for (let i = steps.length - 1; i >= 0; i--) {
      const candidate = [...steps.slice(0, i), ...steps.slice(i + 1)];
      if (candidate.length > 0 && shows(candidate)) {
        steps = candidate;
        progress = true;
      }
    }
  }
  const first = checkWitness({ ...m, witness: { ...w, steps } }).at;
  return { ...m, witness: { ...w, steps: steps.slice(0, first) } };
}
