/**
 * What the guest tests take from `@umcg/conformance` (its entry point does not export them yet): the corpus, the
 * checker, the runner's judge with expectations.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLitmus } from '../../../../conformance/src/trace/litmus.js';
import { parseTrace } from '../../../../conformance/src/trace/parse.js';
import type { LitmusTest } from '../../../../conformance/src/trace/types.js';
import type { Trace } from '../../src/internal/contracts.js';

export { createChecker } from '../../../../conformance/src/check/checkTrace.js';
export { specEngine } from '../../../../conformance/src/check/engine.js';
export { loadExpectations } from '../../../../conformance/src/run/expectations.js';
export { mapPool } from '../../../../conformance/src/run/pool.js';
export { runTrace } from '../../../../conformance/src/run/runTrace.js';

import { retarget } from '../../../../conformance/src/run/retarget.js';

export type { TraceResult } from '../../../../conformance/src/run/types.js';

/** The conformance package's root directory. */
export const CONFORMANCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../conformance');

/** A corpus item retargeted to `ref-6.1` by the runner's own rule (`--profile=ref-6.1`), or why it does not apply. */
export type Retargeted<T> =
  | { readonly item: T; readonly file: string }
  | { readonly skip: string; readonly name: string };

/**
 * Every `.trace` of the corpus under `ref-6.1`, as `--profile=ref-6.1` gives them: generic (pz-v2) traces are
 * re-profiled unless they cite a rule foreign to ref-6.1; traces written for other profiles are skipped.
 */
export function corpusTraces(): Retargeted<Trace>[] {
  const dir = join(CONFORMANCE_DIR, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.trace'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const t = parseTrace(readFileSync(file, 'utf8'), file);
      const r = retarget(t, 'ref-6.1');
      return 'item' in r ? { item: r.item, file } : { skip: r.skip, name: t.header.name };
    });
}

/** Every `.litmus` of the corpus that applies under `ref-6.1` (retargeted like traces). */
export function corpusLitmus(): LitmusTest[] {
  const dir = join(CONFORMANCE_DIR, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.litmus'))
    .sort()
    .map((f) => retarget(parseLitmus(readFileSync(join(dir, f), 'utf8'), join(dir, f)), 'ref-6.1'))
    .flatMap((r) => ('item' in r ? [r.item] : []));
}
