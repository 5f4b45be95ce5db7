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
export type { TraceResult } from '../../../../conformance/src/run/types.js';

/** The conformance package's root directory. */
export const CONFORMANCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../conformance');

/**
 * Every `.trace` of the corpus, parsed; those written for `pz-v2` (the profile the reference kernel implements,
 * `ref-6.1` being its implementation choices) are re-profiled to `ref-6.1`. Traces of other profiles (pz-proto,
 * pz-v1, the v2 follow-ups) keep theirs, so the capability gate skips them: their expected outcomes describe
 * kernels this one is not.
 */
export function corpusTraces(): { trace: Trace; file: string }[] {
  const dir = join(CONFORMANCE_DIR, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.trace'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const t = parseTrace(readFileSync(file, 'utf8'), file);
      return {
        trace:
          t.header.profile === 'pz-v2' ? { ...t, header: { ...t.header, profile: 'ref-6.1' as const } } : t,
        file,
      };
    });
}

/** Every `.litmus` of the corpus written for `pz-v2`, re-profiled to `ref-6.1`. */
export function corpusLitmus(): LitmusTest[] {
  const dir = join(CONFORMANCE_DIR, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.litmus'))
    .sort()
    .map((f) => parseLitmus(readFileSync(join(dir, f), 'utf8'), join(dir, f)))
    .filter((l) => l.header.profile === 'pz-v2')
    .map((l) => ({ ...l, header: { ...l.header, profile: 'ref-6.1' as const } }));
}
