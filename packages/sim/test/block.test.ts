import {
  CLOCK_REALTIME,
  num,
  tidOf,
  UMCG_CTL_REGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
} from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import * as d from '../src/internal/dsl.js';
import { final, runSteps } from './harness.js';
import { AWAKE, pick, RUN } from './scenarios.js';

describe('block and unblock (R1-R5)', () => {
  it('a worker blocking in a syscall goes BLOCKED and wakes its server', () => {
    const o = final([...RUN, d.sys('w0', true)]);
    expect(o.tasks.w0).toMatchObject({ where: 'asleep:syscall', state: 'BLOCKED', blocked_ts_moved: true });
    expect(o.tasks.s0).toMatchObject({ where: 'user', state: 'RUNNING' });
    expect(o.results.s0).toEqual({ call: 'umcg_wait', ret: '0' });
    expect(o.tasks.s0!.list).toEqual([]);
  });

  it('on completion the worker enqueues itself and waits; its syscall returns once it is picked', () => {
    const obs = runSteps([...RUN, d.sys('w0', true), d.complete('w0'), ...pick('w0')]);
    const done = obs[RUN.length + 1]!;
    expect(done.results).toEqual({});
    expect(done.tasks.w0).toMatchObject({
      where: 'asleep:syscall',
      state: 'RUNNABLE',
      runnable_ts_moved: true,
    });
    expect(done.tasks.s0!.list).toEqual(['w0']);
    const last = obs[obs.length - 1]!;
    expect(last.results.w0).toEqual({ call: 'syscall', ret: '0' });
    expect(last.tasks.w0).toMatchObject({ where: 'user', state: 'RUNNING' });
  });

  it('the pin looks the server up with UMCG_TID_MASK in v2 (a high bit in server_tid is ignored), not in v1', () => {
    const odd = d.store('w0', 'w0', 'server_tid', tidOf('s0', 0x40000000));
    const v2 = final([...RUN, odd, d.sys('w0', true)]);
    expect(v2.killed).toBe(false);
    expect(v2.tasks.w0).toMatchObject({ where: 'asleep:syscall', state: 'BLOCKED' });
    expect(final([...RUN, odd, d.sys('w0', true)], { profile: 'pz-v1' }).killed).toBe(true);
  });

  it('timestamps are readings of the registration clock: moved on every valid clock, not on a wrong one', () => {
    const reg = (clock: number) => [
      ...d.regServer('s0'),
      d.store('w0', 'w0', 'server_tid', tidOf('s0')),
      d.store('w0', 'w0', 'state', num(UMCG_TASK_BLOCKED)),
      d.ctl('w0', UMCG_CTL_REGISTER | UMCG_CTL_WORKER, 'own', clock),
    ];
    for (const clock of [0, 1, 7, 11]) expect(final(reg(clock)).tasks.w0!.runnable_ts_moved).toBe(true);
    const wrong = final(reg(CLOCK_REALTIME), { mutant: 'timestamp-wrong-clock' });
    expect(wrong.tasks.w0!.runnable_ts_moved).toBe(false);
  });

  it('a non-blocking syscall changes nothing', () => {
    const before = runSteps(RUN).at(-1)!;
    const o = final([...RUN, d.sys('w0')]);
    expect(o.results.w0).toEqual({ call: 'syscall', ret: '0' });
    expect({ ...o.tasks.w0, runnable_ts_moved: true }).toEqual({
      ...before.tasks.w0,
      runnable_ts_moved: true,
    });
  });

  it('a blocking page fault is hooked like a syscall in v2', () => {
    const o = final([...RUN, d.fault('w0', true)]);
    expect(o.tasks.w0).toMatchObject({ where: 'asleep:fault', state: 'BLOCKED' });
    expect(o.tasks.s0!.where).toBe('user');
  });

  it('blocking in the COND_WAIT window goes RUNNABLE→BLOCKED (R2 b) and the later wait sees EAGAIN (SPEC.md#hook.block.runnable)', () => {
    const obs = runSteps([
      ...AWAKE,
      d.condWait('w0'),
      d.sys('w0', true),
      d.complete('w0'),
      ...pick('w0'),
      d.wait('w0'),
    ]);
    expect(obs[AWAKE.length + 1]!.tasks.w0!.state).toBe('BLOCKED');
    const last = obs.at(-1)!;
    expect(last.results.w0).toEqual({ call: 'umcg_wait', ret: 'EAGAIN' });
    expect(last.tasks.w0!.state).toBe('RUNNING');
  });

  it('a blocked worker is not on any list until it unblocks (no BLOCKED list in v2)', () => {
    const o = final([...AWAKE, d.sys('w0', true)]);
    expect(o.tasks.s0!.list).toEqual([]);
    expect(o.tasks.w0!.state).toBe('BLOCKED');
  });

  it('RUNNABLE stored without COND_WAIT makes the next return to user wait', () => {
    const o = final([...AWAKE, d.store('w0', 'w0', 'state', num(UMCG_TASK_RUNNABLE)), d.sys('w0')]);
    expect(o.tasks.w0!.where).toBe('asleep:syscall');
    expect(o.results).toEqual({});
  });
});
