/**
 * Mutation bench: for every mutant, find a difference and shrink it; prints killed/total, the median time to kill
 * and the median shrunk length. Until the conformance engine's generator is wired in, a mutant counts as killed
 * when its witness (a trace, or a litmus program over seeds) makes the mutated simulator differ from the original
 * one; the engine's version will check against the spec instead. Usage: `pnpm bench:mutants`.
 * @module
 */
import { MUTANTS } from '../src/mutants/catalogue.js';
import { checkWitness } from '../src/mutants/check.js';
import { shrinkWitness } from '../src/mutants/shrink.js';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

const times: number[] = [];
const lengths: number[] = [];
const alive: string[] = [];
for (const m of MUTANTS) {
  const t0 = performance.now();
  const r = checkWitness(m);
  if (!r.shown) {
    alive.push(m.name);
    console.log(`ALIVE   ${m.name}: ${r.detail}`);
    continue;
  }
  const ms = performance.now() - t0;
  const shrunk = shrinkWitness(m).witness;
  const len = shrunk.kind === 'trace' ? shrunk.steps.length : r.length;
  times.push(ms);
  lengths.push(len);
  console.log(
    `killed  ${m.name.padEnd(32)} ${ms.toFixed(1).padStart(7)} ms  ${String(len).padStart(3)} steps  (${m.profile})`,
  );
}
console.log(`\nmutants: ${MUTANTS.length - alive.length}/${MUTANTS.length} killed`);
console.log(
  `median time to kill: ${median(times).toFixed(1)} ms; median shrunk length: ${median(lengths)} steps`,
);
if (alive.length > 0) process.exitCode = 1;
