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
