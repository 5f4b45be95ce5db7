import { addrOf, garbage, num, tidOf } from '@umcg/spec';
import { describe, expect, it } from 'vitest';
import { replyToLitmusRun, replyToTraceRun } from '../src/internal/wire/codec.js';
import { decodeSteps, type RawResponse, type RawWords } from '../src/internal/wire/decode.js';
import {
  encodeAction,
  encodeLitmusRequest,
  encodeTraceRequest,
  encodeValue,
} from '../src/internal/wire/encode.js';

describe('request encoding (PROTOCOL.md)', () => {
  it('encodes symbolic values', () => {
    expect(encodeValue(num(0x201))).toBe('num:201');
    expect(encodeValue(tidOf('w1', 0x80000000))).toBe('tid:w1:80000000');
    expect(encodeValue(tidOf('s0'))).toBe('tid:s0:0');
    expect(encodeValue(addrOf('w0'))).toBe('addr:w0');
    expect(encodeValue(garbage)).toBe('garbage');
  });

  it('encodes every kind of step', () => {
    expect(encodeAction({ op: 'ctl', task: 'w0', flags: 0x2, self: { kind: 'own' }, clock: 1 })).toBe(
      'ctl w0 flags=0x2 self=own clock=1',
    );
    expect(
      encodeAction({ op: 'ctl', task: 'w0', flags: 0, self: { kind: 'of', task: 's0' }, clock: 1 }),
    ).toBe('ctl w0 flags=0x0 self=of:s0 clock=1');
    expect(
      encodeAction({ op: 'store', task: 's0', target: 'w0', field: 'server_tid', value: tidOf('s0') }),
    ).toBe('store s0 target=w0 field=server_tid value=tid:s0:0');
    expect(
      encodeAction({
        op: 'cas',
        task: 's0',
        target: 'w0',
        field: 'state',
        expect: num(1),
        value: num(0x101),
      }),
    ).toBe('cas s0 target=w0 field=state expect=num:1 value=num:101');
    expect(encodeAction({ op: 'take', task: 's0', target: 's0' })).toBe('take s0 target=s0');
    expect(encodeAction({ op: 'wait', task: 's0', flags: 0, timeout: 'future' })).toBe(
      'wait s0 flags=0x0 timeout=future',
    );
    expect(encodeAction({ op: 'kick', task: 's0', flags: 0, tid: garbage })).toBe(
      'kick s0 flags=0x0 tid=garbage',
    );
    expect(encodeAction({ op: 'syscall', task: 'w0', blocking: true })).toBe('syscall w0 blocking=1');
    expect(encodeAction({ op: 'fault', task: 'w0', blocking: false })).toBe('fault w0 blocking=0');
    expect(encodeAction({ op: 'complete', task: 'w0' })).toBe('complete w0');
    expect(encodeAction({ op: 'exit', task: 'w0' })).toBe('exit w0');
  });

  it('frames a trace and a litmus program', () => {
    const tasks = [{ name: 's0' }, { name: 'w0', memory: 'shmem' as const }];
    expect(encodeTraceRequest('t7', tasks, [{ op: 'signal', task: 'w0' }])).toEqual([
      'trace t7 2 s0 w0:shmem',
      'step signal w0',
      'end',
    ]);
    expect(
      encodeLitmusRequest('l1', {
        tasks,
        prologue: [{ op: 'ctl', task: 's0', flags: 0, self: { kind: 'own' }, clock: 1 }],
        threads: {
          s0: [{ op: 'wait', task: 's0', flags: 0, timeout: 'none' }],
          w0: [{ op: 'exit', task: 'w0' }],
        },
      }),
    ).toEqual([
      'litmus l1 2 s0 w0:shmem',
      'pro ctl s0 flags=0x0 self=own clock=1',
      'thr s0 wait flags=0x0 timeout=none',
      'thr w0 exit',
      'end',
    ]);
  });
});

const words = (o: Partial<RawWords> = {}): RawWords => ({
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
  ...o,
});

