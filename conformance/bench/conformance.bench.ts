/**
 * Benchmark of the conformance engine on the spec target (`pnpm bench:conformance`): model-guided generation,
 * running on `--target=spec`, and the exact checker, in traces/s and checked steps/s on one core. Goal (ARCHITECTURE.md,
 * "Figures"): ≥ 1000 generated traces/s of ~30 steps. Times are the process's CPU time, so a busy machine does not
 * distort them. Options: `--traces N` (default 2000), `--seed S`, `--min/--max`
 * steps per trace (default 25..35).
 */

import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { openSpecTarget } from '../src/adapters/spec.js';
import { checkTrace } from '../src/check/checkTrace.js';
import { judgeAnnotations } from '../src/check/paths.js';
import { defaultEngine } from '../src/generate/engine.js';
import { huntTarget } from '../src/generate/hunt.js';
import { traceArbitrary } from '../src/generate/traceArbitrary.js';
import { listFiles, loadTrace } from '../src/trace/load.js';
import type { Trace, TraceRun } from '../src/trace/types.js';

// `--help` prints this and exits before anything is downloaded, built or booted.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`usage: pnpm bench:conformance [--traces 2000] [--seed 1] [--min 25] [--max 35]
  Generation, running on the spec target and the checker, in traces/s and checked steps/s (CPU time, one core).`);
  process.exit(0);
}

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : dflt;
};
const N = arg('traces', 2000);
const SEED = arg('seed', 1);
const MIN = arg('min', 25);
const MAX = arg('max', 35);
const engine = defaultEngine();
const gen = { engine, minSteps: MIN, maxSteps: MAX };
const rate = (n: number, ms: number): string => `${Math.round((n * 1000) / ms).toLocaleString('en-US')}/s`;
/** CPU time of this process in ms (user + system): robust when the machine is shared. */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const steps = (ts: readonly Trace[]): number => ts.reduce((n, t) => n + t.steps.length, 0);

// Warm up the JIT on a small batch first.
fc.sample(traceArbitrary(gen), { seed: SEED + 1, numRuns: 100 });

let t0 = cpu();
const traces = fc.sample(traceArbitrary(gen), { seed: SEED, numRuns: N });
const genMs = cpu() - t0;
const total = steps(traces);

const target = openSpecTarget({ profile: 'pz-v2', timeoutMs: 10_000, seed: SEED, args: {} });
t0 = cpu();
const runs: TraceRun[] = [];
for (const t of traces) runs.push(await target.run(t, { seed: SEED }));
const runMs = cpu() - t0;

t0 = cpu();
let pass = 0;
traces.forEach((t, i) => {
  if (checkTrace(t, runs[i]!.observations).kind === 'pass') pass++;
});
const checkMs = cpu() - t0;

t0 = cpu();
const hunt = await huntTarget(target, {
  check: checkTrace,
  engine,
  runs: N,
  seed: SEED,
  failuresDir: false,
  generation: { minSteps: MIN, maxSteps: MAX },
});
const huntMs = cpu() - t0;

const line = (what: string, ms: number): string =>
  `${what.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms  ${rate(N, ms).padStart(10)} traces  ${rate(total, ms).padStart(12)} steps`;
console.log(
  `conformance bench: ${N} traces, ${(total / N).toFixed(1)} steps/trace (min ${MIN}, max ${MAX}), seed ${SEED}, node ${process.version}`,
);
console.log(line('generate (model-guided)', genMs));
console.log(line('run on spec target (stepFirst)', runMs));
console.log(line('check (exact checker)', checkMs));
console.log(line('generate + run + check', genMs + runMs + checkMs));
console.log(line('huntTarget end to end', huntMs));
console.log(
  `checked: ${pass}/${N} pass; hunt: ${hunt.runs} traces, failure: ${hunt.failure ? hunt.failure.signature : 'none'}`,
);
const e2e = (N * 1000) / (genMs + runMs + checkMs);
console.log(
  `goal ≥ 1000 traces/s of ~30 steps: ${e2e >= 1000 ? 'met' : 'NOT met'} (${Math.round(e2e)} traces/s)`,
);

// check-trace over the committed corpus: every allowed path of every trace (goal < 1 s per corpus trace).
const corpus = await Promise.all(
  (await listFiles(fileURLToPath(new URL('../corpus', import.meta.url)), ['.trace', '.json'])).map((f) =>
    loadTrace(f),
  ),
);
const t1 = cpu();
let slowest = 0;
let states = 0;
for (const t of corpus) {
  const s = cpu();
  states += judgeAnnotations(engine, t).states;
  slowest = Math.max(slowest, cpu() - s);
}
const ctMs = cpu() - t1;
console.log(
  `check-trace over the corpus: ${corpus.length} traces in ${ctMs.toFixed(0)} ms (${rate(corpus.length, ctMs)} traces, ${states.toLocaleString('en-US')} states); slowest ${slowest.toFixed(0)} ms: goal < 1000 ms per trace ${slowest < 1000 ? 'met' : 'NOT met'}`,
);
