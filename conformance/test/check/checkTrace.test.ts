import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check/checkTrace.js';
import { parseTrace } from '../../src/trace/parse.js';
import { fakeEngine, fakeObs } from './fakeEngine.js';

const check = createChecker(fakeEngine);
const trace = (body: string) => parseTrace(`# tasks: s0, w0\n${body}`, 't.trace');
const T = trace('s0: store s0.state = RUNNING\ns0: wait\nw0: wait\n');

describe('checkTrace', () => {
  it('passes along the canonical outcome and collects the rules', () => {
    const v = check(T, [
      fakeObs({ s0: 'RUNNING', w0: 'NONE' }),
      fakeObs({ s0: 'RUNNING', w0: 'NONE' }, { s0: '0' }),
      fakeObs({ s0: 'RUNNING', w0: 'RUNNING' }, { w0: '0' }),
    ]);
    expect(v).toEqual({ kind: 'pass', steps: 3, rules: ['wait.sleep'] });
  });

  it('falls back to the exact set when a non-canonical outcome is observed', () => {
    const v = check(T, [
      fakeObs({ s0: 'RUNNING', w0: 'NONE' }),
      fakeObs({ s0: 'RUNNABLE', w0: 'NONE' }, { s0: 'EAGAIN' }),
      fakeObs({ s0: 'RUNNABLE', w0: 'RUNNING' }, { w0: '0' }),
    ]);
    expect(v.kind).toBe('pass');
    if (v.kind === 'pass') expect([...v.rules].sort()).toEqual(['state.update.from-mismatch', 'wait.sleep']);
  });

  it('reports the first forbidden step with the allowed set, the closest outcome and an explanation', () => {
    const observed = fakeObs({ s0: 'RUNNING', w0: 'BLOCKED' }, { w0: '0' });
    const v = check(T, [
      fakeObs({ s0: 'RUNNING', w0: 'NONE' }),
      fakeObs({ s0: 'RUNNING', w0: 'NONE' }, { s0: '0' }),
      observed,
    ]);
    expect(v.kind).toBe('fail');
    if (v.kind !== 'fail') return;
    expect(v.failure.step).toBe(2);
    expect(v.failure.cause).toBe('forbidden');
    expect(v.failure.allowed).toHaveLength(2);
    expect(v.failure.closest).toEqual(fakeObs({ s0: 'RUNNING', w0: 'RUNNING' }, { w0: '0' }));
    expect(v.failure.previous).toEqual(fakeObs({ s0: 'RUNNING', w0: 'NONE' }, { s0: '0' }));
    expect([...v.failure.rules].sort()).toEqual(['state.update.from-mismatch', 'wait.sleep']);
    expect(v.failure.explanation).toContain('step 3 (line 4) `w0: wait`');
    expect(v.failure.explanation).toContain('w0.state: RUNNING | BLOCKED');
  });

  it('is exact: a later mismatch after a non-canonical step is judged against the whole set', () => {
    const t = trace('s0: wait\ns0: store w0.state = 1\n');
    const v = check(t, [
      fakeObs({ s0: 'RUNNABLE', w0: 'NONE' }, { s0: 'EAGAIN' }),
      fakeObs({ s0: 'RUNNING', w0: 'RUNNING' }),
    ]);
    expect(v.kind).toBe('fail');
    if (v.kind === 'fail') expect(v.failure.step).toBe(1);
  });

  it("checks the trace's own expected outcomes", () => {
    const t = trace('s0: wait  # EAGAIN\n');
    expect(check(t, [fakeObs({ s0: 'RUNNABLE', w0: 'NONE' }, { s0: 'EAGAIN' })]).kind).toBe('pass');
    const v = check(t, [fakeObs({ s0: 'RUNNING', w0: 'NONE' }, { s0: '0' })]);
    expect(v.kind).toBe('fail');
    if (v.kind === 'fail') {
      expect(v.failure.cause).toBe('expectation');
      expect(v.failure.explanation).toContain('expected s0 result EAGAIN, observed 0');
    }
  });

  it('accepts a run that stops at a kill, and flags one that stops early otherwise', () => {
    const t = trace('s0: exit\ns0: wait\nw0: wait\n');
    expect(check(t, [fakeObs({}, {}, true)])).toMatchObject({ kind: 'pass', steps: 1 });
    expect(check(t, [fakeObs({}, {}, true), fakeObs({}, {}, true)])).toMatchObject({
      kind: 'pass',
      steps: 2,
    });
    expect(check(T, [fakeObs({ s0: 'RUNNING', w0: 'NONE' })])).toMatchObject({ kind: 'unknown' });
    expect(check(T, [])).toMatchObject({ kind: 'unknown', reason: 'the target reported 0 of 3 steps' });
  });

  it('uses only stepFirst-equivalent work on the fast path', () => {
    fakeEngine.stepCalls = 0;
    check(T, [
      fakeObs({ s0: 'RUNNING', w0: 'NONE' }),
      fakeObs({ s0: 'RUNNING', w0: 'NONE' }, { s0: '0' }),
      fakeObs({ s0: 'RUNNING', w0: 'RUNNING' }, { w0: '0' }),
    ]);
    expect(fakeEngine.stepCalls).toBe(3);
  });
});
