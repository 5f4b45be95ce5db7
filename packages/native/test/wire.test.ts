import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import type { Action, Value } from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import type { RawResponse, RawWords } from '../src/wire/index.js';
import {
  decodeSteps,
  encodeLitmus,
  encodeTrace,
  encodeValue,
  parseResponseLine,
  renderResult,
  toLitmusRun,
  toTraceRun,
} from '../src/wire/index.js';
import { CORPUS, corpusTrace, parseLitmus } from './helpers.js';

const words = (w: Partial<RawWords> = {}): RawWords => ({
  state: 0,
  next_tid: 0,
  server_tid: 0,
  hole: 0,
  blocked_ts: '0',
  runnable_ts: '0',
  runnable_workers_ptr: '0',
  zero0: '0',
  zero1: '0',
  zero2: '0',
  ...w,
});

/** Decodes a value line of the C parser's grammar back into a Value (the inverse of encodeValue). */
function decodeValue(s: string): Value {
  if (s === 'garbage') return { kind: 'garbage' };
  if (s.startsWith('addr:')) return { kind: 'addr', task: s.slice(5) };
  const tid = /^tid:([a-z][a-z0-9_]*):([0-9a-f]+)$/.exec(s);
  if (tid) return { kind: 'tid', task: tid[1]!, bits: Number.parseInt(tid[2]!, 16) };
  const num = /^num:([0-9a-f]+)$/.exec(s);
  if (num) return { kind: 'num', value: Number(BigInt.asIntN(64, BigInt(`0x${num[1]}`))) };
  throw new Error(`bad value ${s}`);
}

const valueArb: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }).map((value) => ({ kind: 'num', value }) as Value),
  fc.record({
    kind: fc.constant('tid' as const),
    task: fc.constantFrom('s0', 'w1'),
    bits: fc.constantFrom(0, 0x80000000, 0x40000000),
  }),
  fc.record({ kind: fc.constant('addr' as const), task: fc.constantFrom('s0', 'w1') }),
  fc.constant({ kind: 'garbage' } as Value),
);

describe('encode', () => {
  test.prop([valueArb])('values round-trip through the wire grammar', (v) => {
    expect(decodeValue(encodeValue(v))).toEqual(v);
  });

  it('encodes every op of a corpus trace as one step line', () => {
    const t = corpusTrace('block-unblock');
    const lines = encodeTrace(
      'block-unblock',
      t.header.tasks,
      t.steps.map((s) => s.action),
    );
    expect(lines[0]).toBe('trace block-unblock 2 s0 w0');
    expect(lines.at(-1)).toBe('end');
    expect(lines).toContain('step ctl w0 flags=0x10001 self=own clock=1');
    expect(lines).toContain('step store s0 target=s0 field=next_tid value=tid:w0:0');
    expect(lines).toContain('step syscall w0 blocking=1');
    expect(lines).toContain('step complete w0');
    expect(lines.length).toBe(t.steps.length + 2);
  });

  it('encodes shmem tasks and every action kind', () => {
    const acts: Action[] = [
      {
        op: 'cas',
        task: 'a',
        target: 'b',
        field: 'state',
        expect: { kind: 'num', value: 1 },
        value: { kind: 'num', value: 0x101 },
      },
      { op: 'take', task: 'a', target: 'a' },
      { op: 'ctl', task: 'a', flags: 2, self: { kind: 'of', task: 'b' }, clock: 11 },
      { op: 'wait', task: 'a', flags: 0, timeout: 'future' },
      { op: 'kick', task: 'a', flags: 0, tid: { kind: 'garbage' } },
      { op: 'fault', task: 'a', blocking: false },
      { op: 'exit', task: 'b' },
      { op: 'expire', task: 'a' },
      { op: 'unmap', task: 'b' },
    ];
    expect(encodeTrace('x y', [{ name: 'a' }, { name: 'b', memory: 'shmem' }], acts)).toEqual([
      'trace x_y 2 a b:shmem',
      'step cas a target=b field=state expect=num:1 value=num:101',
      'step take a target=a',
      'step ctl a flags=0x2 self=of:b clock=11',
      'step wait a flags=0x0 timeout=future',
      'step kick a flags=0x0 tid=garbage',
      'step fault a blocking=0',
      'step exit b',
      'step expire a',
      'step unmap b',
      'end',
    ]);
  });

  it('encodes a litmus program with pro and thr lines', () => {
    const l = parseLitmus(readFileSync(resolve(CORPUS, 'seed-race.litmus'), 'utf8'), 'seed-race.litmus');
    const lines = encodeLitmus('seed-race', l.program);
    expect(lines[0]).toBe('litmus seed-race 4 s0 s1 a b');
    expect(lines.filter((x) => x.startsWith('pro ')).length).toBe(l.program.prologue.length);
    expect(lines).toContain('thr a store target=a field=next_tid value=garbage');
    expect(lines).toContain('thr b take target=s0');
    expect(lines).toContain('thr a wait flags=0x0 timeout=none');
  });
});

