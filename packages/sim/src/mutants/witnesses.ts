/**
 * For every mutant, a short hand-written witness that shows it: a sequential trace whose observations differ from
 * the unmutated simulator's, or (for ordering mistakes only visible under concurrency) a litmus program with an
 * outcome the unmutated simulator never produces under any seed.
 * @module
 */
import {
  type Action,
  CLOCK_REALTIME,
  garbage,
  type LitmusProgram,
  num,
  tidOf,
  UMCG_CTL_REGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
  UMCG_TID_RUNNING,
  type UserAction,
} from '@umcg/spec/vocabulary';
import * as d from '../internal/dsl.js';
import type { MutantName } from './names.js';

/** A witness. */
export type Witness =
  | { readonly kind: 'trace'; readonly tasks: readonly string[]; readonly steps: readonly Action[] }
  | { readonly kind: 'litmus'; readonly program: LitmusProgram };

const T2 = ['s0', 'w0'] as const;
const trace = (steps: readonly Action[], tasks: readonly string[] = T2): Witness => ({
  kind: 'trace',
  tasks,
  steps,
});

/** s0 registered and running w0; s0 asleep in a timed wait. */
const RUN: readonly Action[] = [
  ...d.regServer('s0'),
  ...d.regWorker('w0', 's0'),
  d.condWait('s0'),
  d.take('s0'),
  d.next('s0', tidOf('w0')),
  d.wait('s0', 'future'),
];
/** As RUN, but s0's timer fired: both in user mode. */
const AWAKE: readonly Action[] = [...RUN, d.expire('s0')];
const regW = (w: string): UserAction => d.ctl(w, UMCG_CTL_REGISTER | UMCG_CTL_WORKER);
const yieldList = (w: string) => [d.condWait(w), d.wait(w)];

