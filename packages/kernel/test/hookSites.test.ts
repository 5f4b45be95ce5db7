import { describe, expect, it } from 'vitest';
import { addedLines, hookSites } from '../src/hookSites.js';

describe('hook sites', () => {
  it('numbers the added lines of a patch as they stand in the patched file', () => {
    const patch = [
      '--- a/kernel/x.c',
      '+++ b/kernel/x.c',
      '@@ -10,4 +10,6 @@',
      ' a',
      '+b',
      ' c',
      '-d',
      '+e',
      '+f',
      ' g',
      '--- a/include/y.h',
      '+++ b/include/y.h',
      '@@ -1,1 +1,2 @@',
      ' h',
      '+i',
      '--- a/kernel/z.c',
      '+++ b/kernel/z.c',
      '@@ -100 +101,2 @@',
      '+j',
      ' k',
    ].join('\n');
    expect(addedLines(patch)).toEqual([
      { file: 'kernel/x.c', line: 11 },
      { file: 'kernel/x.c', line: 13 },
      { file: 'kernel/x.c', line: 14 },
      { file: 'kernel/z.c', line: 101 },
    ]);
  });

  it("covers the scheduler, exit, exec, entry and fault paths of the package's patch, and no header", () => {
    const files = new Set(hookSites().map((s) => s.file));
    for (const f of ['kernel/sched/core.c', 'kernel/exit.c', 'fs/exec.c', 'kernel/entry/common.c'])
      expect(files).toContain(f);
    expect([...files].every((f) => f.endsWith('.c'))).toBe(true);
  });
});
