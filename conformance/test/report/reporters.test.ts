import { describe, expect, it } from 'vitest';
import { renderJsonl } from '../../src/report/json.js';
import { renderJunit } from '../../src/report/junit.js';
import { resultLine } from '../../src/report/line.js';
import { renderSummary } from '../../src/report/simple.js';
import { renderTap } from '../../src/report/tap.js';
import type { RunReport, TraceResult } from '../../src/run/types.js';

const r = (name: string, status: TraceResult['status'], extra: Partial<TraceResult> = {}): TraceResult => ({
  origin: 'corpus',
  name,
  hash: 'abcdef012345',
  profile: 'pz-v2',
  status,
  verdict: status === 'PASS' ? { kind: 'pass', steps: 3, rules: [] } : { kind: 'skip', reason: 'x' },
  rules: [],
  durationMs: 1,
  ...extra,
});

const report = (results: TraceResult[]): RunReport => ({
  provenance: {
    specVersion: '0.1.0',
    conformanceVersion: '0.1.0',
    profile: 'pz-v2',
    target: { name: 'sim', version: '1', build: {} },
    seed: 1,
    command: 'c',
    startedAt: '2026-01-01T00:00:00.000Z',
    host: {},
  },
  results,
  stale: [],
  coverage: { exercised: [], unreached: [] },
  exitCode: 1,
  durationMs: 5,
});

describe('reporters', () => {
  const rep = report([
    r('a', 'PASS'),
    r('b<&>', 'FAIL', { reason: 'bad "x"', report: 'line1\nline2' }),
    r('c', 'SKIP', { reason: "target lacks 'kick'" }),
    r('d', 'XFAIL', { reason: 'known' }),
  ]);

  it('junit escapes and classifies', () => {
    const x = renderJunit(rep);
    expect(x).toContain('tests="4" failures="1" errors="0"');
    expect(x).toContain('name="b&lt;&amp;&gt; [abcdef012345]"');
    expect(x).toContain('<failure message="FAIL: bad &quot;x&quot;">line1\nline2</failure>');
    expect(x).toContain('<skipped message="SKIP: target lacks \'kick\'"/>');
  });

  it('junit stays well-formed XML when a name or report holds ESC and other control characters', () => {
    const x = renderJunit(report([r('esc\u001b[31mred\u0000', 'FAIL', { report: 'bell\u0007' })]));
    const controls = [...x].filter((ch) => ch < ' ' && ch !== '\n' && ch !== '\t' && ch !== '\r');
    expect(controls).toEqual([]);
    expect(x).toContain('name="esc\\u001b[31mred\\u0000 [abcdef012345]"');
    expect(x).toContain('>bell\\u0007</failure>');
  });

  it('tap uses SKIP and TODO directives and diagnostics', () => {
    expect(renderTap(rep)).toBe(
      "TAP version 13\n1..4\nok 1 abcdef012345 a\nnot ok 2 abcdef012345 b<&>\n# line1\n# line2\nok 3 abcdef012345 c # SKIP target lacks 'kick'\nok 4 abcdef012345 d # TODO known\n",
    );
  });

  it('jsonl has one parseable line per result, each with the hash', () => {
    const lines = renderJsonl(rep).trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(JSON.parse(l).hash).toBe('abcdef012345');
  });

  it('every result line carries the hash', () => {
    expect(resultLine(r('a', 'PASS'))).toMatch(/^PASS +abcdef012345 +corpus +a +3 steps, 0 rules +1ms$/);
  });

  it('the summary says what the error/unknown/skip traces of a generated batch were, and where the details are', () => {
    const gen = r('generated x500 seed=1', 'PASS', {
      origin: 'generated',
      stats: { traces: 500, error: 12, unknown: 2 },
      inconclusive: {
        error: { count: 12, first: 'guest hang: umcg: killing 7: return to user failed\nmore' },
        unknown: { count: 2, first: 'quiescence timeout after 2000 ms' },
      },
    });
    const text = renderSummary(report([gen]), 'runs/x');
    expect(text).toContain('Generated traces that neither passed nor failed (generated x500 seed=1):');
    expect(text).toContain(
      '  error=12: guest hang: umcg: killing 7: return to user failed (first of them)\n',
    );
    expect(text).toContain('  unknown=2: quiescence timeout after 2000 ms');
    expect(text).toContain('  details: runs/x/report.json');
  });
});
