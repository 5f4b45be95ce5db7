/**
 * What the guest tests take from `@umcg/conformance`: the corpus, the checker, the runner's judge with expectations
 * and its bounded-concurrency `mapPool`.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LitmusTest, Trace } from '@umcg/conformance';
import { parseLitmus, parseTrace, retarget } from '@umcg/conformance';

export type { TraceResult } from '@umcg/conformance';
export { createChecker, loadExpectations, mapPool, runTrace, specEngine } from '@umcg/conformance';

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
