import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, SELFTESTS_DIR } from './paths.js';

/** The selftest programs, in the order the guest runs them. */
export const SELFTESTS = ['umcg_errors', 'umcg_basic', 'umcg_kill', 'umcg_stress'] as const;

/** The benchmark program. */
export const BENCH_PROGRAM = 'umcg_bench';

/**
 * Compile the static selftests and the benchmark (gcc -static, via the
 * selftests Makefile) into `outDir` (default `<cache>/selftests`); returns
 * program name -> path.
 */
export function buildSelftests(outDir: string = join(cacheDir(), 'selftests')): Record<string, string> {
  mkdirSync(outDir, { recursive: true });
  const r = spawnSync('make', ['-s', '-C', SELFTESTS_DIR, `OUT=${outDir}`], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`building the selftests failed (needs gcc and static glibc, libc6-dev):\n${r.stderr}`);
  const out: Record<string, string> = {};
  for (const p of [...SELFTESTS, BENCH_PROGRAM]) out[p] = join(outDir, p);
  return out;
}
