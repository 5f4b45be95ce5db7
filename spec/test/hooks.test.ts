import { describe, expect, it } from 'vitest';
import {
  canonicalObservation,
  num,
  step,
  stepFirst,
  tidOf,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
} from '../src/index.js';
import { Scenario } from './scenario.js';

/** s0 asleep in umcg_wait, running w0 (in user mode). */
function running(profile: 'pz-v2' | 'pz-v1' | 'ref-6.1' = 'pz-v2'): Scenario {
  const sc = new Scenario(profile, ['s0', 'w0', 'w1']).server('s0').worker('w0', 's0');
  sc.switchTo('s0', 'w0');
  return sc;
}

describe('block and unblock (R1-R5)', () => {
  it('R2: a blocking syscall makes the worker BLOCKED and wakes the server; R5 enqueues it on completion', () => {
    const sc = running();
    sc.do({ op: 'syscall', task: 'w0', blocking: true });
    expect(sc.task('w0')).toMatchObject({
      where: 'asleep:syscall',
      state: 'BLOCKED',
      blocked_ts_moved: true,
    });
    expect(sc.task('s0')).toMatchObject({ where: 'user', state: 'RUNNING', list: [] });
    expect(sc.rules).toEqual(
      expect.arrayContaining(['hook.enter.pin', 'hook.block.running', 'hook.block.wake-server']),
    );
    sc.do({ op: 'complete', task: 'w0' });
    expect(sc.result('w0')).toBeUndefined();
    expect(sc.task('w0')).toMatchObject({
      where: 'asleep:syscall',
      state: 'RUNNABLE',
      runnable_ts_moved: true,
    });
    expect(sc.task('s0').list).toEqual(['w0']);
    sc.switchTo('s0', 'w0');
    expect(sc.result('w0')).toBe('0');
  });

  it('R3: a syscall that does not block changes nothing', () => {
    const sc = running();
    const strip = (o: typeof sc.obs) =>
      canonicalObservation({ ...o!, results: {} }).replace(/:[-B][-R]:/g, ':');
    const before = strip(sc.obs);
    sc.do({ op: 'syscall', task: 'w0', blocking: false });
    expect(sc.result('w0')).toBe('0');
    expect(sc.rules).toContain('hook.exit.no-block');
    expect(strip(sc.obs)).toBe(before);
    expect(sc.task('w0')).toMatchObject({ blocked_ts_moved: false, runnable_ts_moved: false });
  });

  it('R2b: blocking in the COND_WAIT window goes RUNNABLE→BLOCKED; the wait then returns EAGAIN', () => {
    const sc = running();
    sc.store('w0', 'w0', 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
    sc.do({ op: 'fault', task: 'w0', blocking: true });
    expect(sc.rules).toContain('hook.block.runnable');
    expect(sc.task('w0').state).toBe('BLOCKED');
    sc.do({ op: 'complete', task: 'w0' });
    sc.switchTo('s0', 'w0');
    expect(sc.result('w0')).toBe('0');
    sc.wait('w0');
    expect(sc.result('w0')).toBe('EAGAIN');
  });

  it('RFC v1 has no R2b: blocking in the COND_WAIT window kills', () => {
    const sc = running('pz-v1');
    sc.store('w0', 'w0', 'state', UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);
    sc.do({ op: 'syscall', task: 'w0', blocking: true });
    expect(sc.obs?.killed).toBe(true);
  });

  it('RFC v1: a blocking page fault is not hooked and kills the unpinned worker', () => {
    const sc = running('pz-v1');
    sc.do({ op: 'fault', task: 'w0', blocking: true });
    expect(sc.obs?.killed).toBe(true);
    expect(sc.rules).toContain('hook.block.unpinned-kill');
  });

  it('a signal interrupts a blocking syscall with EINTR, delivered once the worker is run again', () => {
    const sc = running();
    sc.do({ op: 'syscall', task: 'w0', blocking: true });
    sc.pick({ op: 'signal', task: 'w0' }, (o) => o.tasks.w0!.where === 'asleep:rt_sigreturn');
    expect(sc.rules).toContain('signal.syscall-eintr');
    // R5 enqueued w0; its wait for RUNNING ended early so the handler ran while RUNNABLE (R12), then it waits on.
    expect(sc.task('w0')).toMatchObject({ where: 'asleep:rt_sigreturn', state: 'RUNNABLE', signals: 1 });
    sc.switchTo('s0', 'w0');
    expect(sc.result('w0')).toBe('EINTR');
  });
});

describe('preemption (R9-R12)', () => {
  it('[PZ-proto] code: the prototype preemption wakes next_tid first (hook.resume.preempt-next)', () => {
    const sc = new Scenario('pz-proto', ['s0', 'w0', 'w1'])
      .server('s0')
      .worker('w0', 's0')
      .worker('w1', 's0');
    sc.do({ op: 'take', task: 's0', target: 's0' });
    sc.store('s0', 's0', 'next_tid', tidOf('w0'));
    sc.wait('s0');
    sc.store('w0', 'w0', 'next_tid', tidOf('w1'));
    sc.pick(
      {
        op: 'cas',
        task: 'w0',
        target: 'w0',
        field: 'state',
        expect: num(UMCG_TASK_RUNNING),
        value: num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
      },
      (o) => o.tasks.w0!.where === 'asleep:interrupt',
    );
    expect(sc.rules).toEqual(expect.arrayContaining(['hook.resume.preempt', 'hook.resume.preempt-next']));
    expect(sc.task('w1').where).toBe('user');
    expect(sc.task('s0').where).toBe('asleep:umcg_wait');
  });

  it('[O-RFCv2] 3/5 code: RFC v1 preemption wakes the server, not next_tid; RFC v1 block wakes next_tid', () => {
    for (const event of ['preempt', 'block'] as const) {
      const sc = new Scenario('pz-v1', ['s0', 'w0', 'w1']).server('s0').worker('w0', 's0').worker('w1', 's0');
      sc.drain('s0');
      sc.store('s0', 's0', 'next_tid', tidOf('w0'));
      sc.wait('s0');
      // w0 names w1 (queued and RUNNABLE) as its next_tid, then is preempted or blocks.
      sc.store('w0', 'w0', 'next_tid', tidOf('w1'));
      if (event === 'block') sc.do({ op: 'syscall', task: 'w0', blocking: true });
      else
        sc.pick(
          {
            op: 'cas',
            task: 'w0',
            target: 'w0',
            field: 'state',
            expect: num(UMCG_TASK_RUNNING),
            value: num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
          },
          (o) => o.tasks.w0!.where === 'asleep:interrupt',
        );
      if (event === 'preempt') {
        expect(sc.rules).toContain('hook.resume.preempt');
        expect(sc.rules).not.toContain('hook.resume.preempt-next');
        expect(sc.task('s0').where).toBe('user');
        expect(sc.task('w1').where).not.toBe('user');
        expect(sc.task('w0').next_tid).toBe('w1');
      } else {
        expect(sc.rules).toContain('hook.block.next');
        expect(sc.task('w1').where).toBe('user');
        expect(sc.task('s0').where).toBe('asleep:umcg_wait');
      }
    }
  });

  it('R9: CAS RUNNING→RUNNING|PREEMPT; a tick may preempt at once, a kick surely does', () => {
    const sc = new Scenario('pz-v2', ['s0', 'w0']).server('s0').worker('w0', 's0');
    sc.drain('s0');
    sc.store('s0', 's0', 'next_tid', tidOf('w0'));
    sc.wait('s0', 'future');
    sc.do({ op: 'expire', task: 's0' });
    const preempt = {
      op: 'cas',
      task: 's0',
      target: 'w0',
      field: 'state',
      expect: num(UMCG_TASK_RUNNING),
      value: num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
    } as const;
    const outcomes = sc.all(preempt);
    expect(outcomes.map((o) => o.tasks.w0!.where).sort()).toEqual(['asleep:interrupt', 'user']);
    const queued = outcomes.find((o) => o.tasks.w0!.where !== 'user')!;
    expect(queued.tasks.w0).toMatchObject({ state: 'RUNNABLE', runnable_ts_moved: true });
    expect(queued.tasks.s0!.list).toEqual(['w0']);
  });

  it('R9 through umcg_kick', () => {
    const sc = new Scenario('pz-v2', ['s0', 'w0']).server('s0').worker('w0', 's0');
    sc.drain('s0');
    sc.store('s0', 's0', 'next_tid', tidOf('w0'));
    sc.wait('s0', 'future');
    sc.do({ op: 'expire', task: 's0' });
    expect(sc.task('w0').where).toBe('user');
    // Put PREEMPT in place while no tick can see it (the state without a spontaneous interrupt), then kick.
    const setPreempt = sc.all({
      op: 'store',
      task: 's0',
      target: 'w0',
      field: 'state',
      value: num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
    });
    expect(setPreempt).toHaveLength(2);
    sc.state = stepFirst(sc.state, {
      op: 'store',
      task: 's0',
      target: 'w0',
      field: 'state',
      value: num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
    }).state;
    sc.do({ op: 'kick', task: 's0', flags: 0, tid: tidOf('w0') });
    expect(sc.result('s0')).toBe('0');
    expect(sc.rules).toEqual(expect.arrayContaining(['kick.ipi', 'hook.resume.preempt']));
    expect(sc.task('w0')).toMatchObject({ where: 'asleep:interrupt', state: 'RUNNABLE' });
    expect(sc.task('s0').list).toEqual(['w0']);
  });

  it('R11: PREEMPT on a task that is not RUNNING kills it at its next return to user', () => {
    const sc = running();
    const value = num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT | UMCG_TF_PREEMPT);
    const outs = sc.all({ op: 'store', task: 'w0', target: 'w0', field: 'state', value });
    expect(outs.map((o) => o.killed).sort()).toEqual([false, true]);
    sc.state = stepFirst(sc.state, { op: 'store', task: 'w0', target: 'w0', field: 'state', value }).state;
    expect(sc.all({ op: 'signal', task: 'w0' }).every((o) => o.killed)).toBe(true);
  });

  it("the spontaneous interrupt may also land just before the task's own next action", () => {
    // The seen-in-CI case: a server stores RUNNABLE|PREEMPT|COND_WAIT into its own state and then calls umcg_wait.
    // A tick before the syscall runs the hook: PREEMPT on a task that is not RUNNING kills (R11).
    const sc = new Scenario('ref-6.1', ['s0']).server('s0');
    const value = num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT | UMCG_TF_PREEMPT);
    sc.state = stepFirst(sc.state, { op: 'store', task: 's0', target: 's0', field: 'state', value }).state;
    const outs = sc.all({ op: 'wait', task: 's0', flags: 0, timeout: 'none' });
    expect(outs.map((o) => (o.killed ? 'killed' : o.tasks.s0!.where)).sort()).toEqual([
      'asleep:umcg_wait',
      'killed',
    ]);
  });

  it('an action after an interrupt that put its task to sleep runs once the task is woken', () => {
    const sc = running();
    const value = num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT);
    sc.state = stepFirst(sc.state, { op: 'store', task: 'w0', target: 'w0', field: 'state', value }).state;
    // Without the interrupt the syscall's own return runs the hook; with it, the syscall has not started.
    const outs = sc.all({ op: 'syscall', task: 'w0', blocking: false });
    expect(outs.map((o) => o.tasks.w0!.where).sort()).toEqual(['asleep:interrupt', 'asleep:syscall']);
    const preempted = outs.find((o) => o.tasks.w0!.where === 'asleep:interrupt')!;
    expect(preempted.tasks.w0).toMatchObject({ state: 'RUNNABLE' });
    expect(preempted.tasks.s0!.list).toEqual(['w0']);
    expect(preempted.results.w0).toBeUndefined();
    // Switching to w0 lets it return to user mode; only then does its syscall run and return.
    sc.state = step(sc.state, { op: 'syscall', task: 'w0', blocking: false }).find(
      (o) => o.observation.tasks.w0!.where === 'asleep:interrupt',
    )!.state;
    sc.drain('s0');
    sc.switchTo('s0', 'w0');
    expect(sc.result('w0')).toBe('0');
    expect(sc.task('w0').where).toBe('user');
  });

  it('R12: RUNNABLE without COND_WAIT cannot return to user: a signal makes it wait', () => {
    const sc = running();
    const outs = sc.all({
      op: 'store',
      task: 'w0',
      target: 'w0',
      field: 'state',
      value: num(UMCG_TASK_RUNNABLE),
    });
    expect(outs.map((o) => o.tasks.w0!.where).sort()).toEqual(['asleep:interrupt', 'user']);
  });

  it('R12: a registered task whose state user space set to BLOCKED is killed when interrupted', () => {
    const sc = running();
    const outs = sc.all({
      op: 'store',
      task: 'w0',
      target: 'w0',
      field: 'state',
      value: num(UMCG_TASK_BLOCKED),
    });
    expect(outs.map((o) => o.killed).sort()).toEqual([false, true]);
  });
});
