import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PKG = fileURLToPath(new URL('..', import.meta.url));
const make = (goal: string): string[] =>
  spawnSync('make', ['-s', '--no-print-directory', '-C', join(PKG, 'csrc'), goal], { encoding: 'utf8' })
    .stdout.trim()
    .split(/\s+/);

describe('the executor sources are listed once (csrc/Makefile)', () => {
  it('the addon builds every C file of csrc but the executable main, as binding.gyp reads them from make', () => {
    const all = readdirSync(join(PKG, 'csrc')).filter((f) => f.endsWith('.c'));
    const addon = make('print-gyp-sources');
    expect(addon.sort()).toEqual(
      all
        .filter((f) => f !== 'main.c')
        .map((f) => `csrc/${f}`)
        .sort(),
    );
    const gyp = readFileSync(join(PKG, 'binding.gyp'), 'utf8');
    expect(gyp).not.toMatch(/\.c"/);
    expect(gyp).toContain('print-gyp-sources');
  });

  it('the uapi header comes from the @umcg/kernel dependency through one include path', () => {
    const [include] = make('print-gyp-includes');
    expect(readFileSync(join(PKG, include ?? '', 'linux/umcg.h'), 'utf8')).toContain('umcg');
    for (const f of readdirSync(join(PKG, 'csrc')))
      expect(readFileSync(join(PKG, 'csrc', f), 'utf8'), f).not.toContain('../../kernel');
  });
});
