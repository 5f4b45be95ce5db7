/** fast-check arbitraries of traces for the format tests (independent of the generator under `src/generate`). */

import type { Action, SelfArg, Value } from '@umcg/spec';
import { FIELDS } from '@umcg/spec';
import fc from 'fast-check';
import { FEATURE_NAMES } from '../../src/trace/features.js';
import type { Trace, TraceStep } from '../../src/trace/types.js';

const NAMES = ['s0', 'w0', 'w1', 'task_2'];

const value = (tasks: string[]): fc.Arbitrary<Value> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('num' as const),
      value: fc.oneof(fc.nat(0x1ffff), fc.constantFrom(0x202, 0x80000000, 2 ** 40)),
    }),
    fc.record({
      kind: fc.constant('tid' as const),
      task: fc.constantFrom(...tasks),
      bits: fc.constantFrom(0, 0x80000000, 0x40000000),
    }),
    fc.record({ kind: fc.constant('addr' as const), task: fc.constantFrom(...tasks) }),
    fc.constant({ kind: 'garbage' as const }),
  );

const action = (tasks: string[]): fc.Arbitrary<Action> => {
  const task = fc.constantFrom(...tasks);
  const field = fc.constantFrom(...FIELDS);
  const self: fc.Arbitrary<SelfArg> = fc.oneof(
    fc.constantFrom<SelfArg>({ kind: 'own' }, { kind: 'null' }, { kind: 'misaligned' }),
    task.map((t): SelfArg => ({ kind: 'of', task: t })),
  );
  return fc.oneof(
    fc.record({ op: fc.constant('store' as const), task, target: task, field, value: value(tasks) }),
    fc.record({
      op: fc.constant('cas' as const),
      task,
      target: task,
      field,
      expect: value(tasks),
      value: value(tasks),
    }),
    fc.record({ op: fc.constant('take' as const), task, target: task }),
    fc.record({
      op: fc.constant('ctl' as const),
      task,
      flags: fc.constantFrom(1, 2, 0x10001, 0x10002, 0, 3, 0x20001, 0x101),
      self,
      clock: fc.constantFrom(0, 1, 7, 11, 5),
    }),
    fc.record({
      op: fc.constant('wait' as const),
      task,
      flags: fc.constantFrom(0, 1, 6),
      timeout: fc.constantFrom('none' as const, 'past' as const, 'future' as const),
    }),
    fc.record({ op: fc.constant('kick' as const), task, flags: fc.constantFrom(0, 1), tid: value(tasks) }),
    fc.record({ op: fc.constantFrom('syscall' as const, 'fault' as const), task, blocking: fc.boolean() }),
    fc.record({ op: fc.constant('exit' as const), task }),
    fc.record({
      op: fc.constantFrom('complete' as const, 'signal' as const, 'expire' as const, 'unmap' as const),
      task,
    }),
  );
};

const expectAtoms = (tasks: string[]): fc.Arbitrary<string[] | undefined> =>
  fc.option(
    fc.array(
      fc.oneof(
        fc.constantFrom('EAGAIN', '0', 'ok', 'fail', 'pending', '[w1,w0]', 'killed', '[]'),
        fc.constantFrom(...tasks).map((t) => `${t} asleep:umcg_wait`),
        fc.constantFrom(...tasks).map((t) => `${t}=ETIMEDOUT`),
        fc.constantFrom(...tasks).map((t) => `${t}.state=RUNNABLE|COND_WAIT`),
        fc
          .tuple(
            fc.constantFrom(...tasks),
            fc.constantFrom('runnable_ts', 'blocked_ts'),
            fc.constantFrom('moved', 'same'),
          )
          .map(([t, f, v]) => `${t}.${f}=${v}`),
        fc
          .tuple(fc.constantFrom(...tasks), fc.constantFrom('rwp', 'list', 'state', 'next_tid'))
          .map(([t, f]) => `${t}.${f}=unchanged`),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    { nil: undefined },
  );

/** A step's annotation: none, plain atoms, or two or three alternatives (`# one of: ... | ...`). */
const annotation = (tasks: string[]): fc.Arbitrary<Pick<TraceStep, 'expect' | 'oneOf'>> =>
  fc.oneof(
    expectAtoms(tasks).map((e) => (e === undefined ? {} : { expect: e })),
    fc
      .array(expectAtoms(tasks), { minLength: 2, maxLength: 3 })
      .map((alts) => ({ oneOf: alts.map((a) => a ?? ['0']) })),
  );

/** Arbitrary traces over 1-4 tasks. */
export const traceArb: fc.Arbitrary<Trace> = fc.integer({ min: 1, max: NAMES.length }).chain((n) => {
  const tasks = NAMES.slice(0, n);
  const step = fc.tuple(action(tasks), annotation(tasks)).map(([a, e]): TraceStep => ({ action: a, ...e }));
  return fc.record({
    header: fc.record({
      version: fc.constant(1 as const),
      name: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
      profile: fc.constantFrom('pz-v2' as const, 'pz-v1' as const, 'ref-6.1' as const),
      tasks: fc.tuple(
        ...tasks.map((t) =>
          fc.boolean().map((s) => (s ? { name: t, memory: 'shmem' as const } : { name: t })),
        ),
      ),
      requires: fc.subarray([...FEATURE_NAMES]),
      rules: fc.subarray(['state.wake', 'list.push', 'pin.self'] as never[]),
      sources: fc.subarray(['[PZ-v2] 5/5 sys_umcg_wait()', '[PZ-seed]']),
      description: fc.stringMatching(/^[A-Za-z0-9 ,.()]{0,40}$/).map((s) => s.trim()),
    }),
    steps: fc.array(step, { maxLength: 12 }),
  });
});
