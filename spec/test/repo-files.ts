/**
 * The repository's tracked text files, for the tests that scan the whole repository (citations, anchors, paths).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const repoRoot = join(import.meta.dirname, '..', '..');

const BINARY = /\.(png|jpe?g|gif|ico|node|o|a|so|gz|xz|zst|bz2|woff2?|pdf|bin|cpio)$/i;

/** Every tracked text file (path relative to the root) with its content; the lockfile is left out. */
export function trackedTextFiles(): { path: string; text: string }[] {
  const out = execFileSync('git', ['ls-files', '-z'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return out
    .split('\0')
    .filter((p) => p !== '' && !BINARY.test(p) && p !== 'pnpm-lock.yaml')
    .flatMap((path) => {
      try {
        const text = readFileSync(join(repoRoot, path), 'utf8');
        return text.includes('\0') ? [] : [{ path, text }];
      } catch {
        return []; // deleted in the worktree but still in the index
      }
    });
}