/** The witness of each mutant. */
export const WITNESSES: Readonly<Record<MutantName, Witness>> = {
  'cond-wait-not-cleared': trace(RUN),
  'preempt-not-cleared': trace([...AWAKE, ...d.preempt('s0', 'w0')]),
  'runnable-ts-not-written': trace([...d.regServer('s0'), ...d.regWorker('w0', 's0')]),
  'wake-any-state': trace([
    ...AWAKE,
    d.sys('w0', true),
    d.condWait('s0'),
    d.next('s0', tidOf('w0')),
    d.wait('s0'),
  ]),
  'eagain-not-swallowed': trace([...AWAKE, ...d.yieldW('w0')]),
  'push-not-atomic': {
    kind: 'litmus',
    program: {
      tasks: [{ name: 's0' }, { name: 'w0' }, { name: 'w1' }],
      prologue: [
        ...d.regServer('s0'),
        ...d.regWorker('w0', 's0'),
        ...d.regWorker('w1', 's0'),
        d.condWait('s0'),
        d.take('s0'),
        d.next('s0', tidOf('w0')),
        d.wait('s0', 'future'),
        d.expire('s0'),
        d.condWait('s0'),
        d.next('s0', tidOf('w1')),
        d.wait('s0', 'future'),
        d.expire('s0'),
      ],
      threads: { w0: yieldList('w0'), w1: yieldList('w1') },
    },
  },
  'push-before-runnable': {
    kind: 'litmus',
    program: {
      tasks: [{ name: 's0' }, { name: 'w0' }],
      prologue: [
        ...d.regServer('s0'),
        d.store('w0', 'w0', 'server_tid', tidOf('s0')),
        d.store('w0', 'w0', 'state', num(UMCG_TASK_BLOCKED)),
      ],
      threads: {
        w0: [regW('w0')],
        s0: [
          ...Array.from({ length: 6 }, () => d.sys('s0')),
          { op: 'take', task: 's0', target: 's0' },
          {
            op: 'cas',
            task: 's0',
            target: 'w0',
            field: 'state',
            expect: num(UMCG_TASK_RUNNABLE),
            value: num(UMCG_TASK_RUNNING),
          },
        ],
      },
    },
  },
  'server-woken-before-enqueue': {
    kind: 'litmus',
    program: {
      tasks: [{ name: 's0' }, { name: 'w0' }],
      prologue: RUN,
      threads: { w0: yieldList('w0'), s0: [{ op: 'take', task: 's0', target: 's0' }] },
    },
  },
  'tid-running-not-written': trace(RUN),
  'tid-running-ignored': trace([...AWAKE, d.condWait('s0'), d.wait('s0', 'future')]),
  'next-woken-on-block': trace(
    [
      ...d.regServer('s0'),
      ...d.regWorker('w0', 's0'),
      ...d.regWorker('w1', 's0'),
      ...d.switchTo('s0', 'w0'),
      d.next('w0', tidOf('w1')),
      d.sys('w0', true),
    ],
    ['s0', 'w0', 'w1'],
  ),
  'seed-race-no-fallback': trace([
    ...d.regServer('s0'),
    ...d.regWorker('w0', 's0'),
    d.take('s0'),
    d.next('s0', tidOf('w0')),
    d.wait('s0'),
    d.next('w0', garbage),
    d.sys('w0', true),
  ]),
  'enqueue-before-next-wake': trace([...AWAKE, d.condWait('w0'), d.next('w0', garbage), d.wait('w0')]),
  'wait-no-revert': trace([...AWAKE, d.condWait('s0'), d.next('s0', garbage), d.wait('s0')]),
  'erange-after-cas': trace([...AWAKE, d.condWait('w0'), d.wait('w0', 'future')]),
  'signal-eintr-returned': trace([...AWAKE, ...d.yieldW('w0'), d.signal('w0'), ...d.switchTo('s0', 'w0')]),
  'past-timeout-ignored': trace([...d.regServer('s0'), d.condWait('s0'), d.wait('s0', 'past')]),
  'timedout-no-revert': trace([...d.regServer('s0'), d.condWait('s0'), d.wait('s0', 'past')]),
  'timeout-lost-after-signal': trace([
    ...d.regServer('s0'),
    d.condWait('s0'),
    d.wait('s0', 'future'),
    d.signal('s0'),
    d.expire('s0'),
  ]),
  'block-from-runnable-kills': trace([...RUN, d.condWait('w0'), d.sys('w0', true)]),
  'block-no-server-wake': trace([...RUN, d.sys('w0', true)]),
  'preempt-no-server-wake': trace(
    [...d.regServer('s1'), ...RUN.slice(0, -1), d.wait('s0'), ...d.preempt('s1', 'w0')],
    ['s0', 's1', 'w0'],
  ),
  'sys-exit-keeps-pin': trace([...RUN, d.sys('w0'), d.sys('w0')]),
  'resume-ignores-cond-wait': trace([...RUN, d.condWait('w0'), d.signal('w0')]),
  'preempt-non-running-not-killed': trace([
    ...RUN,
    d.store('w0', 'w0', 'state', num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT | UMCG_TF_PREEMPT)),
    d.sys('w0'),
  ]),
  'register-checks-reordered': trace([d.ctl('s0', UMCG_CTL_REGISTER)]),
  'reserved-unchecked': trace([d.store('s0', 's0', 'zero1', num(1)), ...d.regServer('s0')]),
  'server-register-any-tid': trace([
    d.store('s0', 's0', 'server_tid', tidOf('w0')),
    d.store('s0', 's0', 'state', num(UMCG_TASK_RUNNING)),
    d.ctl('s0', UMCG_CTL_REGISTER),
  ]),
  'worker-register-accepts-worker': trace([...RUN, ...d.regWorker('w1', 'w0')], ['s0', 'w0', 'w1']),
  'unregister-state-unchecked': trace([...RUN, d.condWait('w0'), d.unregister('w0', true)]),
  'unregister-no-server-wake': trace([...RUN, d.unregister('w0', true)]),
  'pin-leaked-on-failed-unregister': trace([...RUN, d.condWait('w0'), d.unregister('w0', true), d.sys('w0')]),
  'kick-flags-first': trace([...d.regServer('s0'), d.kick('s0', garbage, 1)]),
  'wake-before-running-cas': {
    kind: 'litmus',
    program: { tasks: [{ name: 's0' }, { name: 'w0' }], prologue: RUN, threads: { w0: yieldList('w0') } },
  },
  'kick-tid-unmasked': trace([
    ...AWAKE,
    d.cas('s0', 'w0', 'state', num(UMCG_TASK_RUNNING), num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT)),
    d.kick('s0', tidOf('w0', UMCG_TID_RUNNING)),
  ]),
  'unregister-keeps-worker-marker': trace([
    ...RUN,
    d.unregister('w0', true),
    ...d.regServer('w0'),
    d.sys('w0', true),
  ]),
  'followups-kick-no-ipi': trace([...AWAKE, ...d.preempt('s0', 'w0')]),
  'timestamp-wrong-clock': trace([
    ...d.regServer('s0'),
    d.store('w0', 'w0', 'server_tid', tidOf('s0')),
    d.store('w0', 'w0', 'state', num(UMCG_TASK_BLOCKED)),
    d.ctl('w0', UMCG_CTL_REGISTER | UMCG_CTL_WORKER, 'own', CLOCK_REALTIME),
  ]),
};