const RESPONSE: RawResponse = {
  id: 't1',
  status: 'completed',
  tids: { s0: 100, w0: 101, w1: 102 },
  addrs: { s0: '0x7f0000001000', w0: '0x7f0000002000', w1: '0x7f0000003000' },
  steps: [
    {
      killed: false,
      tasks: {
        s0: {
          where: 'asleep:umcg_wait',
          signals: 0,
          words: words({
            state: 0x1,
            server_tid: 100,
            next_tid: 101 | 0x80000000,
            runnable_workers_ptr: String(0x7f0000003000),
          }),
        },
        w0: { where: 'user', signals: 1, words: words({ state: 0x3, server_tid: 100, blocked_ts: '123' }) },
        w1: {
          where: 'user',
          signals: 0,
          words: words({
            state: 0x202,
            server_tid: 100,
            runnable_workers_ptr: String(0x7f0000002000),
            hole: 7,
          }),
        },
      },
      results: { w0: { call: 'umcg_ctl', ret: '0' } },
    },
    {
      killed: false,
      tasks: {
        s0: {
          where: 'user',
          signals: 0,
          words: words({ state: 0x1, server_tid: 100, next_tid: 0x3fff0001 }),
        },
        w0: {
          where: 'exited',
          signals: 1,
          words: words({ state: 0x3, server_tid: 100, blocked_ts: '123', runnable_ts: '9' }),
        },
        w1: { where: 'user', signals: 0, words: words({ state: 0x2, server_tid: 100 }) },
      },
      results: { s0: { call: 'take', ret: '[w1,w0]' } },
    },
    { killed: true, results: {} },
  ],
};

describe('response decoding', () => {
  it('renders words with the spec helpers and walks the runnable list', () => {
    const [o1, o2, o3] = decodeSteps(RESPONSE);
    expect(o1?.tasks.s0).toEqual({
      where: 'asleep:umcg_wait',
      state: 'RUNNING',
      next_tid: 'w0|TID_RUNNING',
      server_tid: 's0',
      rwp: 'w1',
      list: ['w1', 'w0'],
      reserved: '0 0,0,0',
      blocked_ts_moved: false,
      runnable_ts_moved: false,
      signals: 0,
    });
    expect(o1?.tasks.w1?.state).toBe('RUNNABLE|COND_WAIT');
    expect(o1?.tasks.w1?.reserved).toBe('7 0,0,0');
    expect(o1?.tasks.w0?.blocked_ts_moved).toBe(true);
    expect(o1?.results).toEqual({ w0: { call: 'umcg_ctl', ret: '0' } });
    expect(o2?.tasks.s0?.next_tid).toBe('garbage');
    expect(o2?.tasks.w0).toMatchObject({ where: 'exited', blocked_ts_moved: false, runnable_ts_moved: true });
    expect(o3).toEqual({ killed: true, tasks: {}, results: {} });
  });

  it('turns replies into runs: findings make a completed run crashed, keeping its observations', () => {
    const ok = replyToTraceRun({ kind: 'response', value: RESPONSE, findings: [] });
    expect(ok.status).toBe('completed');
    expect(ok.observations).toHaveLength(3);
    const warned = replyToTraceRun({
      kind: 'response',
      value: RESPONSE,
      findings: [{ kind: 'warn', line: 3, text: 'WARNING: CPU: 0 PID: 1 at x' }],
      detail: 'kernel warn: WARNING ...',
    });
    expect(warned).toMatchObject({ status: 'crashed', detail: 'kernel warn: WARNING ...' });
    expect(warned.observations).toHaveLength(3);
    expect(replyToTraceRun({ kind: 'crashed', cause: 'hang', detail: 'hang: ...' })).toEqual({
      observations: [],
      status: 'crashed',
      detail: 'hang: ...',
    });
    expect(
      replyToTraceRun({
        kind: 'response',
        value: { id: 'x', status: 'unsupported', detail: 'ENOSYS' },
        findings: [],
      }),
    ).toEqual({
      observations: [],
      status: 'unsupported',
      detail: 'ENOSYS',
    });
  });

  it('gives a litmus run its final observation', () => {
    const r = replyToLitmusRun({
      kind: 'response',
      value: { ...RESPONSE, steps: [RESPONSE.steps![0]!] },
      findings: [],
    });
    expect(r.status).toBe('completed');
    expect(r.observation.tasks.s0?.rwp).toBe('w1');
  });
});
