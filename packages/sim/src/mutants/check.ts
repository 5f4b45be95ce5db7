/**
 * Checking a mutant against its witness with the simulator alone (before the engine's spec-based mutation test
 * exists): a trace witness must produce a different observation than the unmutated simulator at some step; a
 * litmus witness must produce, under some seed, a final outcome the unmutated simulator never produces.
 * @module
 */
import { canonicalObservation, getProfile, type TaskDecl } from '@umcg/spec/vocabulary';
import { DEFAULT_KNOBS, SEQUENTIAL_KNOBS } from '../internal/run/knobs.js';
import { runLitmus } from '../internal/run/litmus.js';
import { Machine } from '../internal/run/machine.js';
import type { Mutant } from './catalogue.js';
import type { MutantName } from './names.js';

/** The result of a witness check. */
export interface WitnessCheck {
  /** Whether the witness told mutant and original apart. */
  readonly shown: boolean;
  /** The 1-based step (trace) or the seed (litmus) where it did. */
  readonly at: number;
  /** Witness length in actions. */
  readonly length: number;
  /** Expected vs observed, for messages. */
  readonly detail: string;
}

function traceObservations(m: Mutant, mutant: MutantName | undefined): string[] {
  if (m.witness.kind !== 'trace') return [];
  const tasks: TaskDecl[] = m.witness.tasks.map((name) => ({ name }));
  const machine = new Machine(
    { params: getProfile(m.profile).params, mutant, knobs: SEQUENTIAL_KNOBS },
    tasks,
    1,
  );
  const out: string[] = [];
  for (const a of m.witness.steps) {
    const r = machine.step(a);
    out.push(typeof r === 'string' ? r : canonicalObservation(r));
    if (typeof r === 'string') break;
  }
  return out;
}

/** Runs the witness of `m`; litmus witnesses try `seeds` seeds. */
export function checkWitness(m: Mutant, seeds = 300): WitnessCheck {
  const w = m.witness;
  if (w.kind === 'trace') {
    const clean = traceObservations(m, undefined);
    const bad = traceObservations(m, m.name);
    const i = bad.findIndex((o, j) => o !== clean[j]);
    const detail = i < 0 ? 'no difference' : `step ${i + 1}:\n  original ${clean[i]}\n  mutant   ${bad[i]}`;
    return { shown: i >= 0, at: i + 1, length: w.steps.length, detail };
  }
  const length =
    w.program.prologue.length + Object.values(w.program.threads).reduce((n, l) => n + l.length, 0);
  const cfg = (mutant: MutantName | undefined) => ({
    params: getProfile(m.profile).params,
    mutant,
    knobs: DEFAULT_KNOBS,
  });
  const allowed = new Set<string>();
  for (let s = 1; s <= seeds; s++)
    allowed.add(canonicalObservation(runLitmus(cfg(undefined), w.program, s).observation));
  for (let s = 1; s <= seeds; s++) {
    const o = canonicalObservation(runLitmus(cfg(m.name), w.program, s).observation);
    if (!allowed.has(o)) return { shown: true, at: s, length, detail: `seed ${s}: new outcome ${o}` };
  }
  return {
    shown: false,
    at: 0,
    length,
    detail: `no new outcome in ${seeds} seeds (${allowed.size} outcomes)`,
  };
}
