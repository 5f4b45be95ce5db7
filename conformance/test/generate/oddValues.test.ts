import { fc, test } from '@fast-check/vitest';
import type { Action, Value } from '@umcg/spec';
import { renderState, UMCG_TID_RUNNING, UMCG_USER_MASK } from '@umcg/spec';
import { describe, expect, it } from 'vitest';
import { defaultEngine } from '../../src/generate/engine.js';
import { oddVariants, STATE_BITS, stateWord, TID_HIGH_BIT } from '../../src/generate/internal/oddValues.js';
import { generatedTraceArbitrary } from '../../src/generate/traceArbitrary.js';

const tidBits = (v: Value): number => (v.kind === 'tid' ? v.bits : 0);

/** Whether an action carries an odd value of the domains (tid bits, state bits, bad pointers, odd arguments). */
function odd(a: Action): string | undefined {
  if (a.op === 'kick' && (tidBits(a.tid) !== 0 || a.tid.kind === 'num')) return 'kick-tid';
  if (a.op === 'store' && (a.field === 'next_tid' || a.field === 'server_tid') && tidBits(a.value) !== 0)
    return 'tid-bits';
  if (
    a.op === 'store' &&
    a.field === 'state' &&
    a.value.kind === 'num' &&
    (a.value.value & UMCG_USER_MASK) !== 0
  )
    return 'state-user-bits';
  if (a.op === 'store' && a.field === 'runnable_workers_ptr' && a.value.kind === 'num' && a.value.value !== 0)
    return 'bad-pointer';
  if (a.op === 'ctl' && a.self.kind === 'null') return 'ctl-null';
  return undefined;
}

describe('odd values', () => {
  test.prop([fc.integer({ min: 0, max: 0xffff }), fc.subarray(STATE_BITS as number[])])(
    'stateWord inverts renderState',
    (base, bits) => {
      const w = (bits.reduce((x, b) => x | b, base & 0x3) | (base & 0x3) | (base << 16)) >>> 0;
      expect(stateWord(renderState(w))).toBe(w);
    },
  );

  it('offers masked and unmasked tids with UMCG_TID_RUNNING and other high bits for tid fields and kick', () => {
    const kick: Action = { op: 'kick', task: 's0', flags: 0, tid: { kind: 'tid', task: 'w0', bits: 0 } };
    const bits = oddVariants(kick, undefined, ['s0', 'w0']).map((a) =>
      a.op === 'kick' ? tidBits(a.tid) : -1,
    );
    expect(bits).toEqual(
      expect.arrayContaining([UMCG_TID_RUNNING, TID_HIGH_BIT, (UMCG_TID_RUNNING | TID_HIGH_BIT) >>> 0]),
    );
  });

  it('ORs user and TF bits into the current state word before a kernel entry', () => {
    const me = { state: 'RUNNING' } as Parameters<typeof oddVariants>[1];
    const vs = oddVariants({ op: 'syscall', task: 'w0', blocking: true }, me, ['w0']);
    const states = vs.flatMap((a) =>
      a.op === 'store' && a.field === 'state' && a.value.kind === 'num' ? [a.value.value] : [],
    );
    expect(states).toContain((0x1 | 0x10000) >>> 0);
    expect(states).toContain((0x1 | 0x80000000) >>> 0);
    expect(states).toContain(0x1 | 0x400);
  });

  it('generated traces carry odd values in a minority of steps, while the protocol dominates', () => {
    const arb = generatedTraceArbitrary({ engine: defaultEngine() });
    const traces = fc.sample(arb, { seed: 5, numRuns: 300 });
    const steps = traces.flatMap((g) => g.trace.steps.map((s) => s.action));
    const kinds = new Set(steps.map(odd).filter((k) => k !== undefined));
    const share = steps.filter((a) => odd(a) !== undefined).length / steps.length;
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(['bad-pointer', 'kick-tid', 'state-user-bits', 'tid-bits']),
    );
    expect(share).toBeGreaterThan(0.002);
    expect(share).toBeLessThan(0.08);
  });
});
