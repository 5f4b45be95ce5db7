/**
 * A counterexample as a trace document in the conformance suite's JSON trace form (`format: umcg-trace`, the
 * in-memory actions of this package as they are), so `pnpm conformance --replay <file>` runs it on every target.
 * The spec writes the document itself: its shape is plain data over the spec's own `Action` type, and the spec
 * must not import the conformance package (layering: spec <- conformance).
 * @module
 */
import { initialState } from '../engine/initial.js';
import { step, whyNotEnabled } from '../engine/step.js';
import type { Action } from '../model/action.js';
import type { RuleId } from '../rules/catalogue.js';
import type { CheckResult, Verdict } from './checker.js';
import { taskDecls } from './config.js';
import { findProperty } from './properties.js';

/** The JSON trace document of a violation. */
export interface TraceDocument {
  readonly format: 'umcg-trace';
  readonly version: 1;
  readonly header: {
    readonly version: 1;
    readonly name: string;
    readonly profile: string;
    readonly tasks: readonly { readonly name: string }[];
    readonly requires: readonly string[];
    readonly rules: readonly RuleId[];
    readonly sources: readonly string[];
    readonly description: string;
  };
  readonly steps: readonly { readonly action: Action }[];
}

/** The features a trace of these actions needs (the runner also infers them; stated for readers). */
function requires(actions: readonly Action[]): string[] {
  const out = new Set<string>();
  for (const a of actions) {
    if (a.op === 'signal') out.add('signals');
    if (a.op === 'expire' || (a.op === 'wait' && a.timeout !== 'none')) out.add('timeouts');
    if (a.op === 'kick') out.add('kick');
    if (a.op === 'store' && a.value.kind === 'garbage') out.add('garbage-tid');
  }
  return [...out].sort();
}

/** Rules that fire along `actions` (union over the allowed outcomes of each step, following a feasible one). */
function firedRules(result: CheckResult, actions: readonly Action[]): RuleId[] {
  let s = initialState({ profile: result.config.profile, tasks: taskDecls(result.config) });
  const rules = new Set<RuleId>();
  actions.forEach((a, i) => {
    if (whyNotEnabled(s, a) !== undefined) return;
    const outs = step(s, a);
    for (const o of outs) for (const r of o.rules) rules.add(r);
    const next = actions[i + 1];
    s = (outs.find((o) => next === undefined || whyNotEnabled(o.state, next) === undefined) ?? outs[0]!)
      .state;
  });
  return [...rules].sort();
}

/** The file stem of a verdict's counterexample: `check-<profile>[-malformed]-<property>`. */
export function counterexampleName(result: CheckResult, property: string): string {
  return `check-${result.config.profile}${result.config.malformed ? '-malformed' : ''}-${property.replace(/^check\./, '')}`;
}

/** The trace document of a violated verdict. */
export function counterexample(result: CheckResult, v: Verdict, command: string): TraceDocument {
  const p = findProperty(v.property)!;
  const actions = [...result.prologue, ...(v.path ?? [])];
  const c = result.config;
  return {
    format: 'umcg-trace',
    version: 1,
    header: {
      version: 1,
      name: counterexampleName(result, v.property),
      profile: c.profile,
      tasks: taskDecls(c),
      requires: requires(actions),
      rules: firedRules(result, actions),
      sources: [...p.sources],
      description: `Model-checker counterexample to ${p.id} (${p.title}) under ${c.profile}${c.variant ? ` with ${JSON.stringify(c.variant)}` : ''}: ${v.message}. Shortest path at bound ${c.servers} server(s), ${c.workers} worker(s), depth ${c.depth}, work ${c.work}. Reproduce: ${command}`,
    },
    steps: actions.map((action) => ({ action })),
  };
}