describe('decode', () => {
  const response: RawResponse = {
    id: 't',
    status: 'completed',
    tids: { s0: 40, w0: 41 },
    addrs: { s0: '0x7f0000001000', w0: '0x7f0000002000' },
    steps: [
      {
        killed: false,
        tasks: {
          s0: {
            where: 'asleep:umcg_wait',
            signals: 0,
            words: words({
              state: 0x202,
              next_tid: 0x80000029,
              server_tid: 40,
              runnable_workers_ptr: String(0x7f0000002000),
            }),
          },
          w0: {
            where: 'user',
            signals: 2,
            words: words({ state: 0x10001, server_tid: 40, runnable_ts: '77' }),
            base: { blocked_ts: '0', runnable_ts: '5' },
          },
        },
        results: { w0: { call: 'umcg_ctl', ret: '-22' }, s0: { call: 'take', ret: '[w0]' } },
      },
      { killed: true, signal: 9 },
    ],
  };

  it('renders words with the spec helpers', () => {
    const [o, k] = decodeSteps(response);
    expect(o?.tasks.s0).toEqual({
      where: 'asleep:umcg_wait',
      state: 'RUNNABLE|COND_WAIT',
      next_tid: 'w0|TID_RUNNING',
      server_tid: 's0',
      rwp: 'w0',
      list: ['w0'],
      reserved: '0 0,0,0',
      blocked_ts_moved: false,
      runnable_ts_moved: false,
      signals: 0,
    });
    expect(o?.tasks.w0?.state).toBe('RUNNING|0x10000');
    expect(o?.tasks.w0?.runnable_ts_moved).toBe(true);
    expect(o?.results).toEqual({
      w0: { call: 'umcg_ctl', ret: 'EINVAL' },
      s0: { call: 'take', ret: '[w0]' },
    });
    expect(k).toEqual({ killed: true, tasks: {}, results: {} });
  });

  it('maps results and statuses', () => {
    expect(renderResult({ call: 'umcg_wait', ret: '-110' }).ret).toBe('ETIMEDOUT');
    expect(renderResult({ call: 'umcg_wait', ret: 'EAGAIN' }).ret).toBe('EAGAIN');
    expect(renderResult({ call: 'syscall', ret: '-999' }).ret).toBe('E999');
    expect(toTraceRun({ id: 'x', status: 'timeout', detail: 'd', steps: [] })).toEqual({
      observations: [],
      status: 'timeout',
      detail: 'd',
    });
    expect(toLitmusRun(response).status).toBe('crashed');
    expect(() => parseResponseLine('nonsense')).toThrow(/not a JSON/);
    expect(parseResponseLine(JSON.stringify(response)).id).toBe('t');
  });

  it("puts the executor's signal diagnostics into the run's detail, step by step", () => {
    const diag =
      '11 of 12 signals handled (0 lost); state S, SigPnd 0000000000000000, SigBlk 0, syscall -1 0x1 0x2';
    const task = { where: 'asleep:rt_sigreturn', signals: 11, words: words({ state: 2 }) };
    const r: RawResponse = {
      id: 'x',
      status: 'completed',
      tids: { w0: 10 },
      addrs: { w0: '4096' },
      steps: [
        { killed: false, tasks: { w0: task } },
        { killed: false, tasks: { w0: { ...task, diag } } },
      ],
    };
    const run = toTraceRun(r);
    expect(run.observations).toHaveLength(2);
    expect(run.detail).toBe(`step 2: w0 ${diag}`);
    expect(toTraceRun({ ...r, steps: r.steps!.slice(0, 1) }).detail).toBeUndefined();
  });
});
