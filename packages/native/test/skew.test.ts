import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { encodeLitmus, litmusSkew } from '../src/wire/index.js';

describe('klitmus-style skew of a litmus run', () => {
  test.prop([fc.integer(), fc.integer({ min: 1, max: 8 })])(
    'is a function of the seed, with delays in [0, 2^14) and CPUs in [-1, cpus)',
    (seed, cpus) => {
      const a = litmusSkew(seed, ['s0', 'w0', 'w1'], cpus);
      expect(litmusSkew(seed, ['s0', 'w0', 'w1'], cpus)).toEqual(a);
      for (const k of Object.values(a)) {
        expect(k.delay).toBeGreaterThanOrEqual(0);
        expect(k.delay).toBeLessThan(2 ** 14);
        expect(k.cpu).toBeGreaterThanOrEqual(-1);
        expect(k.cpu).toBeLessThan(cpus);
        if (cpus === 1) expect(k.cpu).toBe(-1);
      }
    },
  );

  it('varies over seeds: some runs start at once, others late, on every CPU', () => {
    const draws = Array.from({ length: 200 }, (_, i) => litmusSkew(i, ['s0'], 2).s0!);
    expect(draws.some((d) => d.delay === 0)).toBe(true);
    expect(draws.some((d) => d.delay > 1000)).toBe(true);
    expect(new Set(draws.map((d) => d.cpu))).toEqual(new Set([-1, 0, 1]));
  });

  it('is sent as skew lines just before end', () => {
    const program = { tasks: [{ name: 's0' }], prologue: [], threads: { s0: [] } };
    const lines = encodeLitmus('l1', program, { s0: { delay: 7, cpu: 1 } });
    expect(lines.slice(-2)).toEqual(['skew s0 delay=7 cpu=1', 'end']);
    expect(encodeLitmus('l1', program).some((l) => l.startsWith('skew'))).toBe(false);
  });
});
