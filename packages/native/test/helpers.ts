/**
 * Test helpers: the conformance engine's trace parser and checker (through their source files until
 * `@umcg/conformance` exports them), and the host executor.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTrace } from '../../../conformance/src/check/checkTrace.js';
import { retarget } from '../../../conformance/src/run/retarget.js';
import { parseLitmus } from '../../../conformance/src/trace/litmus.js';
import { parseTrace } from '../../../conformance/src/trace/parse.js';
import type { Trace } from '../src/internal/contracts.js';

export { checkTrace, parseLitmus, parseTrace, retarget };

/** The conformance corpus directory. */
export const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../conformance/corpus');

/** A corpus trace by name, optionally re-targeted at another profile. */
export function corpusTrace(name: string, profile?: string): Trace {
  const t = parseTrace(readFileSync(resolve(CORPUS, `${name}.trace`), 'utf8'), `${name}.trace`);
  return profile === undefined
    ? t
    : { ...t, header: { ...t.header, profile: profile as Trace['header']['profile'] } };
}
