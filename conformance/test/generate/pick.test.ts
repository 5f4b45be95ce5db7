import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CHOICE_RANGE, pickWeighted } from '../../src/generate/internal/pick.js';

/** The definition: candidates sorted by descending weight (ties by position), then chosen by cumulative weight. */
function reference(weights: readonly number[], choice: number): number {
  if (weights.length === 0) return -1;
  const order = weights.map((_w, i) => i).sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b);
  let total = 0;
  for (const w of weights) total += w;
  const c = ((choice % CHOICE_RANGE) + CHOICE_RANGE) % CHOICE_RANGE;
  if (!(total > 0)) return order[Math.floor((c / CHOICE_RANGE) * weights.length)] ?? 0;
  const r = (c / CHOICE_RANGE) * total;
  let acc = 0;
  for (const i of order) {
    acc += weights[i] ?? 0;
    if (r < acc) return i;
  }
  return order.findLast((i) => (weights[i] ?? 0) > 0) ?? 0;
}

const weight = fc.oneof(fc.constantFrom(0, 0.5, 1, 2, 6), fc.double({ min: 0, max: 50, noNaN: true }));

describe('pickWeighted', () => {
  test.prop([fc.array(weight, { maxLength: 40 }), fc.integer()], { numRuns: 2000 })(
    'picks exactly what sorting by weight and walking the cumulative weights picks',
    (weights, choice) => {
      expect(pickWeighted(weights, choice)).toBe(reference(weights, choice));
    },
  );
});
