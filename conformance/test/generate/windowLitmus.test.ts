import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultEngine } from '../../src/generate/engine.js';
import { litmusArbitrary } from '../../src/generate/litmusArbitrary.js';

describe('window litmus programs', () => {
  it('put one task inside a kernel path and a second task concurrent with it', () => {
    const tests = fc.sample(litmusArbitrary({ engine: defaultEngine(), window: true }), {
      seed: 4,
      numRuns: 60,
    });
    const withTwo = tests.filter((t) => Object.keys(t.program.threads).length === 2);
    expect(withTwo.length).toBeGreaterThan(10);
    for (const t of tests) {
      const lists = Object.values(t.program.threads);
      expect(lists.length).toBeLessThanOrEqual(2);
    }
    const kernelFirst = withTwo.filter((t) =>
      Object.values(t.program.threads).some(
        (l) => l.length === 1 && ['ctl', 'wait', 'kick', 'syscall', 'fault'].includes(l[0]!.op),
      ),
    );
    expect(kernelFirst.length).toBe(withTwo.length);
  });
});
