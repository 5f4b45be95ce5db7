import { describe, expect, it } from 'vitest';
import { parseTap } from '../src/boot/tap.js';

describe('parseTap', () => {
  it('parses a flat stream with a leading plan', () => {
    const r = parseTap('TAP version 13\n1..3\nok 1 a\nnot ok 2 b\nok 3 c # SKIP no smp\n');
    expect(r.plan).toBe(3);
    expect(r.top.map((t) => t.ok)).toEqual([true, false, true]);
    expect(r.top[2]?.directive).toBe('SKIP');
    expect(r.top[2]?.reason).toBe('no smp');
    expect(r.counts).toEqual({ pass: 1, fail: 1, skip: 1, total: 3 });
    expect(r.passed).toBe(false);
    expect(r.problems).toContain('not ok 2 b');
  });

  it('accepts a trailing plan', () => {
    const r = parseTap('TAP version 13\n# x\nok 1 a\nok 2 b\n1..2\n# Totals: pass:2 fail:0\n');
    expect(r.plan).toBe(2);
    expect(r.passed).toBe(true);
  });

  it('reads kselftest-style nested subtests and counts leaves', () => {
    const text = [
      'TAP version 13',
      '1..2',
      '# selftests: umcg: one',
      '# TAP version 13',
      '# ok 1 first (got 0 ok, want ok)',
      '# ok 2 second',
      '# 1..2',
      'ok 1 selftests: umcg: one',
      '# selftests: umcg: two',
      '# TAP version 13',
      '# not ok 1 broken',
      '# 1..1',
      'not ok 2 selftests: umcg: two # exit=1',
    ].join('\n');
    const r = parseTap(text);
    expect(r.plan).toBe(2);
    expect(r.top).toHaveLength(2);
    expect(r.results.filter((x) => x.depth === 1)).toHaveLength(3);
    expect(r.counts).toEqual({ pass: 2, fail: 1, skip: 0, total: 3 });
    expect(r.passed).toBe(false);
  });

  it('reports a missing plan and missing results', () => {
    expect(parseTap('ok 1 a\n').problems).toContain('no top-level plan');
    expect(parseTap('1..3\nok 1 a\n').problems[0]).toMatch(/planned 3/);
  });

  it('tolerates CR line endings and ignores diagnostics', () => {
    const r = parseTap('TAP version 13\r\n1..1\r\n# hello\r\nok 1 - dashed name\r\n');
    expect(r.top[0]?.name).toBe('dashed name');
    expect(r.passed).toBe(true);
  });
});
