import { getProfile } from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../src/mutants/catalogue.js';
import { checkWitness } from '../src/mutants/check.js';
import { MUTANT_NAMES } from '../src/mutants/names.js';

describe('mutant catalogue', () => {
  it('has at least 20 documented mutants, one per name', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(20);
    expect(MUTANTS.map((m) => m.name)).toEqual([...MUTANT_NAMES]);
    for (const m of MUTANTS) {
      expect(m.description.length, m.name).toBeGreaterThan(20);
      expect(m.breaks.length, m.name).toBeGreaterThan(5);
      expect(m.facts, m.name).toMatch(/\[[A-Za-z0-9.-]+\]|\bR\d|\bW\d|SPEC\.md#/);
      expect(() => getProfile(m.profile)).not.toThrow();
    }
  });

  it.each(MUTANTS.map((m) => [m.name, m] as const))('%s is shown by its witness', (_name, m) => {
    const r = checkWitness(m);
    expect(r.shown, r.detail).toBe(true);
  });
});
