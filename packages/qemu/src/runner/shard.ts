/**
 * Splitting a batch of traces over N guests.
 * @module
 */

/**
 * Deals `items` round-robin into `n` shards (item i to shard i mod n), keeping each shard in input order, so
 * neighbouring (often similar-cost) traces spread over the guests. Empty shards are dropped.
 */
export function shard<T>(items: readonly T[], n: number): T[][] {
  const k = Math.max(1, Math.floor(n));
  const out: T[][] = Array.from({ length: k }, () => []);
  items.forEach((item, i) => {
    out[i % k]!.push(item);
  });
  return out.filter((s) => s.length > 0);
}
