/**
 * The executor on the host (no UMCG needed): its parser, its refusals, the kill path, and agreement with the spec
 * on traces made only of user-memory operations and ordinary syscalls of unregistered tasks.
 */
import { fc, test } from '@fast-check/vitest';
import type { Trace } from '@umcg/conformance';
import type { Action, Field, Value } from '@umcg/spec/vocabulary';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../src/index.js';
import { addonExecutor, binaryExecutor, findBinary, native, probeNative } from '../src/index.js';
import { encodeTrace, parseResponseLine, toTraceRun } from '../src/wire/index.js';
import { checkTrace } from './helpers.js';

const bin = findBinary();
const executors: Executor[] = [];
if (bin !== undefined) executors.push(binaryExecutor(bin));
const addon = addonExecutor();
if (addon !== undefined) executors.push(addon);
if (executors.length === 0) {
  const why = 'no executor built: run `pnpm --filter @umcg/native run build`';
  if (process.env.CI) throw new Error(why);
  console.warn(`SKIPPING executor tests: ${why}`);
}

const TASKS = ['s0', 'w0', 'w1'] as const;
const FIELDS: Field[] = ['state', 'next_tid', 'server_tid', 'runnable_workers_ptr', 'zero0'];
const task = fc.constantFrom(...TASKS);
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(0, 1, 2, 0x202, 0x10003).map((v) => ({ kind: 'num', value: v }) as Value),
  task.map((t) => ({ kind: 'tid', task: t, bits: 0 }) as Value),
  task.map((t) => ({ kind: 'addr', task: t }) as Value),
  fc.constant({ kind: 'garbage' } as Value),
);
const U64: Field[] = ['runnable_workers_ptr'];
const TIDS: Field[] = ['next_tid', 'server_tid'];
/**
 * A field and a value of its kind: tids only into tid words, struct addresses only into pointer words (a tid or an
 * address in another word renders as a raw, target-specific number).
 */
const fieldValue = fc
  .constantFrom(...FIELDS)
  .chain((field) =>
    value
      .filter((v) =>
        v.kind === 'addr'
          ? U64.includes(field)
          : v.kind === 'tid' || v.kind === 'garbage'
            ? TIDS.includes(field)
            : true,
      )
      .map((v) => ({ field, v })),
  );
const userOp: fc.Arbitrary<Action> = fc.oneof(
  fc
    .record({ task, target: task, fv: fieldValue })
    .map(({ task, target, fv }) => ({ op: 'store' as const, task, target, field: fv.field, value: fv.v })),
  fc.record({ task, target: task, fv: fieldValue, expect: value }).map(({ task, target, fv, expect }) => ({
    op: 'cas' as const,
    task,
    target,
    field: fv.field,
    expect: expect.kind === fv.v.kind ? expect : fv.v,
    value: fv.v,
  })),
  fc.record({ op: fc.constant('take' as const), task, target: task }),
  fc.record({ op: fc.constant('syscall' as const), task, blocking: fc.constant(false) }),
);

function traceOf(actions: readonly Action[]): Trace {
  return {
    header: {
      version: 1,
      name: 'host-prop',
      profile: 'pz-v2',
      tasks: TASKS.map((name) => ({ name })),
      requires: [],
      rules: [],
      sources: [],
      description: '',
    },
    steps: actions.map((action) => ({ action })),
  };
}

async function run(exec: Executor, lines: readonly string[]): Promise<ReturnType<typeof parseResponseLine>> {
  const out = await exec.runLines(`config timeout_ms=2000\n${lines.join('\n')}\n`);
  return parseResponseLine(out.trim().split('\n').pop() ?? '');
}

