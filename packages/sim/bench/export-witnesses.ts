/**
 * Writes every mutant's witness in the engine's text format (`.trace` or `.litmus`) into a directory, so it can be
 * run as a corpus (`pnpm conformance --corpus <dir> --target=sim --target-args mutant=<name>`) or copied into
 * `conformance/corpus`. Usage: `tsx packages/sim/bench/export-witnesses.ts <dir>`.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Feature, Trace } from '@umcg/conformance';
import { MUTANTS } from '../src/mutants/catalogue.js';
import { witnessTrace } from '../src/mutants/mutation.js';

interface TraceText {
  printTrace(t: Trace): string;
  printLitmus(t: unknown): string;
  requirementsOf(t: Trace): Feature[];
  inferredLitmusFeatures(t: unknown): Feature[];
}

const out = resolve(process.argv[2] ?? 'mutant-witnesses');
const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../../conformance/src/trace/index.ts');
const text = (await import(pathToFileURL(src).href)) as TraceText;
mkdirSync(out, { recursive: true });
for (const m of MUTANTS) {
  const base = witnessTrace(m);
  const header = {
    ...base.header,
    rules: [],
    sources: [m.facts],
    description: `Witness of the sim mutant '${m.name}': ${m.description} Breaks: ${m.breaks}.`,
  };
  if (m.witness.kind === 'trace') {
    const trace = { header, steps: base.steps };
    const file = join(out, `mutant-${m.name}.trace`);
    writeFileSync(
      file,
      text.printTrace({ ...trace, header: { ...header, requires: text.requirementsOf(trace) } }),
    );
  } else {
    const test = { header, program: m.witness.program };
    const requires = text.inferredLitmusFeatures(test);
    writeFileSync(
      join(out, `mutant-${m.name}.litmus`),
      text.printLitmus({ ...test, header: { ...header, requires } }),
    );
  }
}
console.log(`wrote ${MUTANTS.length} witnesses to ${out}`);
