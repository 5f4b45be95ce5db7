import type { Action } from '@umcg/spec';
import { UMCG_CTL_CMD, UMCG_CTL_REGISTER, UMCG_CTL_UNREGISTER, UMCG_CTL_WORKER } from '@umcg/spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultEngine } from '../../src/generate/engine.js';
import { DEFAULT_KNOBS } from '../../src/generate/knobs.js';
import { generatedTraceArbitrary } from '../../src/generate/traceArbitrary.js';

/** The registration history of each task: `S`/`W` for a registration, `U` for an unregistration. */
function histories(actions: readonly Action[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of actions) {
    if (a.op !== 'ctl' || a.self.kind !== 'own') continue;
    const cmd = a.flags & UMCG_CTL_CMD;
    const mark =
      cmd === UMCG_CTL_REGISTER
        ? (a.flags & UMCG_CTL_WORKER) !== 0
          ? 'W'
          : 'S'
        : cmd === UMCG_CTL_UNREGISTER
          ? 'U'
          : '';
    out.set(a.task, (out.get(a.task) ?? '') + mark);
  }
  return out;
}

const roleChanges = (knobs: typeof DEFAULT_KNOBS, seed: number): number => {
  const arb = generatedTraceArbitrary({
    engine: defaultEngine(),
    swarm: false,
    knobs,
    minSteps: 30,
    maxSteps: 40,
  });
  return fc
    .sample(arb, { seed, numRuns: 150 })
    .filter((g) =>
      [...histories(g.trace.steps.map((s) => s.action)).values()].some((h) => /SU+W|WU+S/.test(h)),
    ).length;
};

describe('lifecycle sequences', () => {
  it('with the lifecycle knob, tasks unregister and register again in the other role', () => {
    const withKnob = roleChanges({ ...DEFAULT_KNOBS, lifecycle: true }, 3);
    const without = roleChanges(DEFAULT_KNOBS, 3);
    expect(withKnob).toBeGreaterThanOrEqual(10);
    expect(withKnob).toBeGreaterThan(2 * without);
  });
});
