import { tidOf } from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import { umcgLines } from '../src/guest/guest.js';
import type { RawResponse } from '../src/internal/native.js';
import {
  litmusRequest,
  replyToLitmusRun,
  replyToTraceRun,
  traceRequest,
} from '../src/internal/wire/codec.js';

type RawWords = NonNullable<NonNullable<RawResponse['steps']>[number]['tasks']>[string]['words'];
const decodeSteps = (r: RawResponse) =>
  replyToTraceRun({ kind: 'response', value: r as never, findings: [] }).observations;

describe("requests (through @umcg/native's encoder)", () => {
  it('frames a trace', () => {
    const trace = {
      header: {
        version: 1 as const,
        name: 'x',
        profile: 'ref-6.1' as const,
        tasks: [{ name: 's0' }, { name: 'w0', memory: 'shmem' as const }],
        requires: [],
        rules: [],
        sources: [],
        description: '',
      },
      steps: [
        { action: { op: 'ctl' as const, task: 'w0', flags: 0x2, self: { kind: 'own' as const }, clock: 1 } },
        { action: { op: 'signal' as const, task: 'w0' } },
      ],
    };
    expect(traceRequest('t7', trace)).toEqual([
      'trace t7 2 s0 w0:shmem',
      'step ctl w0 flags=0x2 self=own clock=1',
      'step signal w0',
      'end',
    ]);
  });

  it('frames a litmus program', () => {
    const lines = litmusRequest('l1', {
      tasks: [{ name: 's0' }, { name: 'w0' }],
      prologue: [{ op: 'ctl', task: 's0', flags: 0, self: { kind: 'own' }, clock: 1 }],
      threads: {
        s0: [{ op: 'kick', task: 's0', flags: 0, tid: tidOf('w0') }],
        w0: [{ op: 'exit', task: 'w0' }],
      },
    });
    expect(lines[0]).toBe('litmus l1 2 s0 w0');
    expect(lines.at(-1)).toBe('end');
    expect(lines.filter((l) => l.startsWith('thr '))).toHaveLength(2);
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

const RESPONSE = {
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
      results: { w0: { call: 'umcg_ctl', ret: '-22' } },
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
} satisfies RawResponse;

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
    expect(o1?.results).toEqual({ w0: { call: 'umcg_ctl', ret: 'EINVAL' } });
    expect(o2?.tasks.s0?.next_tid).toBe('garbage');
    expect(o2?.tasks.w0).toMatchObject({ where: 'exited', blocked_ts_moved: false, runnable_ts_moved: true });
    expect(o3).toEqual({ killed: true, tasks: {}, results: {} });
  });

  it('turns replies into runs: findings make a completed run crashed, keeping its observations', () => {
    const ok = replyToTraceRun({ kind: 'response', value: RESPONSE as never, findings: [] });
    expect(ok.status).toBe('completed');
    expect(ok.observations).toHaveLength(3);
    const warned = replyToTraceRun({
      kind: 'response',
      value: RESPONSE as never,
      findings: [{ kind: 'warn', line: 3, text: 'WARNING: CPU: 0 PID: 1 at x' }],
      detail: 'kernel warn: WARNING ...',
    });
    expect(warned).toMatchObject({
      status: 'crashed',
      detail: 'kernel warn: WARNING ...',
      culprit: 'implementation',
    });
    expect(warned.observations).toHaveLength(3);
    expect(
      replyToTraceRun({ kind: 'response', value: { id: 'x', status: 'weird' }, findings: [] }).status,
    ).toBe('crashed');
    expect(replyToTraceRun({ kind: 'crashed', cause: 'hang', detail: 'hang: ...' })).toEqual({
      observations: [],
      status: 'crashed',
      detail: 'hang: ...',
    });
    // Whose fault, by evidence: kernel messages before a hang blame the kernel, a dead guest the infrastructure.
    const hung = 'hang: no answer\n  [ 4.5] umcg: killing 56: return to user failed';
    expect(replyToTraceRun({ kind: 'crashed', cause: 'hang', detail: hung }).culprit).toBe('implementation');
    expect(replyToTraceRun({ kind: 'crashed', cause: 'panic', detail: 'Kernel panic' }).culprit).toBe(
      'implementation',
    );
    expect(replyToTraceRun({ kind: 'crashed', cause: 'dead', detail: 'gone' }).culprit).toBe(
      'infrastructure',
    );
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

  it("adds the kernel's umcg: lines printed during the trace to the run's detail", () => {
    const r = replyToTraceRun({
      kind: 'response',
      value: { ...RESPONSE, detail: 'killed by signal 9 at step 3' } as never,
      findings: [],
      kernelLog: umcgLines([
        '[    4.511793] umcg: killing 56: pin at syscall entry failed (-3)',
        '[    4.600000] virtio_net: unrelated',
      ]),
    });
    expect(r.status).toBe('completed');
    expect(r.detail).toBe(
      'killed by signal 9 at step 3; kernel: umcg: killing 56: pin at syscall entry failed (-3)',
    );
  });

  it('gives a litmus run its final observation', () => {
    const r = replyToLitmusRun({
      kind: 'response',
      value: { ...RESPONSE, steps: [RESPONSE.steps[0]] } as never,
      findings: [],
    });
    expect(r.status).toBe('completed');
    expect(r.observation.tasks.s0?.rwp).toBe('w1');
  });
});
