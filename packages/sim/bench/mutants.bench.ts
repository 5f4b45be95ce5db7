/**
 * Mutation bench (`pnpm bench:mutants [runs]`): for every mutant, the spec-based mutation test through the
 * conformance engine (generated traces under a fixed budget, shrunk by the engine; then litmus programs; then the
 * mutant's witness). Prints killed/total, the median time to kill and the median shrunk length. Exit code 1 if a
 * mutant survives.
 * Env: `SIM_MUTATION_ARGS` (target args `k=v;k=v`, default none), `SIM_MUTATION_SEED` (default 1).
 * @module
 */
import { MUTANTS } from '../src/mutants/catalogue.js';
import { conformanceEngine as engine } from '../src/mutants/engine.js';
import { type MutationResult, mutationTest } from '../src/mutants/mutation.js';

// `--help` prints this and exits before anything is downloaded, built or booted.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`usage: pnpm bench:mutants [runs=500]
  For every simulator mutant, the spec-based mutation test (generated traces, litmus, witness): killed/total,
  median time to kill, median shrunk length. Exit 1 if a mutant survives.
  Env: SIM_MUTATION_ARGS (target args k=v;k=v), SIM_MUTATION_SEED (default 1).`);
  process.exit(0);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

const runs = Number(process.argv[2] ?? 500);
const argText = process.env.SIM_MUTATION_ARGS ?? '';
const args = Object.fromEntries(
  argText
    .split(';')
    .filter((kv) => kv.includes('='))
    .map((kv) => kv.split('=', 2) as [string, string]),
);
const seed = Number(process.env.SIM_MUTATION_SEED ?? 1);
const results: MutationResult[] = [];
for (const m of MUTANTS) {
  const r = await mutationTest(engine, m, { runs, timeLimitMs: 60_000, litmusRuns: 200, seed, args });
  results.push(r);
  const status = r.killedBy === undefined ? 'ALIVE ' : `killed (${r.killedBy})`.padEnd(19);
  console.log(
    `${status} ${m.name.padEnd(32)} ${r.ms.toFixed(0).padStart(7)} ms ${String(r.length).padStart(3)} steps  ${m.profile}`,
  );
}
const killed = results.filter((r) => r.killedBy !== undefined);
const by = (k: string) => killed.filter((r) => r.killedBy === k).length;
console.log(`\nmode: spec (engine), ${runs} generated traces/mutant, args ${argText}`);
console.log(
  `mutants: ${killed.length}/${results.length} killed (generated ${by('generated')}, litmus ${by('litmus')}, witness ${by('witness')})`,
);
console.log(
  `median time to kill: ${median(killed.map((r) => r.ms)).toFixed(0)} ms; median shrunk length: ${median(killed.map((r) => r.length))} steps`,
);
if (killed.length < results.length) process.exitCode = 1;
