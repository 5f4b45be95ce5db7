/**
 * The static executor for the guest (`umcg-exec`, from `packages/native/csrc`). It is built with the native
 * package's Makefile when that has a `static` target, else compiled here with `gcc -static` from the same sources,
 * and cached by the hash of those sources in `${UMCG_CACHE_DIR:-~/.cache/umcg}/exec/<hash>/umcg-exec`.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, UAPI_HEADER } from '../internal/kernel.js';

/** The native package's C sources. */
export const NATIVE_CSRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../native/csrc');

/** The command that builds the executor, for messages. */
export const EXECUTOR_BUILD_HINT =
  'make -C packages/native/csrc static (or let @umcg/qemu compile packages/native/csrc/*.c with gcc -static)';

function sourcesHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) {
    if (!/\.(c|h)$|^Makefile$/.test(f)) continue;
    h.update(`${f}\0`)
      .update(readFileSync(join(dir, f)))
      .update('\0');
  }
  h.update(readFileSync(UAPI_HEADER));
  return h.digest('hex').slice(0, 16);
}

function hasStaticTarget(dir: string): boolean {
  const mk = join(dir, 'Makefile');
  return existsSync(mk) && /^static\s*:/m.test(readFileSync(mk, 'utf8'));
}

/** Newest file named `umcg-exec` or `umcg-exec-static` next to `dir` (its parent, two levels deep). */
function findBuilt(dir: string): string | undefined {
  let best: { path: string; mtime: number } | undefined;
  const visit = (d: string, depth: number): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() && depth > 0 && e.name !== 'node_modules') visit(p, depth - 1);
      else if (e.isFile() && /^umcg-exec(-static)?$/.test(e.name)) {
        const m = statSync(p).mtimeMs;
        if (best === undefined || m > best.mtime) best = { path: p, mtime: m };
      }
    }
  };
  visit(resolve(dir, '..'), 2);
  return best?.path;
}

/**
 * Returns the path of a static `umcg-exec`: `explicit` when given, else the cached build for the current sources
 * (building it when missing). Throws with the reason and the fix when it cannot.
 */
export function ensureExecutor(explicit?: string, csrc: string = NATIVE_CSRC): string {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new Error(`--target-args executor=${explicit}: no such file`);
    return explicit;
  }
  if (!existsSync(csrc) || !readdirSync(csrc).some((f) => f.endsWith('.c'))) {
    throw new Error(`the executor sources are missing (${csrc}); build one with: ${EXECUTOR_BUILD_HINT}`);
  }
  const out = join(cacheDir(), 'exec', sourcesHash(csrc), 'umcg-exec');
  if (existsSync(out)) return out;
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  if (hasStaticTarget(csrc)) {
    const r = spawnSync('make', ['-s', '-C', csrc, 'static'], { encoding: 'utf8' });
    const built = r.status === 0 ? findBuilt(csrc) : undefined;
    if (built === undefined)
      throw new Error(`make -C ${csrc} static failed (exit ${r.status}):\n${r.stderr || r.stdout}`);
    copyFileSync(built, tmp);
  } else {
    const sources = readdirSync(csrc)
      .filter((f) => f.endsWith('.c') && !/addon|napi|test/.test(f))
      .map((f) => join(csrc, f));
    const include = resolve(dirname(UAPI_HEADER), '..'); // <linux/umcg.h>
    const args = [
      '-static',
      '-O2',
      '-g',
      '-Wall',
      '-pthread',
      `-I${csrc}`,
      `-I${include}`,
      '-o',
      tmp,
      ...sources,
    ];
    const r = spawnSync('gcc', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gcc ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  }
  renameSync(tmp, out);
  return out;
}
