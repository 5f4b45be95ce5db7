/**
 * A trace's annotations against the spec's whole outcome set, as herd7 judges a litmus condition but per step:
 * every allowed path of the trace is followed (spec states deduplicated by key) and the `# ...` annotations are
 * **allowed** (some path satisfies them all), **required** (every path does, at every annotated step) or
 * **forbidden** (no path does: the first step where none can, with the closest allowed outcome). A trace that no
 * allowed path can take to its end is **ill-formed** (a step of a task that is asleep on every path, an expiry
 * with no timed wait). The same search tells the runner whether a trace is well-formed before any target runs it.
 * @module
 */
import type { Action, StepObservation } from '@umcg/spec';
import type { ExpectAtom } from '../trace/expect.js';
import { alternativesOf, parseAtom, unmetAlternatives } from '../trace/expect.js';
import type { Trace } from '../trace/types.js';
import type { CheckEngine, EngineOutcome, KeyedState } from './engine.js';
import { describeStep } from './explain.js';

/** What the annotations of a trace are under the spec. */
export type AnnotationKind = 'required' | 'allowed' | 'forbidden' | 'ill-formed' | 'unknown';

/** The answer of `judgeAnnotations`. */
export interface AnnotationVerdict {
  /** The verdict. */
  readonly kind: AnnotationKind;
  /** 0-based step: where the annotations became forbidden, the trace ill-formed, or (allowed) not required. */
  readonly step?: number;
  /** One line: why (with `file:line` for ill-formed and forbidden traces). */
  readonly reason: string;
  /** Forbidden: the allowed outcome closest to the annotation at `step`, and what of the annotation it misses. */
  readonly closest?: { readonly observation: StepObservation; readonly unmet: readonly string[] };
  /** Distinct spec states visited. */
  readonly states: number;
}

/** Options of the search. */
export interface PathOptions {
  /** Most spec states kept at one step before the answer is `unknown` (default 50000). */
  readonly maxStates?: number;
  /** The file named in messages (default: the trace's name). */
  readonly file?: string;
}

/** Judges the annotations of `trace` over every allowed path (see the module doc). */
export function judgeAnnotations<S extends KeyedState>(
  engine: CheckEngine<S>,
  trace: Trace,
  options: PathOptions = {},
): AnnotationVerdict {
  const file = options.file ?? trace.header.name;
  const maxStates = options.maxStates ?? 50_000;
  const { steps } = trace;
  if (steps.length === 0)
    return { kind: 'ill-formed', reason: `ill-formed trace: ${file}: the trace has no steps`, states: 0 };
  const names = new Set(trace.header.tasks.map((t) => t.name));
  const alts: ExpectAtom[][][] = steps.map((s) =>
    alternativesOf(s).map((alt) => alt.map((a) => parseAtom(a, (n) => names.has(n), file, s.line ?? 0))),
  );
  // A `no-interrupt` step is followed without spontaneous interrupts: the paths its scenario is about.
  const quiet = alts.map((a) => a.some((alt) => alt.some((x) => x.kind === 'no-interrupt')));
  const init = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
  let all = new Map<string, S>([[init.key(), init]]);
  let sat: Map<string, S> | undefined = new Map(all);
  let states = 1;
  let notRequired: number | undefined;
  let forbidden: AnnotationVerdict | undefined;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const action = step.action;
    const at = `${file}:${step.line ?? '?'}`;
    const nextAll = new Map<string, S>();
    let why: string | undefined;
    for (const s of all.values()) {
      const outs = outcomes(engine, s, action, quiet[i]!);
      if (outs === undefined) {
        why ??= engine.whyNotEnabled(s, action);
        continue;
      }
      const before = engine.observe(s);
      for (const o of outs) {
        nextAll.set(o.state.key(), o.state);
        if (
          notRequired === undefined &&
          unmetAlternatives(alts[i]!, action, o.observation, before).length > 0
        )
          notRequired = i;
      }
    }
    if (nextAll.size === 0)
      return {
        kind: 'ill-formed',
        step: i,
        reason: `ill-formed trace: ${at}: ${describeStep(i, step)} cannot be taken on any allowed path: ${why ?? 'no outcome'}`,
        states,
      };
    if (sat !== undefined) {
      const r: Advanced<S> = advance(engine, sat, action, alts[i]!, quiet[i]!);
      if (r.next.size === 0) {
        forbidden = forbiddenAt(i, step, at, r.closest, states);
        sat = undefined;
      } else sat = r.next;
    }
    states += nextAll.size;
    if (nextAll.size > maxStates)
      return {
        kind: 'unknown',
        step: i,
        reason: `more than ${maxStates} spec states after ${describeStep(i, step)}`,
        states,
      };
    all = nextAll;
  }
  if (forbidden !== undefined) return forbidden;
  if (notRequired === undefined)
    return { kind: 'required', reason: 'every allowed path satisfies every annotation', states };
  const s = steps[notRequired]!;
  return {
    kind: 'allowed',
    step: notRequired,
    reason: `some allowed path satisfies every annotation; another does not at ${describeStep(notRequired, s)}`,
    states,
  };
}

/**
 * The outcomes of `action` in `s` (without spontaneous interrupts when `quiet`); a killed process stays killed;
 * undefined when the action is not enabled.
 */
function outcomes<S extends KeyedState>(
  engine: CheckEngine<S>,
  s: S,
  action: Action,
  quiet = false,
): readonly EngineOutcome<S>[] | undefined {
  const obs = engine.observe(s);
  if (obs.killed) return [{ state: s, observation: obs, rules: [] }];
  if (engine.whyNotEnabled(s, action) !== undefined) return undefined;
  return quiet ? engine.step(s, action, { spontaneous: false }) : engine.step(s, action);
}

interface Advanced<S> {
  readonly next: Map<string, S>;
  readonly closest?: { observation: StepObservation; unmet: string[] };
}

/** One step of the annotation-satisfying paths, with the closest outcome that misses. */
function advance<S extends KeyedState>(
  engine: CheckEngine<S>,
  sat: ReadonlyMap<string, S>,
  action: Action,
  alts: readonly (readonly ExpectAtom[])[],
  quiet: boolean,
): Advanced<S> {
  const next = new Map<string, S>();
  let closest: { observation: StepObservation; unmet: string[] } | undefined;
  for (const s of sat.values()) {
    const before = engine.observe(s);
    for (const o of outcomes(engine, s, action, quiet) ?? []) {
      const unmet = unmetAlternatives(alts, action, o.observation, before);
      if (unmet.length === 0) next.set(o.state.key(), o.state);
      else if (closest === undefined || unmetWeight(unmet) < unmetWeight(closest.unmet))
        closest = { observation: o.observation, unmet };
    }
  }
  return closest === undefined ? { next } : { next, closest };
}

const unmetWeight = (unmet: readonly string[]): number => unmet.join('; ').split(';').length;

function forbiddenAt(
  i: number,
  step: Trace['steps'][number],
  at: string,
  closest: { observation: StepObservation; unmet: string[] } | undefined,
  states: number,
): AnnotationVerdict {
  const miss = closest === undefined ? 'no allowed path takes this step' : closest.unmet.join('; ');
  return {
    kind: 'forbidden',
    step: i,
    reason: `${at}: no allowed path satisfies the annotations at ${describeStep(i, step)}: closest: ${miss}`,
    ...(closest === undefined ? {} : { closest }),
    states,
  };
}
