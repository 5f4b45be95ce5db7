import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { interpretPlan } from '../../src/generate/interpret.js';
import { planArbitrary } from '../../src/generate/plan.js';
import { traceArbitrary } from '../../src/generate/traceArbitrary.js';
import type { Trace } from '../../src/trace/types.js';
import { replayCanonical } from './fixtures/replay.js';
import { toyEngine } from './fixtures/toyEngine.js';

const engine = toyEngine;
const arb = traceArbitrary({ engine });
const arbShort = traceArbitrary({ engine, minSteps: 1 });

describe('traceArbitrary (toy engine)', () => {
  test.prop([arb], { numRuns: 150 })('every generated trace is valid under the spec', (trace) => {
    expect(replayCanonical(engine, trace).invalid).toBeUndefined();
    expect(trace.steps.length).toBeLessThanOrEqual(40);
  });

  test.prop([planArbitrary({ minSteps: 0, maxSteps: 60 })], { numRuns: 150 })(
    'every plan, hence every shrink of a plan, interprets to a valid trace',
    (plan) => {
      const { trace } = interpretPlan(engine, plan, 'pz-v2');
      expect(replayCanonical(engine, trace).invalid).toBeUndefined();
    },
  );

  test('generation is deterministic under a seed', () => {
    const a = fc.sample(arb, { seed: 1234, numRuns: 25 });
    const b = fc.sample(arb, { seed: 1234, numRuns: 25 });
    expect(a).toEqual(b);
    expect(fc.sample(arb, { seed: 1235, numRuns: 25 })).not.toEqual(a);
  });

  test('most traces have at least 2 servers and 3 workers, and ~10-40 steps', () => {
    const traces = fc.sample(arb, { seed: 7, numRuns: 300 });
    const big = traces
      .filter((t) => t.header.tasks.filter((x) => x.name.startsWith('s')).length >= 2)
      .filter((t) => t.header.tasks.filter((x) => x.name.startsWith('w')).length >= 3);
    expect(big.length / traces.length).toBeGreaterThan(0.6);
    const mean = traces.reduce((n, t) => n + t.steps.length, 0) / traces.length;
    expect(mean).toBeGreaterThan(15);
  });

  test('the generator reaches deep states: workers registered and run by a server', () => {
    const ran = (t: Trace): boolean =>
      replayCanonical(engine, t).observations.some((o) =>
        Object.entries(o.results).some(
          ([n, r]) => n.startsWith('w') && r.call === 'umcg_ctl' && r.ret === '0',
        ),
      );
    const traces = fc.sample(arb, { seed: 99, numRuns: 300 }).filter((t) => t.steps.length >= 25);
    expect(traces.filter(ran).length / traces.length).toBeGreaterThan(0.2);
  });

  test('the swarm knobs are recorded in the description', () => {
    const [t] = fc.sample(arb, { seed: 3, numRuns: 1 });
    expect(t?.header.description).toMatch(/swarm: bias=(follow|mixed|abuse)/);
  });

  test('shrinking yields a short trace that is still valid', () => {
    const isWait = (t: Trace) => t.steps.some((s) => s.action.op === 'wait' && s.action.task.startsWith('w'));
    const out = fc.check(
      fc.property(arbShort, (t) => !isWait(t)),
      { seed: 5, numRuns: 500 },
    );
    expect(out.failed).toBe(true);
    const [shrunk] = out.counterexample ?? [];
    expect(shrunk).toBeDefined();
    expect(replayCanonical(engine, shrunk!).invalid).toBeUndefined();
    expect(isWait(shrunk!)).toBe(true);
    // fast-check alone (without the hunter's trace-level minimization) already gets well below the 40-step maximum.
    expect(shrunk!.steps.length).toBeLessThanOrEqual(20);
  });
});
