import { fc, test } from '@fast-check/vitest';
import type { Trace } from '@umcg/conformance';
import { canonicalObservation, getProfile } from '@umcg/spec/vocabulary';
import { describe, expect } from 'vitest';
import { randomTrace } from '../src/internal/random-trace.js';
import { DEFAULT_KNOBS } from '../src/internal/run/knobs.js';
import { runTrace } from '../src/internal/run/trace.js';

const cfg = { params: getProfile('pz-v2').params, mutant: undefined, knobs: DEFAULT_KNOBS };

function asTrace(seed: number): Trace {
  const t = randomTrace(seed, 30);
  return {
    header: {
      version: 1,
      name: `gen-${seed}`,
      profile: 'pz-v2',
      tasks: t.tasks,
      requires: [],
      rules: [],
      sources: [],
      description: '',
    },
    steps: t.steps.map((action) => ({ action })),
  };
}

const render = (r: ReturnType<typeof runTrace>): string =>
  `${r.status}\n${r.observations.map(canonicalObservation).join('\n')}`;

describe('determinism', () => {
  test.prop([fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], {
    numRuns: 150,
  })('the same trace and seed give identical observations', (traceSeed, runSeed) => {
    const trace = asTrace(traceSeed);
    expect(render(runTrace(cfg, trace, runSeed))).toBe(render(runTrace(cfg, trace, runSeed)));
  });

  test.prop([fc.integer({ min: 1, max: 2 ** 31 - 1 })], { numRuns: 100 })(
    'generated traces replay to completion under their generation seed',
    (seed) => {
      const r = runTrace(cfg, asTrace(seed), seed);
      expect(r.status).toBe('completed');
      expect(r.detail).toContain(`seed=${seed}`);
    },
  );
});
