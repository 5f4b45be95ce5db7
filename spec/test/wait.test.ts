import { describe, expect, it } from 'vitest';
import { garbage, tidOf, UMCG_TASK_RUNNABLE, UMCG_TF_COND_WAIT, UMCG_TID_RUNNING } from '../src/index.js';
import { Scenario } from './scenario.js';

/** s0 asleep in umcg_wait running w0; w1 registered, taken by s0 (off every list), asleep in umcg_ctl. */
function running(
  profile: 'pz-v2' | 'pz-v1' | 'pz-proto' | 'pz-v2-followups' | 'ref-6.1' = 'pz-v2',
): Scenario {
  const sc = new Scenario(profile, ['s0', 'w0', 'w1']).server('s0').worker('w0', 's0').worker('w1', 's0');
  sc.drain('s0');
  sc.store('s0', 's0', 'next_tid', tidOf('w0'));
  sc.wait('s0');
  return sc;
}

/** s0 running w0, both in user mode (s0's timed wait expired). */
function both(): Scenario {
  const sc = new Scenario('pz-v2', ['s0', 'w0', 'w1']).server('s0').worker('w0', 's0').worker('w1', 's0');
  sc.drain('s0');
  sc.store('s0', 's0', 'next_tid', tidOf('w0'));
  sc.wait('s0', 'future');
  sc.do({ op: 'expire', task: 's0' });
  return sc;
}

