/**
 * `pnpm bench:spec`: sequential micro-steps per second (canonical interleaving), full outcome sets per second,
 * and the time to enumerate every outcome of small concurrent programs.
 */
import {
  type Action,
  CLOCK_MONOTONIC,
  counters,
  enabledActions,
  explore,
  initialState,
  type LitmusProgram,
  num,
  type SpecState,
  step,
  stepFirst,
  tidOf,
  UMCG_CTL_REGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
} from '../src/index.js';

// `--help` prints this and exits before anything runs.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`usage: pnpm bench:spec
  Sequential micro-steps/s (canonical interleaving), full outcome sets/s, and the time to enumerate every
  outcome of small concurrent programs.`);
  process.exit(0);
}

const tasks = ['s0', 's1', 'w0', 'w1', 'w2'].map((name) => ({ name }));

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function randomWalk(next: () => number, steps: number, full: boolean): number {
  let s: SpecState = initialState({ profile: 'pz-v2', tasks });
  let n = 0;
  for (let i = 0; i < steps; i++) {
    const all = enabledActions(s);
    if (all.length === 0) break;
    const a = all[Math.floor(next() * all.length)]!;
    if (full) {
      const outs = step(s, a);
      s = outs[Math.floor(next() * outs.length)]!.state;
    } else s = stepFirst(s, a).state;
    n++;
  }
  return n;
}

function measure(label: string, full: boolean, seconds: number): void {
  const next = rng(42);
  const t0 = performance.now();
  const c0 = counters.executed;
  let steps = 0;
  let traces = 0;
  while (performance.now() - t0 < seconds * 1000) {
    steps += randomWalk(next, 30, full);
    traces++;
  }
  const dt = (performance.now() - t0) / 1000;
  const micro = counters.executed - c0;
  console.log(
    `${label.padEnd(34)} ${(micro / dt).toFixed(0).padStart(9)} micro-steps/s  ${(steps / dt).toFixed(0).padStart(7)} steps/s  ${(traces / dt).toFixed(0).padStart(6)} traces/s (30 steps)`,
  );
}

const reg = (name: string, server: string, worker: boolean): Action[] => [
  {
    op: 'store',
    task: name,
    target: name,
    field: 'state',
    value: num(worker ? UMCG_TASK_BLOCKED : UMCG_TASK_RUNNING),
  },
  { op: 'store', task: name, target: name, field: 'server_tid', value: tidOf(server) },
  {
    op: 'ctl',
    task: name,
    flags: UMCG_CTL_REGISTER | (worker ? UMCG_CTL_WORKER : 0),
    self: { kind: 'own' },
    clock: CLOCK_MONOTONIC,
  },
];
const cond = num(UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT);

/** 3 tasks: s0 runs w0 (timed wait expired); w1 queued. Concurrently: s0 preempts w0 and kicks it, w0 yields to w1, w1... */
const threeTask: LitmusProgram = {
  tasks: ['s0', 'w0', 'w1'].map((name) => ({ name })),
  prologue: [
    ...reg('s0', 's0', false),
    ...reg('w0', 's0', true),
    ...reg('w1', 's0', true),
    { op: 'store', task: 's0', target: 's0', field: 'state', value: cond },
    { op: 'take', task: 's0', target: 's0' },
    { op: 'store', task: 's0', target: 's0', field: 'next_tid', value: tidOf('w0') },
    { op: 'wait', task: 's0', flags: 0, timeout: 'future' },
    { op: 'expire', task: 's0' },
  ],
  threads: {
    s0: [
      {
        op: 'cas',
        task: 's0',
        target: 'w0',
        field: 'state',
        expect: num(UMCG_TASK_RUNNING),
        value: num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
      },
      { op: 'kick', task: 's0', flags: 0, tid: tidOf('w0') },
      { op: 'store', task: 's0', target: 's0', field: 'state', value: cond },
      { op: 'take', task: 's0', target: 's0' },
      { op: 'wait', task: 's0', flags: 0, timeout: 'none' },
    ],
    w0: [
      { op: 'store', task: 'w0', target: 'w0', field: 'state', value: cond },
      { op: 'store', task: 'w0', target: 'w0', field: 'next_tid', value: tidOf('w1') },
      { op: 'wait', task: 'w0', flags: 0, timeout: 'none' },
    ],
    w1: [{ op: 'syscall', task: 'w1', blocking: false }],
  },
};

console.log('spec benchmark (one core, pz-v2, 2 servers + 3 workers, random enabled actions)');
measure('sequential (stepFirst)', false, 3);
measure('all outcomes (step)', true, 3);
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = explore({ profile: 'pz-v2', tasks: threeTask.tasks }, threeTask);
  const ms = performance.now() - t0;
  console.log(
    `3-task litmus (preempt+kick vs yield-to-w1): ${r.outcomes.size} outcomes, ${r.states} states, ${ms.toFixed(0)} ms${r.complete ? '' : ' (budget hit)'}`,
  );
}
