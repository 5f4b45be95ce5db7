import { describe, expect, it } from 'vitest';
import {
  type Action,
  CLOCK_MONOTONIC,
  explore,
  garbage,
  type LitmusProgram,
  num,
  type ProfileId,
  type StepObservation,
  tidOf,
  UMCG_CTL_REGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  type UserAction,
  type Value,
} from '../src/index.js';

const store = (
  task: string,
  target: string,
  field: 'state' | 'next_tid' | 'server_tid',
  value: Value,
): UserAction => ({
  op: 'store',
  task,
  target,
  field,
  value,
});

function register(name: string, server: string, worker: boolean): Action[] {
  return [
    store(name, name, 'state', num(worker ? UMCG_TASK_BLOCKED : UMCG_TASK_RUNNING)),
    store(name, name, 'server_tid', tidOf(server)),
    {
      op: 'ctl',
      task: name,
      flags: UMCG_CTL_REGISTER | (worker ? UMCG_CTL_WORKER : 0),
      self: { kind: 'own' },
      clock: CLOCK_MONOTONIC,
    },
  ];
}

/** The server loop's switch to a worker (the prototype has no COND_WAIT: the kernel makes the server RUNNABLE). */
function switchTo(server: string, worker: string, condWait: boolean): Action[] {
  return [
    ...(condWait ? [store(server, server, 'state', num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT))] : []),
    { op: 'take', task: server, target: server },
    store(server, server, 'next_tid', tidOf(worker)),
    { op: 'wait', task: server, flags: 0, timeout: 'none' },
  ];
}

/**
 * The seed e-mail's race [PZ-seed] ([PZ-seed]): S0 runs A, S1 runs B. A switches to C, whose tid is garbage,
 * while B steals S0's runnable list, rewrites A's server_tid to S1 and switches to A.
 */
function seedRace(profile: ProfileId): LitmusProgram {
  const condWait = profile !== 'pz-proto';
  const yieldTo = (task: string, next: ReturnType<typeof tidOf>): UserAction[] => [
    ...(condWait ? [store(task, task, 'state', num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT))] : []),
    store(task, task, 'next_tid', next),
    { op: 'wait', task, flags: 0, timeout: 'none' },
  ];
  return {
    tasks: ['s0', 's1', 'a', 'b'].map((name) => ({ name })),
    prologue: [
      ...register('s0', 's0', false),
      ...register('s1', 's1', false),
      ...register('a', 's0', true),
      ...register('b', 's1', true),
      ...switchTo('s0', 'a', condWait),
      ...switchTo('s1', 'b', condWait),
    ],
    threads: {
      a: yieldTo('a', garbage),
      b: [
        { op: 'take', task: 'b', target: 's0' },
        store('b', 'a', 'server_tid', tidOf('s1')),
        ...yieldTo('b', tidOf('a')),
      ],
    },
  };
}

function outcomes(profile: ProfileId): StepObservation[] {
  const r = explore({ profile, tasks: seedRace(profile).tasks }, seedRace(profile));
  expect(r.complete).toBe(true);
  return [...r.outcomes.values()].map((o) => o.observation);
}

describe('the seed e-mail race [PZ-seed]: a failed switch to a garbage next_tid while the list is stolen', () => {
  it('pz-proto: the failed wake of C wakes S0 ("S0 re-evaluates life"), and B may end up running A', () => {
    const outs = outcomes('pz-proto');
    expect(outs.some((o) => o.tasks.s0!.where === 'user' && o.results.s0?.ret === '0')).toBe(true);
    expect(outs.some((o) => o.results.a?.ret === 'ESRCH' || o.tasks.a!.where !== 'user')).toBe(true);
    expect(outs.some((o) => o.tasks.a!.state === 'RUNNING' && o.tasks.a!.server_tid === 's1')).toBe(true);
  });

  it('pz-v2: the switch fails with ESRCH before A is enqueued; S0 is never woken; the stolen list is empty', () => {
    const outs = outcomes('pz-v2');
    expect(outs.length).toBeGreaterThan(1);
    for (const o of outs) {
      expect(o.killed).toBe(false);
      expect(o.tasks.s0!.where).toBe('asleep:umcg_wait');
      // A either failed its switch (ESRCH), or B made it RUNNING inside its COND_WAIT window (EAGAIN, W3).
      expect(['ESRCH', 'EAGAIN']).toContain(o.results.a?.ret);
      expect(o.tasks.a!.state).toBe('RUNNING');
    }
    expect(outs.some((o) => o.results.a?.ret === 'ESRCH' && o.tasks.a!.state === 'RUNNING')).toBe(true);
  });

  it('the two profiles allow different outcome sets', () => {
    const key = (o: StepObservation) => `${o.tasks.s0!.where}/${o.tasks.a!.state}/${o.results.a?.ret}`;
    const proto = new Set(outcomes('pz-proto').map(key));
    const v2 = new Set(outcomes('pz-v2').map(key));
    expect([...proto].some((k) => !v2.has(k))).toBe(true);
  });
});
