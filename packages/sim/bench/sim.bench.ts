/**
 * Simulator throughput: runs generated ~30-step traces through the adapter path (`runTrace`) on one core and
 * prints traces/s and steps/s (target: at least 1 000 traces/s). Usage: `tsx packages/sim/bench/sim.bench.ts [n]`.
 * @module
 */

import type { Trace } from '@umcg/conformance';
import { getProfile } from '@umcg/spec/vocabulary';
import { randomTrace } from '../src/internal/random-trace.js';
import { DEFAULT_KNOBS } from '../src/internal/run/knobs.js';
import { runTrace } from '../src/internal/run/trace.js';

const n = Number(process.argv[2] ?? 3000);
const traces: Trace[] = [];
for (let i = 0; i < n; i++) {
  const t = randomTrace(i + 1, 30);
  traces.push({
    header: {
      version: 1,
      name: `bench-${i}`,
      profile: 'pz-v2',
      tasks: t.tasks,
      requires: [],
      rules: [],
      sources: [],
      description: '',
    },
    steps: t.steps.map((action) => ({ action })),
  });
}
const cfg = { params: getProfile('pz-v2').params, mutant: undefined, knobs: DEFAULT_KNOBS };
for (let i = 0; i < Math.min(200, n); i++) runTrace(cfg, traces[i]!, i); // warm-up
let steps = 0;
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const r = runTrace(cfg, traces[i]!, 1000 + i);
  steps += r.observations.length;
}
const secs = (performance.now() - t0) / 1000;
const avg = steps / n;
console.log(`sim: ${n} traces, ${avg.toFixed(1)} steps/trace on average`);
console.log(
  `sim: ${(n / secs).toFixed(0)} traces/s, ${(steps / secs).toFixed(0)} steps/s (target >= 1000 traces/s)`,
);
