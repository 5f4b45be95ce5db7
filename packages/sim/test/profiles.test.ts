import { tidOf, UMCG_CTL_UNREGISTER, UMCG_WAIT_ENQUEUE } from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import * as d from '../src/internal/dsl.js';
import { final } from './harness.js';
import { AWAKE, RUN } from './scenarios.js';

describe('profile differences', () => {
  it('pz-v1: the kernel clears next_tid after waking it (SPEC.md#param.nextTidWriteback)', () => {
    expect(final(RUN, { profile: 'pz-v1' }).tasks.s0!.next_tid).toBe('0');
    expect(final(RUN, { profile: 'pz-v2' }).tasks.s0!.next_tid).toBe('w0|TID_RUNNING');
  });

  it('pz-v1: a garbage next_tid fails while pinning and leaves a stale pin ([O-RFCv2] 3/5 code)', () => {
    const steps = [...AWAKE, d.condWait('s0'), d.next('s0', d.garbage), d.wait('s0')];
    const o = final(steps, { profile: 'pz-v1' });
    expect(o.results.s0).toEqual({ call: 'umcg_wait', ret: 'ESRCH' });
    // The v1 error path reverts a server caller to RUNNING ([O-RFCv2] 3/5 sys_umcg_wait(), wait.error-revert).
    expect(o.tasks.s0).toMatchObject({
      where: 'user',
      state: 'RUNNING',
      runnable_ts_moved: false,
    });
    expect(
      final([...steps, d.next('s0', d.num(0)), d.wait('s0')], { profile: 'pz-v1' }).results.s0!.ret,
    ).toBe('EBUSY');
  });

  it('pz-v1: a blocking page fault of a worker is fatal (exceptions not hooked)', () => {
    expect(final([...RUN, d.fault('w0', true)], { profile: 'pz-v1' }).killed).toBe(true);
    expect(final([...RUN, d.fault('w0', true)], { profile: 'pz-v2' }).killed).toBe(false);
  });

  it('pz-v1: block detection wakes next_tid instead of the server (SPEC.md#param.nextOnBlock)', () => {
    const tasks = ['s0', 'w0', 'w1'];
    const steps = [
      ...d.regServer('s0'),
      ...d.regWorker('w0', 's0'),
      ...d.regWorker('w1', 's0'),
      ...d.switchTo('s0', 'w0'),
      d.next('w0', tidOf('w1')),
      d.sys('w0', true),
    ];
    const o = final(steps, { profile: 'pz-v1', tasks });
    expect(o.tasks.w1).toMatchObject({ where: 'user', state: 'RUNNING' });
    expect(o.tasks.s0!.where).toBe('asleep:umcg_wait');
  });

  it('pz-v1: unregister takes NULL self and writes nothing', () => {
    const o = final([...RUN, d.ctl('w0', UMCG_CTL_UNREGISTER, 'null')], { profile: 'pz-v1' });
    expect(o.results.w0!.ret).toBe('0');
    expect(o.tasks.w0!.state).toBe('RUNNING');
    expect(o.tasks.s0!.where).toBe('asleep:umcg_wait');
  });

  it('pz-proto: umcg_wait refuses next_tid 0 with ESRCH before any change; a RUNNABLE caller gets EAGAIN; no kick', () => {
    for (const profile of ['pz-proto', 'pz-proto-code'] as const) {
      const o = final([...d.regServer('s0'), d.wait('s0')], { profile });
      expect(o.results.s0).toEqual({ call: 'umcg_wait', ret: 'ESRCH' });
      expect(o.tasks.s0).toMatchObject({ where: 'user', state: 'RUNNING', runnable_ts_moved: false });
    }
    const steps = [
      ...d.regServer('s0'),
      d.next('s0', tidOf('s0')),
      d.store('s0', 's0', 'state', d.num(2)),
      d.wait('s0'),
    ];
    expect(final(steps, { profile: 'pz-proto' }).tasks.s0).toMatchObject({
      where: 'asleep:umcg_wait',
      state: 'RUNNABLE',
    });
    expect(
      final([...d.regServer('s0'), d.kick('s0', tidOf('s0'))], { profile: 'pz-proto' }).results.s0!.ret,
    ).toBe('ENOSYS');
  });

  it('pz-proto: a failed next wake on block falls back to the server (seed e-mail)', () => {
    const steps = [
      ...d.regServer('s0'),
      ...d.regWorker('w0', 's0'),
      d.take('s0'),
      d.next('s0', tidOf('w0')),
      d.wait('s0'),
      d.next('w0', d.garbage),
      d.sys('w0', true),
    ];
    const o = final(steps, { profile: 'pz-proto' });
    expect(o.tasks.s0).toMatchObject({ where: 'user', state: 'RUNNING' });
    expect(o.tasks.w0!.state).toBe('BLOCKED');
  });

  it('pz-v2-followups: worker timeouts requeue and return ETIMEDOUT; ENQUEUE + timeout is EINVAL', () => {
    const steps = [...AWAKE, d.condWait('w0'), d.wait('w0', 'future', UMCG_WAIT_ENQUEUE)];
    expect(final(steps, { profile: 'pz-v2-followups' }).results.w0!.ret).toBe('EINVAL');
    const timed = [...AWAKE, d.condWait('w0'), d.wait('w0', 'future'), d.expire('w0')];
    const o = final(timed, { profile: 'pz-v2-followups' });
    expect(o.tasks.w0).toMatchObject({ where: 'asleep:umcg_wait', state: 'RUNNABLE' });
    expect(o.tasks.s0!.list).toEqual(['w0']);
    const picked = final([...timed, ...d.switchTo('s0', 'w0')], { profile: 'pz-v2-followups' });
    expect(picked.results.w0).toEqual({ call: 'umcg_wait', ret: 'ETIMEDOUT' });
  });

  it('pz-v2-followups: a worker wait without ENQUEUE does not enqueue; pins write __zero[0]', () => {
    const o = final([...AWAKE, ...d.yieldW('w0')], { profile: 'pz-v2-followups' });
    expect(o.tasks.w0!.where).toBe('asleep:umcg_wait');
    expect(o.tasks.s0!.list).toEqual([]);
    const e = final([...AWAKE, d.condWait('w0'), d.wait('w0', 'none', UMCG_WAIT_ENQUEUE)], {
      profile: 'pz-v2-followups',
    });
    expect(e.tasks.s0!.list).toEqual(['w0']);
  });

  it('pz-v2-followups: kick tries a wakeup first and checks flags first', () => {
    expect(
      final([...AWAKE, d.kick('s0', d.garbage, 1)], { profile: 'pz-v2-followups' }).results.s0!.ret,
    ).toBe('EINVAL');
    expect(final([...AWAKE, d.kick('s0', d.garbage, 1)], { profile: 'pz-v2' }).results.s0!.ret).toBe('ESRCH');
  });

  it('ref-6.1: ERANGE keeps the worker marker', () => {
    const steps = [...AWAKE, d.condWait('w0'), d.wait('w0', 'future'), d.wait('w0', 'past')];
    expect(final(steps, { profile: 'ref-6.1' }).results.w0!.ret).toBe('ERANGE');
  });
});
