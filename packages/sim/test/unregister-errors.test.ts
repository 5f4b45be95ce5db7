import {
  num,
  UMCG_CTL_REGISTER,
  UMCG_CTL_UNREGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_RUNNING,
} from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import * as d from '../src/internal/dsl.js';
import { final } from './harness.js';
import { AWAKE, RUN } from './scenarios.js';

const ret = (steps: Parameters<typeof final>[0], task = 's0', o = {}) => final(steps, o).results[task]?.ret;

describe('unregister (R17, R18)', () => {
  it('a worker unregisters from RUNNING: NONE, and its sleeping server is woken', () => {
    const o = final([...RUN, d.unregister('w0', true)]);
    expect(o.results.w0).toEqual({ call: 'umcg_ctl', ret: '0' });
    expect(o.tasks.w0!.state).toBe('NONE');
    expect(o.tasks.s0).toMatchObject({ where: 'user', state: 'RUNNING' });
  });

  it('unregister while not RUNNING is EAGAIN and leaks the pin: the next syscall is fatal (v2, SPEC.md#param.unregisterLeaksPin)', () => {
    const o1 = final([...AWAKE, d.condWait('w0'), d.unregister('w0', true)]);
    expect(o1.results.w0!.ret).toBe('EAGAIN');
    expect(final([...AWAKE, d.condWait('w0'), d.unregister('w0', true), d.sys('w0')]).killed).toBe(true);
    expect(
      final([...AWAKE, d.condWait('w0'), d.unregister('w0', true), d.sys('w0')], { profile: 'ref-6.1' })
        .killed,
    ).toBe(false);
  });

  it('unregister checks: NULL self, WORKER flag mismatch, not registered', () => {
    expect(ret([...AWAKE, d.ctl('w0', UMCG_CTL_UNREGISTER | UMCG_CTL_WORKER, 'null')], 'w0')).toBe('EINVAL');
    expect(ret([...AWAKE, d.unregister('w0', false)], 'w0')).toBe('EINVAL');
    expect(ret([d.unregister('s0', false)])).toBe('EINVAL');
  });

  it('a server that unregistered takes its workers down at their next syscall ([PZ-v2] 5/5 exit/fork/exec handling)', () => {
    expect(final([...AWAKE, d.unregister('s0', false), d.sys('w0')]).killed).toBe(true);
  });
});

describe('registration and wait errors ([PZ-v2] 5/5 sys_umcg_ctl(), [PZ-v2] 5/5 sys_umcg_wait())', () => {
  it('misaligned self, unknown command, stray flags, bad clock are EINVAL', () => {
    expect(ret([...d.regServer('s0').slice(0, 2), d.ctl('s0', UMCG_CTL_REGISTER, 'misaligned')])).toBe(
      'EINVAL',
    );
    expect(ret([d.ctl('s0', 3)])).toBe('EINVAL');
    expect(ret([d.ctl('s0', UMCG_CTL_REGISTER | 0x100)])).toBe('EINVAL');
    expect(ret([...d.regServer('s0').slice(0, 2), d.ctl('s0', UMCG_CTL_REGISTER, 'own', 5)])).toBe('EINVAL');
  });

  it('server_tid checks come before the state check (ESRCH first)', () => {
    expect(ret([d.ctl('s0', UMCG_CTL_REGISTER)])).toBe('ESRCH');
    expect(ret([d.store('s0', 's0', 'server_tid', d.tidOf('s0')), d.ctl('s0', UMCG_CTL_REGISTER)])).toBe(
      'EINVAL',
    );
  });

  it('registering twice is EINVAL; NULL self is EINVAL', () => {
    expect(ret([...d.regServer('s0'), d.ctl('s0', UMCG_CTL_REGISTER)])).toBe('EINVAL');
    expect(ret([d.ctl('s0', UMCG_CTL_REGISTER, 'null')])).toBe('EINVAL');
  });

  it('non-zero reserved words or next_tid are EINVAL', () => {
    expect(ret([d.store('s0', 's0', 'zero2', num(1)), ...d.regServer('s0')])).toBe('EINVAL');
    expect(ret([d.store('s0', 's0', 'next_tid', num(5)), ...d.regServer('s0')])).toBe('EINVAL');
  });

  it('a shmem struct registers, but the worker cannot pin it and dies ([PZ-v2] 5/5 struct umcg_task)', () => {
    expect(ret(d.regServer('s0'), 's0', { shmem: ['s0'] })).toBe('0');
    expect(final([...d.regServer('s0'), ...d.regWorker('w0', 's0')], { shmem: ['w0'] }).killed).toBe(true);
  });

  it('a worker naming a worker as its server is ESRCH', () => {
    expect(ret([...RUN, ...d.regWorker('w1', 'w0')], 'w1', { tasks: ['s0', 'w0', 'w1'] })).toBe('ESRCH');
  });

  it('wait: unregistered or bad flags are EINVAL; garbage next_tid is ESRCH and reverts', () => {
    expect(ret([d.wait('s0')])).toBe('EINVAL');
    expect(ret([...d.regServer('s0'), d.condWait('s0'), d.wait('s0', 'none', 1)])).toBe('EINVAL');
    const o = final([...d.regServer('s0'), d.condWait('s0'), d.next('s0', d.garbage), d.wait('s0')]);
    expect(o.results.s0!.ret).toBe('ESRCH');
    expect(o.tasks.s0!.state).toBe('RUNNING');
  });

  it('switching to oneself succeeds at once (SPEC.md#wait.next.wake)', () => {
    const o = final([...d.regServer('s0'), d.condWait('s0'), d.next('s0', d.tidOf('s0')), d.wait('s0')]);
    expect(o.results.s0!.ret).toBe('0');
    expect(o.tasks.s0).toMatchObject({ state: 'RUNNING', next_tid: 's0|TID_RUNNING' });
  });

  it('a server RUNNING on entry to wait gets EAGAIN', () => {
    expect(
      ret([...d.regServer('s0'), d.store('s0', 's0', 'state', num(UMCG_TASK_RUNNING)), d.wait('s0')]),
    ).toBe('EAGAIN');
  });
});
