import { readFileSync } from 'node:fs';
import { canonicalObservation, type StepObservation } from '@umcg/spec';
import { describe, expect, it } from 'vitest';
import { checkTrace } from '../../src/check/checkTrace.js';
import { specEngine } from '../../src/check/engine.js';
import { parseAtom } from '../../src/trace/expect.js';
import { parseTrace } from '../../src/trace/parse.js';
import type { Trace } from '../../src/trace/types.js';

const file = new URL('../../corpus/preempt-running-worker.trace', import.meta.url);
const trace = parseTrace(readFileSync(file, 'utf8'), file.pathname);
const marked = trace.steps.findIndex((s) => s.expect?.includes('no-interrupt'));
const engine = specEngine();

/** Observations along the canonical path, except at `at`, where `pick` chooses among every allowed outcome. */
function observations(
  t: Trace,
  at: number,
  pick: (all: ReturnType<typeof engine.step>) => ReturnType<typeof engine.step>[number],
): StepObservation[] {
  let st = engine.initialState({ profile: t.header.profile, tasks: t.header.tasks });
  return t.steps.map((s, i) => {
    const o = i === at ? pick(engine.step(st, s.action)) : engine.stepFirst(st, s.action);
    st = o.state;
    return o.observation;
  });
}

describe('no-interrupt steps', () => {
  it('parse as an atom and the corpus marks the PREEMPT CAS of preempt-running-worker', () => {
    expect(parseAtom('no-interrupt', () => true)).toEqual({ kind: 'no-interrupt' });
    expect(marked).toBeGreaterThan(0);
    expect(trace.steps[marked]!.action.op).toBe('cas');
  });

  it('the spec without spontaneous interrupts allows fewer outcomes at the marked step', () => {
    let st = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
    for (const s of trace.steps.slice(0, marked)) st = engine.stepFirst(st, s.action).state;
    const all = engine.step(st, trace.steps[marked]!.action);
    const quiet = engine.step(st, trace.steps[marked]!.action, { spontaneous: false });
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.length).toBeLessThan(all.length);
  });

  it('a run without an interrupt there is fully checked', () => {
    const v = checkTrace(
      trace,
      observations(trace, marked, (all) => all[0]!),
    );
    expect(v).toMatchObject({ kind: 'pass' });
    expect(v.kind === 'pass' && v.unchecked).toBeFalsy();
  });

  it('a run where a tick preempted the worker at the marked step is reported not checkable from there', () => {
    let st = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
    for (const s of trace.steps.slice(0, marked)) st = engine.stepFirst(st, s.action).state;
    const quiet = new Set(
      engine
        .step(st, trace.steps[marked]!.action, { spontaneous: false })
        .map((o) => canonicalObservation(o.observation)),
    );
    const obs = observations(
      trace,
      marked,
      (all) => all.find((o) => !quiet.has(canonicalObservation(o.observation)))!,
    );
    // The interrupt preempted w0 already: the worker is RUNNABLE on the server's list before the kick.
    expect(obs[marked]!.tasks.w0?.state).toBe('RUNNABLE');
    const v = checkTrace(trace, obs);
    expect(v.kind).toBe('pass');
    if (v.kind !== 'pass') return;
    expect(v.unchecked?.[0]?.step).toBe(marked);
    expect(v.unchecked?.[0]?.reason).toMatch(/no-interrupt/);
  });

  it('without the mark the same interrupted run passes silently (what the mark is for)', () => {
    const plain: Trace = {
      ...trace,
      steps: trace.steps.map((s) =>
        s.expect === undefined ? s : { ...s, expect: s.expect.filter((a) => a !== 'no-interrupt') },
      ),
    };
    let st = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
    for (const s of trace.steps.slice(0, marked)) st = engine.stepFirst(st, s.action).state;
    const quiet = new Set(
      engine
        .step(st, trace.steps[marked]!.action, { spontaneous: false })
        .map((o) => canonicalObservation(o.observation)),
    );
    const obs = observations(
      plain,
      marked,
      (all) => all.find((o) => !quiet.has(canonicalObservation(o.observation)))!,
    );
    const v = checkTrace(plain, obs);
    expect(v.kind).toBe('pass');
    if (v.kind !== 'pass') return;
    expect(v.unchecked).toBeUndefined();
  });
});
