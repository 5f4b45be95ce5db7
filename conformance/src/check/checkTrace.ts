/**
 * The checker: observed vs allowed, step by step. It follows the spec's canonical outcome (`stepFirst`) while the
 * observations match it; on the first mismatch it recomputes, from the start, the exact set of spec states
 * consistent with every observation so far (`step`), and continues with that set, so the verdict is exact.
 * @module
 */
import type { RuleId, StepObservation } from '@umcg/spec';
import { canonicalObservation } from '@umcg/spec';
import type { ExpectAtom } from '../trace/expect.js';
import { alternativesOf, parseAtom, unmetAlternatives } from '../trace/expect.js';
import type { Trace } from '../trace/types.js';
import type { CheckEngine, KeyedState } from './engine.js';
import { specEngine } from './engine.js';
import {
  closestObservation,
  describeStep,
  explainExpectation,
  explainForbidden,
  rankRules,
} from './explain.js';
import type { CheckTrace, UncheckedStep, Verdict } from './types.js';

/** Options of the checker. */
export interface CheckOptions {
  /** Most spec states tracked at once in exact mode before the verdict becomes `unknown` (default 20000). */
  readonly maxStates?: number;
}

type Step = (i: number, obs: StepObservation) => Verdict | undefined;

/** Creates a checker over an engine (the real one by default). */
export function createChecker<S extends KeyedState>(
  engine: CheckEngine<S>,
  options: CheckOptions = {},
): CheckTrace {
  const maxStates = options.maxStates ?? 20_000;
  return (trace: Trace, observations: readonly StepObservation[]): Verdict => {
    const { steps } = trace;
    if (observations.length > steps.length)
      return {
        kind: 'error',
        reason: `the target reported ${observations.length} observations for ${steps.length} steps`,
      };
    const names = new Set(trace.header.tasks.map((t) => t.name));
    let atoms: ExpectAtom[][][];
    try {
      atoms = steps.map((s) =>
        alternativesOf(s).map((alt) =>
          alt.map((a) => parseAtom(a, (n) => names.has(n), trace.header.name, s.line ?? 0)),
        ),
      );
    } catch (e) {
      return { kind: 'error', reason: (e as Error).message };
    }
    const init = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
    const rules = new Set<RuleId>();
    const quiet = atoms.map((a) => a.some((alt) => alt.some((x) => x.kind === 'no-interrupt')));
    /** First step from which expectations are not checked (a `no-interrupt` step that took an interrupt). */
    let unchecked: UncheckedStep | undefined;
    const expectationFailure: Step = (i, obs) => {
      if (unchecked !== undefined && i >= unchecked.step) return undefined;
      const step = steps[i]!;
      const previous = i === 0 ? engine.observe(init) : observations[i - 1]!;
      const unmet = unmetAlternatives(atoms[i] ?? [], step.action, obs, previous);
      if (unmet.length === 0) return undefined;
      const failure = {
        step: i,
        observed: obs,
        allowed: [obs],
        rules: [],
        explanation: explainExpectation(i, step, unmet),
        previous,
        cause: 'expectation' as const,
      };
      return { kind: 'fail', failure, rules: [...rules] };
    };
    const done = (): Verdict => {
      const m = observations.length;
      if (m < steps.length && !(m > 0 && observations[m - 1]!.killed))
        return { kind: 'unknown', reason: `the target reported ${m} of ${steps.length} steps` };
      return unchecked === undefined
        ? { kind: 'pass', steps: m, rules: [...rules] }
        : { kind: 'pass', steps: m, rules: [...rules], unchecked: [unchecked] };
    };

    // Fast path: follow the canonical outcome while it matches.
    let cur = init;
    let i = 0;
    for (; i < observations.length; i++) {
      const obs = observations[i]!;
      const action = steps[i]!.action;
      if (engine.whyNotEnabled(cur, action) !== undefined) {
        if (obs.killed && engine.observe(cur).killed) continue;
        break;
      }
      const o = engine.stepFirst(cur, action);
      if (canonicalObservation(o.observation) !== canonicalObservation(obs)) break;
      const e = expectationFailure(i, obs);
      if (e !== undefined) return e;
      for (const r of o.rules) rules.add(r);
      cur = o.state;
    }
    if (i === observations.length) return done();

    // Exact path: recompute the consistent set from the start.
    rules.clear();
    let set: S[] = [init];
    for (let j = 0; j < observations.length; j++) {
      const obs = observations[j]!;
      const step = steps[j]!;
      const enabled = set.filter((s) => engine.whyNotEnabled(s, step.action) === undefined);
      if (enabled.length === 0) {
        if (obs.killed && set.every((s) => engine.observe(s).killed)) continue;
        const why = engine.whyNotEnabled(set[0]!, step.action) ?? '';
        return {
          kind: 'error',
          reason: `ill-formed trace: ${describeStep(j, step)} cannot be taken after the observed prefix: ${why}`,
        };
      }
      const key = canonicalObservation(obs);
      const allowed = new Map<string, StepObservation>();
      const stepRules = new Set<RuleId>();
      const next = new Map<string, S>();
      const matchRules = new Set<RuleId>();
      for (const s of enabled) {
        for (const o of engine.step(s, step.action)) {
          const k = canonicalObservation(o.observation);
          allowed.set(k, o.observation);
          for (const r of o.rules) stepRules.add(r);
          if (k !== key) continue;
          next.set(o.state.key(), o.state);
          for (const r of o.rules) matchRules.add(r);
        }
      }
      if (next.size === 0) {
        const all = [...allowed.values()];
        const closest = closestObservation(all, obs);
        const ruleList = rankRules([...stepRules], step);
        const previous = j === 0 ? engine.observe(init) : observations[j - 1]!;
        const explanation = explainForbidden(j, step, obs, all, closest, ruleList);
        const failure = {
          step: j,
          observed: obs,
          allowed: all,
          rules: ruleList,
          explanation,
          previous,
          cause: 'forbidden' as const,
        };
        return {
          kind: 'fail',
          failure: closest === undefined ? failure : { ...failure, closest },
          rules: [...rules],
        };
      }
      // A `no-interrupt` step: does some outcome without a spontaneous interrupt explain the observation?
      if (
        quiet[j] &&
        unchecked === undefined &&
        !enabled.some((s) =>
          engine
            .step(s, step.action, { spontaneous: false })
            .some((o) => canonicalObservation(o.observation) === key),
        )
      )
        unchecked = {
          step: j,
          reason: `${describeStep(j, step)} is marked no-interrupt, but the observation needs a spontaneous interrupt there: its expectations and the later ones are not checkable on this run`,
        };
      const e = expectationFailure(j, obs);
      if (e !== undefined) return e;
      for (const r of matchRules) rules.add(r);
      if (next.size > maxStates)
        return {
          kind: 'unknown',
          reason: `more than ${maxStates} spec states consistent with the observations at step ${j + 1}`,
        };
      set = [...next.values()];
    }
    return done();
  };
}

let defaultChecker: CheckTrace | undefined;

/** The checker over the real spec engine of `@umcg/spec`. */
export const checkTrace: CheckTrace = (trace, observations) => {
  defaultChecker ??= createChecker(specEngine());
  return defaultChecker(trace, observations);
};
