/**
 * How well the hunter finds the simulator's deliberate bugs (`tsx conformance/bench/hunt-mutants.bench.ts [runs]
 * [mutant...]`): for every mutant of `@umcg/sim`, `huntTarget` with N generated sequential traces (page unmapping
 * excluded: the unmutated simulator and the spec disagree there), then, if missed, `huntLitmus` with generated
 * concurrent programs. Prints caught/missed, the minimal trace's size, the reproduction count and CPU time.
 */
import type { Adapter } from '../src/adapters/contract.js';
import { checkTrace } from '../src/check/checkTrace.js';
import { huntTarget } from '../src/generate/hunt.js';
import { huntLitmus } from '../src/generate/huntLitmus.js';

// Loaded by name so that type-checking this package does not type-check the simulator's sources.
const simModule = '@umcg/sim';
const { MUTANT_NAMES, simAdapter } = (await import(simModule)) as {
  readonly MUTANT_NAMES: readonly string[];
  readonly simAdapter: Adapter;
};
const runs = Number(process.argv[2] ?? 500);
const names = process.argv.length > 3 ? process.argv.slice(3) : [...MUTANT_NAMES];
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let caught = 0;
const sizes: number[] = [];
for (const mutant of names) {
  const target = await simAdapter.open({ profile: 'pz-v2', timeoutMs: 10_000, seed: 1, args: { mutant } });
  const t0 = cpu();
  const r = await huntTarget(target, {
    check: checkTrace,
    runs,
    seed: 1,
    failuresDir: false,
    generation: { exclude: ['fault'] },
  });
  let line: string;
  if (r.failure) {
    const f = r.failure;
    sizes.push(f.trace.steps.length);
    line = `trace  ${f.trace.steps.length} steps, ${f.trace.header.tasks.length} tasks (first failure ${f.originalSteps} steps), reproduced ${f.reproduced.failed}/${f.reproduced.runs}`;
  } else {
    const l = await huntLitmus(target, { programs: 150, runsPerProgram: 30, seed: 1 });
    line = l.failure
      ? `litmus ${Object.keys(l.failure.test.program.threads).length} threads, prologue ${l.failure.test.program.prologue.length} steps`
      : 'missed';
  }
  if (!line.startsWith('missed')) caught++;
  console.log(`${mutant.padEnd(32)} ${line}  [${Math.round(cpu() - t0)} ms CPU]`);
  await target.close();
}
sizes.sort((a, b) => a - b);
console.log(
  `caught ${caught}/${names.length}; minimal sequential traces: median ${sizes[Math.floor(sizes.length / 2)]} steps, max ${sizes.at(-1)}`,
);