describe("umcg_wait error paths and the caller's state after each ([PZ-v2] 5/5 sys_umcg_wait())", () => {
  it('wait.einval: unregistered caller and unknown flags leave the state untouched', () => {
    const sc = new Scenario('pz-v2', ['s0']);
    sc.wait('s0');
    expect(sc.result('s0')).toBe('EINVAL');
    sc.server('s0');
    sc.store('s0', 's0', 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
    sc.wait('s0', 'none', 1);
    expect(sc.result('s0')).toBe('EINVAL');
    expect(sc.task('s0').state).toBe('RUNNABLE|COND_WAIT');
  });

  it('wait.worker-timeout: ERANGE, state untouched', () => {
    const sc = running();
    sc.store('w0', 'w0', 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
    sc.wait('w0', 'future');
    expect(sc.result('w0')).toBe('ERANGE');
    expect(sc.task('w0').state).toBe('RUNNABLE|COND_WAIT');
  });

  it('RFC v2 bug ([PZ-v2] 5/5 code): after ERANGE the next umcg_wait treats the worker as a server; ref-6.1 does not', () => {
    for (const [profile, second] of [
      ['pz-v2', 'asleep:umcg_wait'],
      ['ref-6.1', 'user'],
    ] as const) {
      const sc = running(profile);
      sc.store('w0', 'w0', 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
      sc.wait('w0', 'future');
      expect(sc.result('w0')).toBe('ERANGE');
      sc.wait('w0', 'future');
      expect(sc.task('w0').where, profile).toBe(second);
      if (profile === 'pz-v2') expect(sc.task('s0').where).toBe('asleep:umcg_wait');
    }
  });

  it('wait.self-not-runnable: a server made RUNNING by a block after its COND_WAIT store gets EAGAIN', () => {
    const sc = both();
    sc.store('s0', 's0', 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
    sc.do({ op: 'syscall', task: 'w0', blocking: true });
    expect(sc.task('s0').state).toBe('RUNNING');
    expect(sc.task('w0')).toMatchObject({
      where: 'asleep:syscall',
      state: 'BLOCKED',
      blocked_ts_moved: true,
    });
    sc.wait('s0');
    expect(sc.result('s0')).toBe('EAGAIN');
    expect(sc.task('s0')).toMatchObject({ where: 'user', state: 'RUNNING' });
  });

  it('wait.next.lookup: a garbage next_tid is ESRCH and the caller is RUNNING again (RFC v2)', () => {
    const sc = running();
    sc.yieldNow('w0', garbage);
    expect(sc.result('w0')).toBe('ESRCH');
    expect(sc.task('w0')).toMatchObject({ where: 'user', state: 'RUNNING', next_tid: 'garbage' });
    expect(sc.task('s0')).toMatchObject({ where: 'asleep:umcg_wait', list: [] });
  });

  it('wait.next.not-runnable: switching to a RUNNING task is EAGAIN, caller RUNNING', () => {
    const sc = both();
    sc.yieldNow('w0', tidOf('s0'));
    expect(sc.result('w0')).toBe('EAGAIN');
    expect(sc.task('w0')).toMatchObject({ where: 'user', state: 'RUNNING' });
  });

  it('wait.next.tid-running: the server idles while its worker runs, EAGAIN once it stopped', () => {
    const sc = both();
    expect(sc.task('s0').next_tid).toBe('w0|TID_RUNNING');
    sc.drain('s0');
    sc.wait('s0');
    expect(sc.task('s0').where).toBe('asleep:umcg_wait');
    sc.do({ op: 'syscall', task: 'w0', blocking: true });
    expect(sc.result('s0')).toBe('0');
    sc.drain('s0');
    sc.wait('s0');
    expect(sc.result('s0')).toBe('EAGAIN');
    expect(sc.rules).toContain('wait.next.tid-running');
  });

  it('R13 yield: a worker enqueues itself and wakes its server', () => {
    const sc = running();
    sc.yieldNow('w0');
    expect(sc.result('s0')).toBe('0');
    expect(sc.task('w0')).toMatchObject({
      where: 'asleep:umcg_wait',
      state: 'RUNNABLE',
      runnable_ts_moved: true,
    });
    expect(sc.task('s0')).toMatchObject({ where: 'user', state: 'RUNNING', list: ['w0'] });
  });

  it('R14 worker-to-worker: w1 runs, w0 is enqueued, the server woken', () => {
    const sc = running();
    sc.yieldNow('w0', tidOf('w1'));
    expect(sc.result('w1')).toBe('0');
    expect(sc.result('s0')).toBe('0');
    expect(sc.task('w1')).toMatchObject({ where: 'user', state: 'RUNNING' });
    expect(sc.task('w0')).toMatchObject({ where: 'asleep:umcg_wait', next_tid: 'w1|TID_RUNNING' });
    expect(sc.task('s0').list).toEqual(['w0']);
  });

  it('wait.timeout: a future timeout expires with ETIMEDOUT and RUNNING; a past one at once', () => {
    const sc = new Scenario('pz-v2', ['s0']).server('s0');
    sc.drain('s0');
    sc.wait('s0', 'future');
    expect(sc.task('s0').where).toBe('asleep:umcg_wait');
    sc.do({ op: 'expire', task: 's0' });
    expect(sc.result('s0')).toBe('ETIMEDOUT');
    expect(sc.task('s0').state).toBe('RUNNING');
    sc.drain('s0');
    sc.wait('s0', 'past');
    expect(sc.result('s0')).toBe('ETIMEDOUT');
  });

  it('wait.signal: the handler runs while RUNNABLE, the call has not returned, the timeout is lost', () => {
    const sc = new Scenario('pz-v2', ['s0', 'w0']).server('s0');
    sc.drain('s0');
    sc.wait('s0', 'future');
    const signal = { op: 'signal', task: 's0' } as const;
    // The handler returns through rt_sigreturn, or an interrupt suspends it in the hook (signal.handler-interrupt).
    expect(
      sc
        .all(signal)
        .map((o) => `${o.tasks.s0!.where} ${o.tasks.s0!.signals}`)
        .sort(),
    ).toEqual(['asleep:interrupt 0', 'asleep:interrupt 1', 'asleep:rt_sigreturn 1']);
    sc.pick(signal, (o) => o.tasks.s0!.where === 'asleep:rt_sigreturn');
    expect(sc.result('s0')).toBeUndefined();
    expect(sc.task('s0')).toMatchObject({ where: 'asleep:rt_sigreturn', state: 'RUNNABLE', signals: 1 });
    expect(sc.state.k[0]!.timer).toBe(0);
    sc.worker('w0', 's0');
    expect(sc.result('s0')).toBe('0');
  });

  it('signal.handler-interrupt: a handler suspended in the hook keeps its signal blocked until RUNNING', () => {
    const sc = new Scenario('pz-v2', ['s0', 'w0']).server('s0');
    sc.drain('s0');
    sc.wait('s0');
    const signal = { op: 'signal', task: 's0' } as const;
    // The interrupt landed at the handler's entry: it has not run yet.
    sc.pick(signal, (o) => o.tasks.s0!.where === 'asleep:interrupt' && o.tasks.s0!.signals === 0);
    expect(sc.rules).toContain('signal.handler-interrupt');
    expect(sc.task('s0')).toMatchObject({ state: 'RUNNABLE', signals: 0 });
    // A second signal is blocked: it does not end the wait, and no handler runs.
    expect(sc.do(signal).tasks.s0).toMatchObject({ where: 'asleep:interrupt', signals: 0 });
    // Made RUNNING, the handler runs and returns, and the blocked signal is delivered on rt_sigreturn's way out.
    sc.worker('w0', 's0');
    expect(sc.task('s0')).toMatchObject({ state: 'RUNNING', where: 'user', signals: 2 });
    expect(sc.result('s0')).toBe('0');
  });

  it('follow-ups keep the timeout across a signal', () => {
    const sc = new Scenario('pz-v2-followups', ['s0']).server('s0');
    sc.drain('s0');
    sc.wait('s0', 'future');
    sc.do({ op: 'signal', task: 's0' });
    sc.do({ op: 'expire', task: 's0' });
    expect(sc.task('s0').where).toBe('user');
  });

  it('wait.bad-state: user space writes BLOCKED into a sleeping server; a wake-up then kills', () => {
    const sc = new Scenario('pz-v2', ['s0', 'w0']).server('s0').worker('w0', 's0');
    sc.switchTo('s0', 'w0');
    sc.store('w0', 's0', 'state', 3);
    sc.do({ op: 'signal', task: 's0' });
    expect(sc.obs?.killed).toBe(true);
  });
});

describe('profiles differ where the sources say (SPEC.md#parameters)', () => {
  it('RFC v1 clears next_tid after the switch; v2 marks it TID_RUNNING', () => {
    expect(running('pz-v1').task('s0').next_tid).toBe('0');
    expect(running('pz-v2').task('s0').next_tid).toBe('w0|TID_RUNNING');
    // The prototype has no COND_WAIT: the server stays RUNNING and the kernel makes it RUNNABLE.
    const proto = new Scenario('pz-proto', ['s0', 'w0']).server('s0').worker('w0', 's0');
    proto.do({ op: 'take', task: 's0', target: 's0' });
    proto.store('s0', 's0', 'next_tid', tidOf('w0'));
    proto.wait('s0');
    expect(proto.task('s0')).toMatchObject({ where: 'asleep:umcg_wait', state: 'RUNNABLE', next_tid: 'w0' });
    expect(proto.task('w0')).toMatchObject({ where: 'user', state: 'RUNNING' });
  });

  it('RFC v1 leaves a worker enqueued after a failed switch; v2 reverts it', () => {
    const v1 = running('pz-v1');
    v1.store('w0', 'w0', 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
    v1.store('w0', 'w0', 'next_tid', garbage);
    v1.wait('w0');
    expect(v1.result('w0')).toBe('ESRCH');
    expect(v1.rules).toContain('pin.next');
    const v2 = running('pz-v2');
    v2.yieldNow('w0', garbage);
    expect(v2.task('s0').list).toEqual([]);
  });

  it('[O-RFCv2] 3/5 sys_umcg_wait(): after an error RFC v1 reverts a server caller to RUNNING, but not a worker caller', () => {
    for (const profile of ['pz-v1', 'pz-v2'] as const) {
      const sc = new Scenario(profile, ['s0', 'w0']).server('s0').worker('w0', 's0');
      sc.drain('s0');
      sc.store('s0', 's0', 'next_tid', garbage);
      sc.wait('s0');
      expect(sc.result('s0'), profile).toBe('ESRCH');
      expect(sc.task('s0').state, profile).toBe('RUNNING');
      expect(sc.rules, profile).toContain('wait.error-revert');
    }
    // The worker caller of the test above keeps RUNNABLE|COND_WAIT in v1 ([O-RFCv2] 3/5 code).
    const v1 = running('pz-v1');
    v1.store('w0', 'w0', 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
    v1.store('w0', 'w0', 'next_tid', garbage);
    v1.wait('w0');
    expect(v1.task('w0').state).toBe('RUNNABLE|COND_WAIT');
    expect(v1.rules).not.toContain('wait.error-revert');
  });

  it('follow-ups: a worker wait without UMCG_WAIT_ENQUEUE wakes nobody', () => {
    const sc = running('pz-v2-followups');
    sc.yieldNow('w0');
    expect(sc.task('s0').where).toBe('asleep:umcg_wait');
    expect(sc.task('w0').where).toBe('asleep:umcg_wait');
  });

  it('the kernel never sets a TF bit: next_tid|TID_RUNNING is the only kernel write besides state', () => {
    const sc = running();
    expect(sc.task('s0').next_tid).toBe('w0|TID_RUNNING');
    expect(UMCG_TID_RUNNING).toBe(0x80000000);
  });
});
