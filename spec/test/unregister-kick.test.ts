import { describe, expect, it } from 'vitest';
import { garbage, tidOf, UMCG_TASK_RUNNABLE, UMCG_TF_COND_WAIT } from '../src/index.js';
import { Scenario } from './scenario.js';

function running(profile: 'pz-v2' | 'ref-6.1' | 'pz-v2-followups' = 'pz-v2'): Scenario {
  const sc = new Scenario(profile, ['s0', 'w0']).server('s0').worker('w0', 's0');
  sc.switchTo('s0', 'w0');
  return sc;
}

describe('unregister (R17, R18, [PZ-v2] 5/5 sys_umcg_ctl())', () => {
  it('ctl.unregister.effects: a worker goes NONE and wakes its waiting server', () => {
    const sc = running();
    sc.unregister('w0', true);
    expect(sc.result('w0')).toBe('0');
    expect(sc.result('s0')).toBe('0');
    expect(sc.task('w0')).toMatchObject({ state: 'NONE', where: 'user' });
    expect(sc.task('s0')).toMatchObject({ state: 'RUNNING', where: 'user' });
  });

  it('ctl.unregister.worker-flag and ctl.unregister.self', () => {
    const sc = running();
    sc.unregister('w0', false);
    expect(sc.result('w0')).toBe('EINVAL');
    expect(sc.rules).toContain('ctl.unregister.worker-flag');
    sc.do({ op: 'ctl', task: 'w0', flags: 0x10002, self: { kind: 'null' }, clock: 0 });
    expect(sc.result('w0')).toBe('EINVAL');
    expect(sc.rules).toContain('ctl.unregister.self');
  });

  it('ctl.unregister.not-running: RFC v2 leaks the pin, so the next syscall entry kills; ref-6.1 does not', () => {
    for (const [profile, killed] of [
      ['pz-v2', true],
      ['ref-6.1', false],
    ] as const) {
      const sc = running(profile);
      sc.store('w0', 'w0', 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
      sc.unregister('w0', true);
      expect(sc.result('w0')).toBe('EAGAIN');
      sc.do({ op: 'syscall', task: 'w0', blocking: false });
      expect(sc.obs?.killed, profile).toBe(killed);
      if (killed) expect(sc.rules).toEqual(expect.arrayContaining(['pin.stale', 'hook.enter.kill']));
    }
  });

  it('a server that unregisters leaves its workers to be killed at their next pin ([PZ-v2] 5/5 exit/fork/exec handling)', () => {
    const sc = new Scenario('pz-v2', ['s0', 'w0']).server('s0').worker('w0', 's0');
    sc.drain('s0');
    sc.store('s0', 's0', 'next_tid', tidOf('w0'));
    sc.wait('s0', 'future');
    sc.do({ op: 'expire', task: 's0' });
    sc.unregister('s0', false);
    expect(sc.result('s0')).toBe('0');
    sc.do({ op: 'syscall', task: 'w0', blocking: false });
    expect(sc.obs?.killed).toBe(true);
  });
});

describe('kick ([PZ-v2] 5/5 sys_umcg_kick())', () => {
  it('kick.lookup comes before kick.flags in RFC v2, after in the follow-ups', () => {
    const v2 = running();
    v2.do({ op: 'kick', task: 'w0', flags: 1, tid: garbage });
    expect(v2.result('w0')).toBe('ESRCH');
    const fu = running('pz-v2-followups');
    fu.do({ op: 'kick', task: 'w0', flags: 1, tid: garbage });
    expect(fu.result('w0')).toBe('EINVAL');
  });

  it('kick.ipi: kicking a sleeping task does nothing in RFC v2', () => {
    const sc = running();
    sc.do({ op: 'kick', task: 'w0', flags: 0, tid: tidOf('s0') });
    expect(sc.result('w0')).toBe('0');
    expect(sc.task('s0').where).toBe('asleep:umcg_wait');
  });

  it('kick.wake: in the follow-ups the wake-up of a task in a UMCG wait is absorbed', () => {
    const sc = running('pz-v2-followups');
    sc.do({ op: 'kick', task: 'w0', flags: 0, tid: tidOf('s0') });
    expect(sc.rules).toContain('kick.wake');
    expect(sc.task('s0').where).toBe('asleep:umcg_wait');
  });
});

describe('exit ([PZ-v2] 5/5 exit/fork/exec handling)', () => {
  it('task.exit: a worker exiting without unregister writes nothing and wakes nobody', () => {
    const sc = running();
    sc.do({ op: 'exit', task: 'w0' });
    expect(sc.task('w0')).toMatchObject({ where: 'exited', state: 'RUNNING' });
    expect(sc.task('s0').where).toBe('asleep:umcg_wait');
  });
});
