/**
 * The litmus corpus: small concurrent programs for the races W1-W7 (spec/SPEC.md#transition-labels) and those discussed on the list (wake vs. wait entry, two
 * wakers, block vs. preempt CAS, timeout vs. wake, enqueue vs. take, the seed e-mail's stealing race), kept as
 * `.litmus` text files next to this module (the trace format's litmus form) so reviewers read and cite them.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLitmus } from '../trace/litmus.js';
import type { LitmusTest } from '../trace/types.js';

/** Directory of the corpus files. */
export const LITMUS_CORPUS_DIR: string = fileURLToPath(new URL('./corpus/', import.meta.url));

/** Every litmus test of the corpus, sorted by name (parse errors name file:line:col). */
export function litmusCorpus(dir: string = LITMUS_CORPUS_DIR): LitmusTest[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.litmus'))
    .sort()
    .map((n) => {
      const file = join(dir, n);
      return parseLitmus(readFileSync(file, 'utf8'), file);
    });
}

/** One corpus test by name; throws listing the known names otherwise. */
export function litmusByName(name: string, dir: string = LITMUS_CORPUS_DIR): LitmusTest {
  const all = litmusCorpus(dir);
  const t = all.find((x) => x.header.name === name);
  if (t === undefined)
    throw new Error(
      `unknown litmus test '${name}'; expected one of: ${all.map((x) => x.header.name).join(', ')}`,
    );
  return t;
}
