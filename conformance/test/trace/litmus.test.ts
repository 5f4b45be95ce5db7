import type { StepObservation } from '@umcg/spec';
import { describe, expect, it } from 'vitest';
import { conditionHolds, parseLitmus, printLitmus } from '../../src/trace/litmus.js';

const TEXT = `# name: wake-vs-wait
# tasks: s0, w0
# rules: state.wake
prologue:
  s0: ctl REGISTER clock=MONOTONIC
  w0: store w0.server_tid = tid(s0)
thread s0:
  store s0.state = RUNNABLE|COND_WAIT
  wait
thread w0:
  w0: kick s0
exists: s0=EAGAIN, s0.state=RUNNING
`;

describe('litmus text form', () => {
  it('parses prologue, threads and condition', () => {
    const t = parseLitmus(TEXT, 'x.litmus');
    expect(t.header.name).toBe('wake-vs-wait');
    expect(t.program.prologue).toHaveLength(2);
    expect(t.program.threads.s0).toEqual([
      { op: 'store', task: 's0', target: 's0', field: 'state', value: { kind: 'num', value: 0x202 } },
      { op: 'wait', task: 's0', flags: 0, timeout: 'none' },
    ]);
    expect(t.program.threads.w0).toEqual([
      { op: 'kick', task: 'w0', flags: 0, tid: { kind: 'tid', task: 's0', bits: 0 } },
    ]);
    expect(t.condition).toEqual({ quantifier: 'exists', atoms: ['s0=EAGAIN', 's0.state=RUNNING'] });
  });

  it('round-trips through the printer', () => {
    const t = parseLitmus(TEXT, 'x.litmus');
    expect(parseLitmus(printLitmus(t), 'x.litmus')).toEqual(t);
  });

  it('reports errors in thread lines at the right column', () => {
    expect(() => parseLitmus(TEXT.replace('  wait\n', '  wiat\n'), 'x.litmus')).toThrow(
      /^x\.litmus:9:3: expected an operation/,
    );
    expect(() => parseLitmus(TEXT.replace('thread w0:', 'thread w7:'), 'x.litmus')).toThrow(
      /^x\.litmus:10:8: expected a declared task/,
    );
    expect(() => parseLitmus(TEXT.replace('  w0: kick s0', '  env: signal s0'), 'x.litmus')).toThrow(
      /x\.litmus:11:3: expected a user action/,
    );
  });

  it('evaluates conditions like herd', () => {
    const t = parseLitmus(TEXT, 'x.litmus');
    const mk = (ret: string, state: string): StepObservation => ({
      killed: false,
      tasks: {
        s0: {
          where: 'user',
          state,
          next_tid: '0',
          server_tid: 's0',
          rwp: '0',
          list: [],
          reserved: '0 0,0,0',
          blocked_ts_moved: false,
          runnable_ts_moved: false,
          signals: 0,
        },
      },
      results: { s0: { call: 'umcg_wait', ret } },
    });
    const cond = t.condition!;
    expect(conditionHolds(cond, [mk('0', 'RUNNING'), mk('EAGAIN', 'RUNNING')])).toBe(true);
    expect(conditionHolds(cond, [mk('0', 'RUNNING')])).toBe(false);
    expect(conditionHolds({ ...cond, quantifier: '~exists' }, [mk('0', 'RUNNING')])).toBe(true);
    expect(
      conditionHolds({ ...cond, quantifier: 'forall' }, [mk('0', 'RUNNING'), mk('EAGAIN', 'RUNNING')]),
    ).toBe(false);
  });
});
