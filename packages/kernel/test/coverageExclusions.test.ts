import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageExclusions, excludedLines, parseExclusions } from '../src/coverageExclusions.js';
import { PACKAGE_DIR } from '../src/paths.js';

describe('coverage exclusions', () => {
  it('parses entries and rejects a malformed line with its place', () => {
    const e = parseExclusions('# c\n\nkernel/x.c\t  return 0;  \tnever: why\n', 'ex.txt');
    expect(e).toEqual([{ file: 'kernel/x.c', text: 'return 0;', reason: 'never: why', at: 3 }]);
    expect(() => parseExclusions('kernel/x.c\treturn 0;\n', 'ex.txt')).toThrow(
      /^ex\.txt:1: expected 'file<TAB>line text<TAB>reason'/,
    );
  });

  it('names lines by their text, wherever they move', () => {
    const e = parseExclusions('k.c\tBUG();\tcannot happen\n');
    expect([...excludedLines(e, 'k.c', 'a\n  BUG();\nb\nBUG();\n').keys()]).toEqual([2, 4]);
    expect(excludedLines(e, 'other.c', 'BUG();').size).toBe(0);
  });

  it('every entry of the package still names a line of the UMCG sources (no stale entry)', () => {
    for (const e of coverageExclusions()) {
      const source = readFileSync(join(PACKAGE_DIR, 'linux', e.file), 'utf8');
      expect(excludedLines([e], e.file, source).size, `coverage-exclusions.txt:${e.at}`).toBeGreaterThan(0);
    }
  });
});
