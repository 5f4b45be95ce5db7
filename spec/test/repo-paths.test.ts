import { existsSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, trackedTextFiles } from './repo-files.js';

/**
 * References a tracked file must not contain: a path on somebody's machine, or a file outside the repository.
 * System paths that every Linux host or guest has (`/proc`, `/sys`, `/dev`, `/usr/bin/...`, `/bin/busybox` in the
 * guest) are fine and not listed.
 */
/** Builds a pattern from pieces, so that this file does not itself contain the names it forbids. */
const re = (...parts: string[]): RegExp => new RegExp(parts.join(''));

const FORBIDDEN: readonly [RegExp, string][] = [
  [
    re('(^|[^\\w.~-])/(', ['wo', 'rk'].join(''), '|root|home|Users|scratch)/'),
    'an absolute path on a build machine',
  ],
  [re('\\.\\./', 'sha', 'red\\b'), 'a directory outside the repository'],
  [re('\\bumcg-', 'facts\\b'), 'a notes file that is not in the repository (cite spec/SOURCES.md)'],
  [re('\\bDES', 'IGN\\.md\\b'), 'a design file that is not in the repository (cite ARCHITECTURE.md)'],
  [
    re('\\b(anchors|qemu-', 'notes|toolchain-', 'notes)\\.md\\b'),
    'a notes file that is not in the repository',
  ],
  [/\bfile:\/\/\//, 'a file URL on a machine'],
];

/** Legitimate matches: file and the exact text, with the reason. */
const ALLOWED: readonly { file: string; text: string; why: string }[] = [
  {
    file: 'packages/native/scripts/conformance-in-guest.ts',
    text: "'mkdir -p /work && cd /work'",
    why: 'a directory inside the QEMU guest',
  },
];

const self = relative(repoRoot, import.meta.filename);

describe('tracked files reference nothing outside the repository', () => {
  const files = trackedTextFiles().filter((f) => f.path !== self);

  it('contain no machine path and no reference to a file that only exists elsewhere', () => {
    const bad: string[] = [];
    for (const { path, text } of files) {
      text.split('\n').forEach((line, n) => {
        for (const [re, what] of FORBIDDEN) {
          if (!re.test(line)) continue;
          if (ALLOWED.some((a) => a.file === path && line.includes(a.text))) continue;
          bad.push(`${path}:${n + 1}: ${what}: ${line.trim().slice(0, 120)}`);
        }
      });
    }
    expect(bad).toEqual([]);
  });

  it('link, in Markdown, only to files inside the repository that exist', () => {
    const bad: string[] = [];
    for (const { path, text } of files) {
      if (!path.endsWith('.md')) continue;
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (target === '' || /^[a-z]+:/i.test(target)) continue;
        const abs = normalize(join(repoRoot, dirname(path), target));
        if (!abs.startsWith(repoRoot)) bad.push(`${path}: ${m[1]} leaves the repository`);
        else if (!existsSync(abs)) bad.push(`${path}: ${m[1]} does not exist`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the patterns catch what they are for', () => {
    const hits = (s: string) => FORBIDDEN.some(([re]) => re.test(s));
    expect(hits(`see ${['', 'wo' + 'rk', 'sha' + 'red', 'notes'].join('/')}`)).toBe(true);
    expect(hits('cp x /home/alice/y')).toBe(true);
    expect(hits(`cat ../${'sha'}red/x`)).toBe(true);
    expect(hits(`read umcg-${'facts'}.md`)).toBe(true);
    expect(hits(`see DES${'IGN'}.md`)).toBe(true);
    expect(hits('cat /proc/self/maps; /usr/bin/chromium; ~/.cache/umcg; /dev/kvm')).toBe(false);
  });
});
