import { num, tidOf, UMCG_TASK_RUNNING, UMCG_TF_PREEMPT } from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import * as d from '../src/internal/dsl.js';
import { final, runSteps } from './harness.js';
import { AWAKE, pick } from './scenarios.js';

describe('preemption (R9-R11)', () => {
  it('PREEMPT + kick: the worker goes RUNNABLE, is enqueued, and waits in the hook', () => {
    const obs = runSteps([...AWAKE, ...d.preempt('s0', 'w0')]);
    expect(obs.at(-2)!.results.s0).toEqual({ call: 'cas', ret: 'ok' });
    const o = obs.at(-1)!;
    expect(o.results.s0).toEqual({ call: 'umcg_kick', ret: '0' });
    expect(o.tasks.w0).toMatchObject({
      where: 'asleep:interrupt',
      state: 'RUNNABLE',
      runnable_ts_moved: true,
    });
    expect(o.tasks.s0!.list).toEqual(['w0']);
  });

  it('the preempted worker runs again when picked, with no call result', () => {
    const o = final([...AWAKE, ...d.preempt('s0', 'w0'), ...pick('w0')]);
    expect(o.tasks.w0).toMatchObject({ where: 'user', state: 'RUNNING' });
    expect(o.results.w0).toBeUndefined();
  });

  it('the PREEMPT CAS fails once the worker blocked (R10)', () => {
    const o = final([
      ...AWAKE,
      d.sys('w0', true),
      d.cas('s0', 'w0', 'state', num(UMCG_TASK_RUNNING), num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT)),
    ]);
    expect(o.results.s0).toEqual({ call: 'cas', ret: 'fail' });
  });

  it('a kick with a garbage tid is ESRCH, with flags and a good tid EINVAL', () => {
    expect(final([...AWAKE, d.kick('s0', d.garbage)]).results.s0!.ret).toBe('ESRCH');
    expect(final([...AWAKE, d.kick('s0', tidOf('w0'), 1)]).results.s0!.ret).toBe('EINVAL');
  });
});

describe('yield and worker-to-worker switch (R13, R14)', () => {
  it('a worker yield enqueues it and wakes the sleeping server', () => {
    const runBase = AWAKE.slice(0, -1);
    const o = final([...runBase, ...d.yieldW('w0')]);
    expect(o.tasks.w0).toMatchObject({ where: 'asleep:umcg_wait', state: 'RUNNABLE' });
    expect(o.tasks.s0).toMatchObject({ where: 'user', state: 'RUNNING', list: ['w0'] });
    expect(o.results.s0).toEqual({ call: 'umcg_wait', ret: '0' });
  });

  it('worker-to-worker: next becomes RUNNING, caller enqueued with next|TID_RUNNING', () => {
    const tasks = ['s0', 'w0', 'w1'];
    const steps = [
      ...d.regServer('s0'),
      ...d.regWorker('w0', 's0'),
      ...d.regWorker('w1', 's0'),
      ...pick('w0'),
      d.condWait('w0'),
      d.next('w0', tidOf('w1')),
      d.wait('w0'),
    ];
    const o = final(steps, { tasks });
    expect(o.results.w1).toEqual({ call: 'umcg_ctl', ret: '0' });
    expect(o.tasks.w1).toMatchObject({ where: 'user', state: 'RUNNING' });
    expect(o.tasks.w0).toMatchObject({
      where: 'asleep:umcg_wait',
      state: 'RUNNABLE',
      next_tid: 'w1|TID_RUNNING',
    });
    expect(o.tasks.s0).toMatchObject({ where: 'user', list: ['w0'] });
  });

  it('switching to a worker that is not RUNNABLE is EAGAIN and reverts the caller (R15)', () => {
    const o = final([...AWAKE, d.condWait('w0'), d.next('w0', tidOf('s0')), d.wait('w0')]);
    expect(o.results.w0).toEqual({ call: 'umcg_wait', ret: 'EAGAIN' });
    expect(o.tasks.w0).toMatchObject({ where: 'user', state: 'RUNNING', next_tid: 's0' });
    expect(o.tasks.s0!.list).toEqual([]);
  });
});
