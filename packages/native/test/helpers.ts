/**
 * Test helpers: the conformance engine's trace parser and checker, and the host executor.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Trace } from '@umcg/conformance';
import { checkTrace, parseLitmus, parseTrace, retarget } from '@umcg/conformance';

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