describe.skipIf(executors.length === 0).each(executors.map((e) => [e.kind, e] as const))(
  'executor (%s) on the host',
  (_kind, exec) => {
    it('rejects malformed requests without running them', async () => {
      const r = await run(exec, ['trace bad 1 a', 'step frobnicate a', 'end']);
      expect(r.status).toBe('crashed');
      expect(r.detail).toMatch(/bad request: unknown op 'frobnicate'/);
      const r2 = await run(exec, ['trace bad2 1 a', 'step store a target=zz field=state value=num:1', 'end']);
      expect(r2.detail).toMatch(/bad value for target/);
    });

    it('runs a litmus program with skew lines and reports where the time went', async () => {
      const r = await run(exec, [
        'litmus l 2 a b',
        'pro store a target=a field=state value=num:1',
        'thr a store target=a field=state value=num:2',
        'thr b store target=b field=state value=num:3',
        'skew a delay=1000 cpu=0',
        'skew b delay=0 cpu=-1',
        'end',
      ]);
      expect(r.status).toBe('completed');
      expect(r.steps?.[0]?.tasks?.a?.words.state).toBe(2);
      expect(r.steps?.[0]?.tasks?.b?.words.state).toBe(3);
      const t = r.timing!;
      expect(t.samples).toBeGreaterThanOrEqual(3);
      expect(t.child).toBeGreaterThanOrEqual(t.setup + t.sample + t.period);
      const bad = await run(exec, ['litmus l2 1 a', 'skew zz delay=1 cpu=0', 'end']);
      expect(bad.detail).toMatch(/bad request: skew/);
    });

    it('reports blocking faults as unsupported', async () => {
      const r = await run(exec, ['trace f 1 a', 'step fault a blocking=1', 'end']);
      expect(r.status).toBe('unsupported');
      expect(r.detail).toMatch(/blocking-faults/);
    });

    it('reports a process killed by a user access to an unmapped struct', async () => {
      const r = toTraceRun(
        await run(exec, [
          'trace k 1 a',
          'step unmap a',
          'step store a target=a field=state value=num:1',
          'step take a target=a',
          'end',
        ]),
      );
      expect(r.status).toBe('completed');
      expect(r.observations.map((o) => o.killed)).toEqual([false, true]);
    });

    it('runs an unregistered blocking syscall, a signal (EINTR) and a completion like the spec', async () => {
      const t = traceOf([
        { op: 'syscall', task: 'w0', blocking: true },
        { op: 'signal', task: 'w0' },
        { op: 'syscall', task: 'w0', blocking: true },
        { op: 'complete', task: 'w0' },
        { op: 'fault', task: 's0', blocking: false },
        { op: 'exit', task: 'w1' },
      ]);
      const r = toTraceRun(
        await run(
          exec,
          encodeTrace(
            'env',
            t.header.tasks,
            t.steps.map((s) => s.action),
          ),
        ),
      );
      expect(r.status).toBe('completed');
      expect(r.observations.map((o) => o.tasks.w0?.where)).toEqual([
        'asleep:syscall',
        'user',
        'asleep:syscall',
        'user',
        'user',
        'user',
      ]);
      expect(r.observations[1]?.results.w0).toEqual({ call: 'syscall', ret: 'EINTR' });
      expect(r.observations[1]?.tasks.w0?.signals).toBe(1);
      expect(r.observations[5]?.tasks.w1?.where).toBe('exited');
      expect(checkTrace(t, r.observations).kind).toBe('pass');
    });

    test.prop([fc.array(userOp, { minLength: 1, maxLength: 10 })], { numRuns: 12 })(
      'user-memory operations agree with the spec (checked by the conformance checker)',
      async (actions) => {
        const t = traceOf(actions);
        const r = toTraceRun(await run(exec, encodeTrace('prop', t.header.tasks, actions)));
        expect(r.status).toBe('completed');
        const v = checkTrace(t, r.observations);
        expect(v.kind, JSON.stringify(v).slice(0, 2000)).toBe('pass');
      },
    );
  },
);

describe('native adapter on this host', () => {
  it('probes: unsupported unless the running kernel has UMCG, with the fix', async () => {
    const p = await native.probe();
    const q = await probeNative();
    if (q.raw?.status === 'completed') {
      expect(p.ok).toBe(true);
      return;
    }
    expect(p.ok).toBe(false);
    expect(p.reason).toMatch(/no UMCG|no executor/);
    if (executors.length > 0) expect(p.details.join('\n')).toMatch(/--target=qemu/);
  });
});
