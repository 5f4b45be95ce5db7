import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { shard } from '../src/runner/shard.js';

describe('shard', () => {
  it('deals round-robin', () => {
    expect(shard([0, 1, 2, 3, 4], 2)).toEqual([
      [0, 2, 4],
      [1, 3],
    ]);
  });

  it('drops empty shards and treats n < 1 as 1', () => {
    expect(shard([1], 4)).toEqual([[1]]);
    expect(shard([1, 2], 0)).toEqual([[1, 2]]);
    expect(shard([], 3)).toEqual([]);
  });

  test.prop([fc.array(fc.integer()), fc.integer({ min: 1, max: 8 })])(
    'is a partition that keeps order and balances within one',
    (xs, n) => {
      const parts = shard(xs, n);
      expect(parts.length).toBeLessThanOrEqual(n);
      expect(parts.flat().length).toBe(xs.length);
      const sizes = parts.map((p) => p.length);
      if (sizes.length > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      // shard k holds items k, k+n, k+2n, ... in order
      for (const [k, p] of parts.entries()) for (const [j, x] of p.entries()) expect(x).toBe(xs[k + j * n]);
    },
  );
});
