import { fc, test } from '@fast-check/vitest';
import type { ProfileId } from '@umcg/spec';
import { describe, expect, it } from 'vitest';
import { profileSeed, spreadRuns } from '../../src/run/spread.js';

const ALL: ProfileId[] = ['pz-v2', 'pz-proto', 'pz-proto-code', 'pz-v1', 'pz-v2-followups', 'ref-6.1'];

describe('spreadRuns', () => {
  it('gives the main profile half and the others equal parts of the rest', () => {
    expect(spreadRuns(1000, 'pz-v2', ALL)).toEqual([
      { profile: 'pz-v2', runs: 500 },
      { profile: 'pz-proto', runs: 100 },
      { profile: 'pz-proto-code', runs: 100 },
      { profile: 'pz-v1', runs: 100 },
      { profile: 'pz-v2-followups', runs: 100 },
      { profile: 'ref-6.1', runs: 100 },
    ]);
  });

  it('keeps a single-profile target (or a main profile it lacks) on the main profile', () => {
    expect(spreadRuns(10, 'ref-6.1', ['ref-6.1'])).toEqual([{ profile: 'ref-6.1', runs: 10 }]);
    expect(spreadRuns(10, 'pz-v2', ['ref-6.1'])).toEqual([{ profile: 'pz-v2', runs: 10 }]);
    expect(spreadRuns(0, 'pz-v2', ALL)).toEqual([]);
  });

  test.prop([fc.integer({ min: 1, max: 5000 }), fc.subarray(ALL, { minLength: 1 })])(
    'keeps the total, never a share of 0, main first and largest',
    (runs, profiles) => {
      const main = profiles[0]!;
      const shares = spreadRuns(runs, main, profiles);
      expect(shares.reduce((n, s) => n + s.runs, 0)).toBe(runs);
      expect(shares.every((s) => s.runs > 0)).toBe(true);
      expect(shares[0]!.profile).toBe(main);
      expect(Math.max(...shares.map((s) => s.runs))).toBe(shares[0]!.runs);
      expect(new Set(shares.map((s) => s.profile)).size).toBe(shares.length);
    },
  );

  it('derives distinct seeds per profile and keeps the run seed for the main one', () => {
    expect(profileSeed(42, 0)).toBe(42);
    expect(new Set([0, 1, 2, 3, 4, 5].map((i) => profileSeed(42, i))).size).toBe(6);
  });
});
