import { UMCG_CTL_REGISTER, UMCG_CTL_WORKER } from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import * as d from '../src/internal/dsl.js';
import { final, runSteps } from './harness.js';
import { RUN } from './scenarios.js';

describe('server loop (R0a, R0b, R7, R8)', () => {
  it('server registration returns 0 and writes nothing', () => {
    const o = final(d.regServer('s0'));
    expect(o.results.s0).toEqual({ call: 'umcg_ctl', ret: '0' });
    expect(o.tasks.s0).toMatchObject({
      where: 'user',
      state: 'RUNNING',
      server_tid: 's0',
      next_tid: '0',
      rwp: '0',
    });
  });

  it('worker registration blocks until a server picks it', () => {
    const o = final([...d.regServer('s0'), ...d.regWorker('w0', 's0')]);
    expect(o.results).toEqual({});
    expect(o.tasks.w0).toMatchObject({
      where: 'asleep:umcg_ctl',
      state: 'RUNNABLE',
      runnable_ts_moved: true,
    });
    expect(o.tasks.s0).toMatchObject({ state: 'RUNNING', list: ['w0'], rwp: 'w0' });
  });

  it('the server takes the list and switches: worker returns from registration, server sleeps', () => {
    const obs = runSteps(RUN);
    const take = obs[7]!;
    expect(take.results.s0).toEqual({ call: 'take', ret: '[w0]' });
    const o = obs[obs.length - 1]!;
    expect(o.results).toEqual({ w0: { call: 'umcg_ctl', ret: '0' } });
    expect(o.tasks.w0).toMatchObject({ where: 'user', state: 'RUNNING' });
    expect(o.tasks.s0).toMatchObject({
      where: 'asleep:umcg_wait',
      state: 'RUNNABLE',
      next_tid: 'w0|TID_RUNNING',
      runnable_ts_moved: true,
    });
  });

  it('a server whose state became RUNNING before its wait gets EAGAIN (lost-wakeup protocol, SPEC.md#wait.self-not-runnable)', () => {
    const o = final([...d.regServer('s0'), d.condWait('s0'), ...d.regWorker('w0', 's0'), d.wait('s0')]);
    expect(o.results.s0).toEqual({ call: 'umcg_wait', ret: 'EAGAIN' });
    expect(o.tasks.s0).toMatchObject({ where: 'user', state: 'RUNNING', list: ['w0'] });
  });

  it('re-waiting with next_tid = W|TID_RUNNING only checks W is RUNNING (R8)', () => {
    const o = final([...RUN, d.expire('s0'), d.condWait('s0'), d.wait('s0')]);
    expect(o.tasks.s0).toMatchObject({ where: 'asleep:umcg_wait', next_tid: 'w0|TID_RUNNING' });
  });

  it('a worker registering in a state other than BLOCKED gets EINVAL', () => {
    const o = final([
      ...d.regServer('s0'),
      d.store('w0', 'w0', 'server_tid', d.tidOf('s0')),
      d.ctl('w0', UMCG_CTL_REGISTER | UMCG_CTL_WORKER),
    ]);
    expect(o.results.w0).toEqual({ call: 'umcg_ctl', ret: 'EINVAL' });
  });
});
