import { classifyConsole } from '@umcg/kernel';
import { describe, expect, it } from 'vitest';
import { crashDetail, findingsHeadline, worstFinding } from '../src/guest/crashReport.js';

const LOG = [
  '[    1.0] Run /init as init process',
  'UMCG-GUEST-READY io=/dev/vport0p1',
  '[    3.1] ------------[ cut here ]------------',
  '[    3.1] WARNING: CPU: 1 PID: 77 at kernel/sched/umcg.c:420 umcg_wake+0x1/0x2',
  '[    3.2] BUG: kernel NULL pointer dereference, address: 0000000000000008',
  '[    3.3] Kernel panic - not syncing: Fatal exception',
].join('\n');

describe('console classification (reused from @umcg/kernel)', () => {
  it('picks the most severe finding', () => {
    const f = classifyConsole(LOG);
    expect(f.map((x) => x.kind)).toEqual(['warn', 'warn', 'oops', 'panic']);
    expect(worstFinding(f)?.kind).toBe('panic');
    expect(findingsHeadline(f)).toBe(
      'kernel panic: [    3.3] Kernel panic - not syncing: Fatal exception (+3 more console findings)',
    );
  });

  it('has nothing to say about a clean boot', () => {
    const f = classifyConsole('[ 0.1] Linux version 6.1.192\nUMCG-GUEST-READY io=/dev/ttyS1');
    expect(f).toEqual([]);
    expect(worstFinding(f)).toBeUndefined();
    expect(findingsHeadline(f)).toBe('no console findings');
  });
});

describe('crashDetail', () => {
  it('attaches the console after the headline', () => {
    const d = crashDetail('hang: no answer', ['a', 'b']);
    expect(d.split('\n')).toEqual([
      'hang: no answer',
      '--- guest console ---',
      'a',
      'b',
      '--- end of console ---',
    ]);
  });

  it('keeps the last lines of a long console and says so', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i}`);
    const d = crashDetail('kernel oops: x', lines, 10).split('\n');
    expect(d[1]).toBe('--- guest console (last 10 of 300 lines) ---');
    expect(d[2]).toBe('line 290');
    expect(d.at(-2)).toBe('line 299');
  });
});
