import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { exitCodeOf } from '../../src/run/exitCode.js';
import { applyExpectation } from '../../src/run/expectations.js';
import { inShard, ruleMatcher } from '../../src/run/select.js';

describe('selection', () => {
  test.prop([fc.array(fc.nat(), { maxLength: 50 }), fc.integer({ min: 1, max: 7 })])(
    'shards partition the items',
    (items, n) => {
      const all = Array.from({ length: n }, (_, i) => inShard(items, { index: i + 1, count: n })).flat();
      expect(all.sort()).toEqual([...items].sort());
    },
  );

  test.prop([fc.constantFrom('wait.sleep', 'wait.next.wake', 'kick.ipi', 'ctl.register.state')])(
    'globs match rule ids',
    (id) => {
      expect(ruleMatcher('wait.*')([id])).toBe(id.startsWith('wait.'));
      expect(ruleMatcher('kick.*,ctl.*')([id])).toBe(!id.startsWith('wait.'));
      expect(ruleMatcher(undefined)([])).toBe(true);
      expect(ruleMatcher('wait.sleep')(['wait.sleepy'])).toBe(false);
    },
  );
});

describe('expectations and exit codes', () => {
  const res = (status: 'PASS' | 'FAIL' | 'SKIP' | 'TIMEOUT' | 'ERROR' | 'XFAIL', reason?: string) =>
    ({ status, ...(reason ? { reason } : {}) }) as never;
  test.prop([fc.constantFrom('PASS', 'FAIL', 'SKIP', 'TIMEOUT', 'UNKNOWN', 'ERROR' as const)])(
    'a fail expectation makes every non-pass XFAIL and a pass XPASS',
    (raw) => {
      const s = applyExpectation(raw, { status: 'fail', reason: 'r' }).status;
      expect(s).toBe(raw === 'PASS' ? 'XPASS' : raw === 'SKIP' ? 'SKIP' : 'XFAIL');
    },
  );
  test.prop([fc.constant(0)])('exit codes follow ARCHITECTURE.md', () => {
    expect(exitCodeOf([res('PASS'), res('XFAIL')], [])).toBe(0);
    expect(exitCodeOf([res('PASS'), res('FAIL')], [])).toBe(1);
    expect(exitCodeOf([res('PASS')], ['stale'])).toBe(1);
    expect(exitCodeOf([res('PASS'), res('TIMEOUT')], [])).toBe(124);
    expect(exitCodeOf([res('SKIP')], [])).toBe(4);
    expect(exitCodeOf([res('PASS'), res('SKIP')], [])).toBe(0);
    expect(exitCodeOf([res('FAIL'), res('ERROR', 'infrastructure: boom')], [])).toBe(255);
  });
});

describe('saving expectations', async () => {
  const { saveExpectations } = await import('../../src/run/expectations.js');
  const { mkdtemp, readFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const r = (name: string, status: string) =>
    ({ origin: 'corpus', name, status, reason: `${name} broke` }) as never;
  test.prop([fc.boolean()])(
    'a partial run keeps the entries of traces it did not run; a full run drops them',
    async (full) => {
      const file = join(await mkdtemp(join(tmpdir(), 'umcg-exp-')), 'x.json');
      const old = {
        a: { status: 'fail' as const, reason: 'old a' },
        b: { status: 'fail' as const, reason: 'old b' },
        c: { status: 'skip' as const, reason: 'hang' },
        e: { status: 'fail' as const, reason: 'not run' },
      };
      const out = await saveExpectations(file, old, [r('a', 'PASS'), r('d', 'FAIL'), r('b', 'XFAIL')], full);
      expect(Object.keys(out)).toEqual(full ? ['b', 'c', 'd'] : ['b', 'c', 'd', 'e']);
      expect(out.b?.reason).toBe('old b');
      expect(out.d).toMatchObject({ status: 'fail', reason: 'd broke' });
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(out);
    },
  );
});
