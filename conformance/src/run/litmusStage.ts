/**
 * The litmus stage of a session: the built-in litmus programs of `src/litmus` and the corpus `*.litmus` files,
 * deduplicated by hash, filtered by `--rules` and `--shard`, each run and judged by `runLitmus`.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import type { Target } from '../adapters/contract.js';
import { litmusHash } from '../trace/hash.js';
import { listFiles, loadLitmus } from '../trace/load.js';
import type { LitmusTest } from '../trace/types.js';
import type { Expectations } from './expectations.js';
import { litmusCorpus, runLitmus } from './litmus.js';
import { mapPool } from './pool.js';
import { retarget } from './retarget.js';
import { inShard } from './select.js';
import type { SessionConfig } from './session.js';
import type { TraceResult } from './types.js';

export { parseError } from './parseError.js';

import { parseError } from './parseError.js';

/**
 * Runs the litmus stage, emitting one result per program. `corpusDir` is a directory of `*.litmus` files (run with
 * the built-in programs), or `{ file }` for exactly one litmus file (`--replay x.litmus`).
 */
export async function runLitmusStage(
  cfg: SessionConfig,
  profile: ProfileId,
  expectations: Expectations,
  emit: (r: TraceResult) => void,
  matches: (rules: readonly string[]) => boolean,
  open: (p: ProfileId) => Promise<Target>,
  corpusDir: string | { readonly file: string },
  override: ProfileId | undefined,
): Promise<void> {
  const one = typeof corpusDir !== 'string';
  const files = one ? [corpusDir.file] : await listFiles(corpusDir, ['.litmus']).catch(() => []);
  const tests: { test: LitmusTest; file?: string }[] = one ? [] : litmusCorpus().map((test) => ({ test }));
  for (const file of files) {
    try {
      tests.push({ test: await loadLitmus(file), file });
    } catch (e) {
      emit(parseError('litmus', file, e, profile));
    }
  }
  const seen = new Set<string>();
  const selected = inShard(tests, cfg.shard).filter(({ test }) => {
    const key = litmusHash(test);
    if (seen.has(key)) return false;
    seen.add(key);
    return one || cfg.rules === undefined || matches(test.header.rules);
  });
  const runs = Math.max(1, Math.min(cfg.runs > 0 ? cfg.runs : 100, 200));
  let done = 0;
  await mapPool(
    selected,
    cfg.jobs,
    async ({ test, file }) => {
      const r = retarget(test, override);
      if ('skip' in r) {
        const h = test.header;
        const hash = litmusHash(test);
        emit({
          origin: 'litmus',
          name: h.name,
          hash,
          profile: h.profile,
          status: 'SKIP',
          verdict: { kind: 'skip', reason: r.skip },
          rules: [],
          durationMs: 0,
          reason: r.skip,
          ...(file ? { file } : {}),
        });
        return;
      }
      const t = r.item;
      const expectation = expectations[t.header.name];
      emit(
        await runLitmus(await open(t.header.profile), t, {
          runs,
          seed: cfg.seed,
          ...(cfg.signal ? { signal: cfg.signal } : {}),
          ...(file ? { file } : {}),
          ...(expectation ? { expectation } : {}),
        }),
      );
      cfg.onProgress?.(++done, selected.length, 'litmus', 0);
    },
    cfg.signal,
  );
}
