import {
  num,
  tidOf,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_NONE,
  UMCG_TASK_RUNNABLE,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
} from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import * as d from '../src/internal/dsl.js';
import { final, runSteps } from './harness.js';
import { AWAKE, RUN } from './scenarios.js';

describe('SIGKILL ([PZ-v2] 5/5 the SIGKILL (force_sig) paths)', () => {
  it('a worker whose struct is unmapped dies at its next syscall entry; every later step reports the dead process', () => {
    const obs = runSteps([...RUN, d.unmap('w0'), d.sys('w0')]);
    expect(obs.at(-2)!.killed).toBe(false);
    expect(obs.at(-1)).toEqual({ killed: true, tasks: {}, results: {} });
  });

  it('PREEMPT on a task that is not RUNNING is fatal at its next return to user (R11)', () => {
    const state = num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT | UMCG_TF_PREEMPT);
    expect(final([...RUN, d.store('w0', 'w0', 'state', state), d.sys('w0')]).killed).toBe(true);
  });

  it('BLOCKED or NONE written into a registered task kills at return to user', () => {
    expect(final([...RUN, d.store('w0', 'w0', 'state', num(UMCG_TASK_BLOCKED)), d.sys('w0')]).killed).toBe(
      true,
    );
    expect(
      final([...AWAKE, d.store('s0', 's0', 'state', num(UMCG_TASK_NONE)), d.kick('s0', tidOf('s0'))]).killed,
    ).toBe(true);
  });

  it('a worker whose server_tid names a garbage tid dies at its next syscall', () => {
    expect(final([...RUN, d.store('w0', 'w0', 'server_tid', d.garbage), d.sys('w0')]).killed).toBe(true);
  });

  it('a signal to a worker whose page is unmapped kills (hook cannot read state)', () => {
    expect(final([...RUN, d.unmap('w0'), d.signal('w0')]).killed).toBe(true);
  });

  it("take stops at an address that is not one of the process's structs and reports it in hex", () => {
    const o = final([d.store('s0', 's0', 'runnable_workers_ptr', num(0x1234)), d.take('s0')]);
    expect(o.killed).toBe(false);
    expect(o.results.s0).toEqual({ call: 'take', ret: '[0x1234]' });
  });

  it('a user store to an unmapped struct is SIGSEGV: the process dies', () => {
    expect(final([d.unmap('w1'), d.store('w1', 'w1', 'state', num(1))]).killed).toBe(true);
  });

  it('a server wait with its page unmapped fails (EFAULT) and then the return-to-user hook cannot read the state', () => {
    expect(final([...AWAKE, d.condWait('s0'), d.unmap('s0'), d.wait('s0')]).killed).toBe(true);
  });

  it('an unregistered task whose page is unmapped is not affected by signals', () => {
    expect(final([d.unmap('w1'), d.signal('w1')]).killed).toBe(false);
  });
});
