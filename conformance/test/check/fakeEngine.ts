/**
 * A tiny nondeterministic engine for checker tests: `wait` may return 0 (state RUNNING) or EAGAIN (state
 * RUNNABLE), `exit` kills the process, `store` writes the state word; everything else is a no-op.
 */
import type { Action, RuleId, StepObservation, TaskObservation } from '@umcg/spec';
import type { CheckEngine, EngineOutcome, KeyedState } from '../../src/check/engine.js';

export interface FakeState extends KeyedState {
  readonly states: Readonly<Record<string, string>>;
  readonly killed: boolean;
  readonly ret: Readonly<Record<string, string>>;
}

const mk = (
  states: Record<string, string>,
  killed: boolean,
  ret: Record<string, string> = {},
): FakeState => ({
  states,
  killed,
  ret,
  key: () => `${killed}|${JSON.stringify(states)}`,
});

const task = (state: string): TaskObservation => ({
  where: 'user',
  state,
  next_tid: '0',
  server_tid: '0',
  rwp: '0',
  list: [],
  reserved: '0 0,0,0',
  blocked_ts_moved: false,
  runnable_ts_moved: false,
  signals: 0,
});

export function fakeObs(
  states: Record<string, string>,
  ret: Record<string, string> = {},
  killed = false,
): StepObservation {
  if (killed) return { killed: true, tasks: {}, results: {} };
  const tasks: Record<string, TaskObservation> = {};
  for (const [n, s] of Object.entries(states)) tasks[n] = task(s);
  const results: Record<string, { call: string; ret: string }> = {};
  for (const [n, r] of Object.entries(ret)) results[n] = { call: 'umcg_wait', ret: r };
  return { killed: false, tasks, results };
}

const out = (s: FakeState, rules: RuleId[]): EngineOutcome<FakeState> => ({
  state: s,
  observation: fakeObs(s.states, s.ret, s.killed),
  rules,
});

export const fakeEngine: CheckEngine<FakeState> & { stepCalls: number } = {
  stepCalls: 0,
  initialState: (c) => mk(Object.fromEntries(c.tasks.map((t) => [t.name, 'NONE'])), false),
  whyNotEnabled: (s) => (s.killed ? 'the process was killed' : undefined),
  observe: (s) => fakeObs(s.states, {}, s.killed),
  explore: () => ({ outcomes: new Map(), states: 0, complete: true }),
  stepFirst(s, a) {
    return fakeEngine.step(s, a)[0]!;
  },
  step(s: FakeState, a: Action) {
    fakeEngine.stepCalls++;
    if (a.op === 'wait')
      return [
        out(mk({ ...s.states, [a.task]: 'RUNNING' }, false, { [a.task]: '0' }), ['wait.sleep' as RuleId]),
        out(mk({ ...s.states, [a.task]: 'RUNNABLE' }, false, { [a.task]: 'EAGAIN' }), [
          'state.update.from-mismatch',
        ]),
      ];
    if (a.op === 'exit') return [out(mk(s.states, true), ['task.exit' as RuleId])];
    if (a.op === 'store' && a.value.kind === 'num')
      return [out(mk({ ...s.states, [a.target]: a.value.value === 1 ? 'RUNNING' : 'RUNNABLE' }, false), [])];
    return [out(mk(s.states, false), [])];
  },
};
