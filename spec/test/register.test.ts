import { describe, expect, it } from 'vitest';
import {
  CLOCK_REALTIME,
  garbage,
  tidOf,
  UMCG_CTL_REGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNING,
  UMCG_TF_PREEMPT,
} from '../src/index.js';
import { Scenario } from './scenario.js';

const REG = UMCG_CTL_REGISTER;
const W = UMCG_CTL_WORKER;

describe('umcg_ctl register: every check in its order ([PZ-v2] 5/5 sys_umcg_ctl())', () => {
  it('ctl.decode.misaligned comes before everything else', () => {
    const sc = new Scenario('pz-v2', ['s0']);
    sc.do({ op: 'ctl', task: 's0', flags: 0x77, self: { kind: 'misaligned' }, clock: 99 });
    expect(sc.result('s0')).toBe('EINVAL');
    expect(sc.rules).toContain('ctl.decode.misaligned');
  });

  it('ctl.decode.flags and ctl.decode.cmd', () => {
    const sc = new Scenario('pz-v2', ['s0']);
    sc.ctl('s0', REG | 0x100);
    expect(sc.rules).toContain('ctl.decode.flags');
    sc.ctl('s0', 3);
    expect(sc.result('s0')).toBe('EINVAL');
    expect(sc.rules).toContain('ctl.decode.cmd');
  });

  it('ctl.register.clock: an invalid clock is EINVAL and not stored', () => {
    const sc = new Scenario('pz-v2', ['s0']);
    sc.ctl('s0', REG, 5);
    expect(sc.result('s0')).toBe('EINVAL');
    expect(sc.state.k[0]!.clock).toBe(1);
  });

  it('ctl.register.clock: a second REGISTER fails but switches the clock (SPEC.md#param.clockStoredEarly)', () => {
    const sc = new Scenario('pz-v2', ['s0']).server('s0');
    sc.ctl('s0', REG, CLOCK_REALTIME);
    expect(sc.result('s0')).toBe('EINVAL');
    expect(sc.rules).toContain('ctl.register.already');
    expect(sc.state.k[0]!.clock).toBe(CLOCK_REALTIME);
  });

  it('ctl.register.already: NULL self', () => {
    const sc = new Scenario('pz-v2', ['s0']);
    sc.do({ op: 'ctl', task: 's0', flags: REG, self: { kind: 'null' }, clock: 1 });
    expect(sc.result('s0')).toBe('EINVAL');
  });

  it('ctl.register.fault: an unmapped struct is EFAULT', () => {
    const sc = new Scenario('pz-v2', ['s0']);
    sc.do({ op: 'unmap', task: 's0' });
    sc.ctl('s0', REG);
    expect(sc.result('s0')).toBe('EFAULT');
  });

  it('ctl.register.reserved: next_tid or a reserved word set is EINVAL', () => {
    for (const field of ['next_tid', 'hole', 'zero0', 'zero2'] as const) {
      const sc = new Scenario('pz-v2', ['s0']);
      sc.store('s0', 's0', 'state', UMCG_TASK_RUNNING);
      sc.store('s0', 's0', 'server_tid', tidOf('s0'));
      sc.store('s0', 's0', field, 1);
      sc.ctl('s0', REG);
      expect(sc.result('s0'), field).toBe('EINVAL');
      expect(sc.rules).toContain('ctl.register.reserved');
    }
  });

  it('ctl.register.server-tid: a server must name itself', () => {
    const sc = new Scenario('pz-v2', ['s0', 's1']);
    sc.store('s0', 's0', 'state', UMCG_TASK_RUNNING);
    sc.store('s0', 's0', 'server_tid', tidOf('s1'));
    sc.ctl('s0', REG);
    expect(sc.result('s0')).toBe('ESRCH');
  });

  it('ctl.register.server-tid: a worker must name a registered non-worker', () => {
    const sc = new Scenario('pz-v2', ['s0', 'w0', 'w1']);
    sc.store('w0', 'w0', 'state', UMCG_TASK_BLOCKED);
    sc.store('w0', 'w0', 'server_tid', tidOf('s0'));
    sc.ctl('w0', REG | W);
    expect(sc.result('w0')).toBe('ESRCH');
    sc.store('w0', 'w0', 'server_tid', garbage);
    sc.ctl('w0', REG | W);
    expect(sc.result('w0')).toBe('ESRCH');
  });

  it('ctl.register.state: the state word comes last; a TF bit is refused', () => {
    const sc = new Scenario('pz-v2', ['s0']);
    sc.store('s0', 's0', 'state', UMCG_TASK_RUNNING | UMCG_TF_PREEMPT);
    sc.store('s0', 's0', 'server_tid', tidOf('s0'));
    sc.ctl('s0', REG);
    expect(sc.result('s0')).toBe('EINVAL');
    expect(sc.rules).toContain('ctl.register.state');
    sc.store('s0', 's0', 'state', UMCG_TASK_RUNNING | 0x10000);
    sc.ctl('s0', REG);
    expect(sc.result('s0')).toBe('0');
  });

  it('ctl.register.server writes nothing; ctl.register.worker enqueues and blocks in umcg_ctl', () => {
    const sc = new Scenario('pz-v2', ['s0', 'w0']).server('s0');
    expect(sc.task('s0')).toMatchObject({ state: 'RUNNING', rwp: '0', runnable_ts_moved: false });
    sc.worker('w0', 's0');
    expect(sc.result('w0')).toBeUndefined();
    expect(sc.task('w0')).toMatchObject({
      where: 'asleep:umcg_ctl',
      state: 'RUNNABLE',
      runnable_ts_moved: true,
    });
    expect(sc.task('s0').list).toEqual(['w0']);
    sc.switchTo('s0', 'w0');
    expect(sc.result('w0')).toBe('0');
    expect(sc.task('w0')).toMatchObject({ where: 'user', state: 'RUNNING' });
  });

  it('ctl.register.worker wakes a waiting server', () => {
    const sc = new Scenario('pz-v2', ['s0', 'w0']).server('s0');
    sc.drain('s0');
    sc.wait('s0');
    expect(sc.task('s0').where).toBe('asleep:umcg_wait');
    sc.worker('w0', 's0');
    expect(sc.result('s0')).toBe('0');
    expect(sc.task('s0')).toMatchObject({ where: 'user', state: 'RUNNING', list: ['w0'] });
  });

  it('ctl.register.worker-kill: a shmem worker struct cannot be pinned', () => {
    const sc = new Scenario('pz-v2', ['s0', { name: 'w0', memory: 'shmem' }]).server('s0').worker('w0', 's0');
    expect(sc.obs?.killed).toBe(true);
    expect(sc.rules).toContain('ctl.register.worker-kill');
  });
});
