/**
 * The hook sites: the lines the hook patches add to C files of the kernel (everything UMCG changes outside
 * `kernel/sched/umcg.c`), read from `patches/*.patch`. Coverage reports count these lines of the hooked files.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_DIR } from './paths.js';

/** One added line of a hook patch. */
export interface HookSite {
  /** Kernel-tree path of the patched file. */
  readonly file: string;
  /** Line number in the patched file. */
  readonly line: number;
}

/** The lines the unified diff `patch` adds to `.c` files, at their line numbers after patching. */
export function addedLines(patch: string): HookSite[] {
  const sites: HookSite[] = [];
  let file: string | undefined;
  let line = 0;
  for (const l of patch.split('\n')) {
    const plus = /^\+\+\+ b\/(\S+)/.exec(l);
    if (plus !== null) {
      file = plus[1]?.endsWith('.c') ? plus[1] : undefined;
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
    if (hunk !== null) {
      line = Number(hunk[1]);
      continue;
    }
    if (file === undefined || l.startsWith('---') || l.startsWith('-')) continue;
    if (l.startsWith('+')) sites.push({ file, line });
    if (l.startsWith('+') || l.startsWith(' ')) line++;
  }
  return sites;
}

/** Every hook site of the package's patches. */
export function hookSites(): HookSite[] {
  const dir = join(PACKAGE_DIR, 'patches');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.patch'))
    .sort()
    .flatMap((f) => addedLines(readFileSync(join(dir, f), 'utf8')));
}
