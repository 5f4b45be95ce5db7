import { readFile } from 'node:fs/promises';
import type { StepObservation } from '@umcg/spec';
import { describe, expect, test } from 'vitest';
import type { Target } from '../../src/adapters/contract.js';
import { checkTrace } from '../../src/check/checkTrace.js';
import { specEngine } from '../../src/check/engine.js';
import { checkRun } from '../../src/generate/checkRun.js';
import { defaultEngine } from '../../src/generate/engine.js';
import { runPlanned } from '../../src/generate/hunt.js';
import { interpretPlan } from '../../src/generate/interpret.js';
import { FEATURE_NAMES } from '../../src/trace/features.js';

/**
 * A conforming target that, unlike the generator, takes the LAST allowed outcome of every step (a tick on the
 * PREEMPT CAS, a signal that wakes a task), and reports a step it cannot take as unsupported, as a real target does.
 */
function lastOutcomeTarget(): Target {
  const engine = specEngine();
  return {
    info: { name: 'last-outcome', version: '0', build: {} },
    capabilities: { features: new Set(FEATURE_NAMES), profiles: ['pz-v2'] },
    async run(trace) {
      let s = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
      const observations: StepObservation[] = [];
      for (const [i, step] of trace.steps.entries()) {
        if (engine.observe(s).killed) {
          observations.push(engine.observe(s));
          continue;
        }
        const why = engine.whyNotEnabled(s, step.action);
        if (why !== undefined)
          return { observations, status: 'unsupported', detail: `step ${i + 1}: ${why}` };
        const all = engine.step(s, step.action);
        const o = all[all.length - 1]!;
        observations.push(o.observation);
        s = o.state;
      }
      return { observations, status: 'completed' };
    },
    async runLitmus() {
      throw new Error('not used');
    },
    async close() {},
  };
}

describe('generated traces are judged to their end when the target takes another allowed outcome', () => {
  test('the rest of the plan is re-planned from what the target observed; nothing is skipped', async () => {
    // A plan (found by sampling) whose canonical path the last-outcome target leaves so that a later planned step
    // cannot be taken any more. If generation changes so that it no longer does, find another plan: the first of
    // `fc.sample(generatedTraceArbitrary(), { seed: 11 })` on which this target reports `unsupported`.
    const engine = defaultEngine();
    const plan = JSON.parse(await readFile(new URL('./fixtures/replan-plan.json', import.meta.url), 'utf8'));
    const g = interpretPlan(engine, plan, 'pz-v2');
    const target = lastOutcomeTarget();
    const plain = await target.run(g.trace, { seed: 1 });
    expect(plain.status, 'the fixture plan must leave the target off the planned path').toBe('unsupported');
    expect(checkRun(checkTrace, g.trace, plain).kind).toBe('skip');
    const judged = await runPlanned(target, checkTrace, engine, 'pz-v2', g);
    expect(judged.replans).toBeGreaterThan(0);
    expect(judged.unplannable).toBe(false);
    expect(judged.verdict.kind).toBe('pass');
    expect(judged.trace.steps.slice(0, 5)).toEqual(g.trace.steps.slice(0, 5));
  });
});
