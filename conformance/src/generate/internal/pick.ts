/**
 * Weighted choice driven by one integer, so that fast-check's integer shrinking (toward 0) moves the choice toward
 * the most likely, most protocol-like action, and nearby integers pick nearby actions.
 * @internal
 * @module
 */

/** Range of a single choice integer: [0, CHOICE_RANGE). */
export const CHOICE_RANGE = 0x10000;

/**
 * Picks an index into `weights` with `choice` in [0, CHOICE_RANGE): candidates are ordered by descending weight
 * (ties by position), and the choice selects by cumulative weight. Returns -1 when `weights` is empty; when every
 * weight is 0 the choice falls back to a uniform pick.
 */
export function pickWeighted(weights: readonly number[], choice: number): number {
  const n = weights.length;
  if (n === 0) return -1;
  const c = ((choice % CHOICE_RANGE) + CHOICE_RANGE) % CHOICE_RANGE;
  // The distinct weights in descending order, then the indices of each in position order: the same order as a
  // stable sort by descending weight, without sorting or grouping hundreds of candidates (there are only a few
  // distinct weights) and without allocating per candidate.
  const keys: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] ?? 0;
    total += w;
    if (!keys.includes(w)) keys.push(w);
  }
  keys.sort((a, b) => b - a);
  if (!(total > 0)) return nth(weights, keys, Math.floor((c / CHOICE_RANGE) * n));
  const r = (c / CHOICE_RANGE) * total;
  let acc = 0;
  let lastPositive = -1;
  for (const w of keys) {
    for (let i = 0; i < n; i++) {
      if ((weights[i] ?? 0) !== w) continue;
      acc += w;
      if (r < acc) return i;
      if (w > 0) lastPositive = i;
    }
  }
  return Math.max(lastPositive, 0);
}

/** The `k`-th index in group order (descending weight, then position). */
function nth(weights: readonly number[], keys: readonly number[], k: number): number {
  let left = k;
  for (const w of keys) {
    for (let i = 0; i < weights.length; i++) {
      if ((weights[i] ?? 0) !== w) continue;
      if (left === 0) return i;
      left--;
    }
  }
  return 0;
}
