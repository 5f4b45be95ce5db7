import { describe, expect, it } from 'vitest';
import * as d from '../src/internal/dsl.js';
import { final, runSteps } from './harness.js';
import { AWAKE, pick, RUN } from './scenarios.js';

const idle = [...d.regServer('s0'), d.condWait('s0')];

describe('timeouts ([PZ-v2] 5/5 sys_umcg_wait() timeout)', () => {
  it('a past timeout is ETIMEDOUT at once, state reverted to RUNNING', () => {
    const o = final([...idle, d.wait('s0', 'past')]);
    expect(o.results.s0).toEqual({ call: 'umcg_wait', ret: 'ETIMEDOUT' });
    expect(o.tasks.s0).toMatchObject({ where: 'user', state: 'RUNNING' });
  });

  it('a future timeout sleeps until expire', () => {
    const obs = runSteps([...idle, d.wait('s0', 'future'), d.expire('s0')]);
    expect(obs.at(-2)!.tasks.s0!.where).toBe('asleep:umcg_wait');
    expect(obs.at(-1)!.results.s0).toEqual({ call: 'umcg_wait', ret: 'ETIMEDOUT' });
  });

  it('a past timeout with the state already RUNNING returns EAGAIN from the entry CAS', () => {
    const o = final([...d.regServer('s0'), d.wait('s0', 'past')]);
    expect(o.results.s0).toEqual({ call: 'umcg_wait', ret: 'EAGAIN' });
  });

  it('workers cannot use timeouts in v2 (ERANGE, state untouched)', () => {
    const o = final([...AWAKE, d.condWait('w0'), d.wait('w0', 'future')]);
    expect(o.results.w0).toEqual({ call: 'umcg_wait', ret: 'ERANGE' });
    expect(o.tasks.w0).toMatchObject({
      where: 'user',
      state: 'RUNNABLE|COND_WAIT',
      runnable_ts_moved: false,
    });
  });

  it("after ERANGE the worker marker is lost: a second wait is treated like a server's ([PZ-v2] 5/5 code)", () => {
    const o = final([...AWAKE, d.condWait('w0'), d.wait('w0', 'future'), d.wait('w0', 'past')]);
    expect(o.results.w0).toEqual({ call: 'umcg_wait', ret: 'ETIMEDOUT' });
    expect(o.tasks.s0!.list).toEqual([]);
  });

  it('after ERANGE a sleeping page fault is not reported until the next syscall ([PZ-v2] 5/5 sys_umcg_wait() worker-timeout check)', () => {
    const steps = [
      ...AWAKE,
      d.condWait('w0'),
      d.wait('w0', 'future'),
      d.store('w0', 'w0', 'state', d.num(1)),
    ];
    const o = final([...steps, d.fault('w0', true)]);
    expect(o.tasks.w0).toMatchObject({ where: 'asleep:fault', state: 'RUNNING', blocked_ts_moved: false });
    const later = final([...steps, d.sys('w0'), d.fault('w0', true)]);
    expect(later.tasks.w0).toMatchObject({ where: 'asleep:fault', state: 'BLOCKED' });
  });
});

describe('signals ([PZ-v2] 5/5 sys_umcg_wait() sleep, R12, SPEC.md#wait.signal)', () => {
  it('a signal during a server wait runs the handler and resumes the wait; the timeout is lost (v2)', () => {
    const obs = runSteps([...idle, d.wait('s0', 'future'), d.signal('s0'), d.expire('s0')]);
    expect(obs.at(-2)!.tasks.s0).toMatchObject({ where: 'asleep:rt_sigreturn', signals: 1 });
    expect(obs.at(-1)!.tasks.s0!.where).toBe('asleep:rt_sigreturn');
    expect(obs.at(-1)!.results).toEqual({});
  });

  it('the interrupted wait finally returns 0 when the task is made RUNNING', () => {
    const o = final([...AWAKE, ...d.yieldW('w0'), d.signal('w0'), ...pick('w0')]);
    expect(o.results.w0).toEqual({ call: 'umcg_wait', ret: '0' });
    expect(o.tasks.w0).toMatchObject({ where: 'user', signals: 1 });
  });

  it('a signal in the COND_WAIT window does not block the task (R12)', () => {
    const o = final([...RUN, d.condWait('w0'), d.signal('w0')]);
    expect(o.tasks.w0).toMatchObject({ where: 'user', state: 'RUNNABLE|COND_WAIT', signals: 1 });
  });

  it('a signal to a worker blocked in a syscall makes it return EINTR once it is picked again', () => {
    const o = final([...RUN, d.sys('w0', true), d.signal('w0'), ...pick('w0')]);
    expect(o.results.w0).toEqual({ call: 'syscall', ret: 'EINTR' });
    expect(o.tasks.w0!.signals).toBe(1);
  });

  it('a signal sent while the same signal is pending is not queued twice (SIGUSR1 semantics)', () => {
    const o = final([...RUN, d.fault('w0', true), d.signal('w0'), d.signal('w0'), d.complete('w0')]);
    expect(o.tasks.w0!.signals).toBe(1);
  });

  it('a signal to an unregistered task just runs the handler', () => {
    const o = final([d.signal('w1')]);
    expect(o.tasks.w1).toMatchObject({ where: 'user', signals: 1 });
  });

  it('follow-ups keep the timeout across a signal', () => {
    const o = final([...idle, d.wait('s0', 'future'), d.signal('s0'), d.expire('s0')], {
      profile: 'pz-v2-followups',
    });
    expect(o.results.s0).toEqual({ call: 'umcg_wait', ret: 'ETIMEDOUT' });
    expect(o.tasks.s0).toMatchObject({ where: 'user', state: 'RUNNING', signals: 1 });
  });
});
