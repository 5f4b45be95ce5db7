import { canonicalObservation, type StepObservation } from '@umcg/spec';
import { describe, expect, it } from 'vitest';
import { checkTrace } from '../../src/check/checkTrace.js';
import { specEngine } from '../../src/check/engine.js';
import { loadTrace } from '../../src/trace/load.js';

const FILE = new URL('../../corpus/preempt-kill-after-other-result.trace', import.meta.url).pathname;

describe('a killed observation', () => {
  it('is compared on `killed` alone: the results of the killing step are in the dead process', async () => {
    const trace = await loadTrace(FILE);
    const engine = specEngine();
    let state = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
    const observations: StepObservation[] = [];
    for (const step of trace.steps.slice(0, -1)) {
      const o = engine.stepFirst(state, step.action);
      observations.push(o.observation);
      state = o.state;
    }
    const last = trace.steps[trace.steps.length - 1]!;
    const kill = engine.step(state, last.action).find((o) => o.observation.killed);
    // The spec's outcome still records the server's CAS, which returned before the worker's hook killed.
    expect(kill?.observation.results).toEqual({ s0: { call: 'cas', ret: 'ok' } });
    // A real target can only report the kill.
    const observed: StepObservation = { killed: true, tasks: {}, results: {} };
    expect(canonicalObservation(observed)).toBe(canonicalObservation(kill!.observation));
    expect(checkTrace(trace, [...observations, observed]).kind).toBe('pass');
  });
});
