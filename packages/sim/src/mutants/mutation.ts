/**
 * The mutation test of one mutant against the spec, through the conformance engine: (1) generated traces under
 * a budget (the engine shrinks the first failure), then (2) the engine's litmus corpus and the mutant's own litmus
 * witness, then (3) the mutant's trace witness checked against the spec. The first stage that finds a violation
 * kills the mutant.
 * @module
 */

import type { Trace } from '@umcg/conformance';
import { openSim } from '../adapter.js';
import type { Mutant } from './catalogue.js';
import type { Engine } from './engine.js';
import { shrinkWitness } from './shrink.js';

/** Budget of one mutant. */
export interface MutationBudget {
  /** Generated traces. */
  readonly runs: number;
  /** Time limit of the generated stage (ms). */
  readonly timeLimitMs: number;
  /** Runs per litmus test. */
  readonly litmusRuns: number;
  /** Seed. */
  readonly seed: number;
  /** Target args added to every target (e.g. `without=unmap`). */
  readonly args: Readonly<Record<string, string>>;
}

/** The outcome for one mutant. */
export interface MutationResult {
  /** Mutant name. */
  readonly name: string;
  /** Which stage killed it, if any. */
  readonly killedBy: 'generated' | 'litmus' | 'witness' | undefined;
  /** Time until killed (or spent), ms. */
  readonly ms: number;
  /** Length of the shrunk failing trace (litmus: program length). */
  readonly length: number;
  /** Detail (signature or reason). */
  readonly detail: string;
}

/** A trace witness as an engine trace. */
export function witnessTrace(m: Mutant, steps = m.witness.kind === 'trace' ? m.witness.steps : []): Trace {
  const tasks =
    m.witness.kind === 'trace' ? m.witness.tasks.map((name) => ({ name })) : m.witness.program.tasks;
  const description = `witness of mutant ${m.name}`;
  const header = {
    version: 1 as const,
    name: `witness-${m.name}`,
    profile: m.profile,
    tasks,
    requires: [],
    rules: [],
    sources: [],
    description,
  };
  return { header, steps: steps.map((action) => ({ action })) };
}

/** Runs the mutation test of `m`. */
export async function mutationTest(engine: Engine, m: Mutant, b: MutationBudget): Promise<MutationResult> {
  const t0 = performance.now();
  const target = await openSim({
    profile: m.profile,
    timeoutMs: 10_000,
    seed: b.seed,
    args: { ...b.args, mutant: m.name },
  });
  const done = (killedBy: MutationResult['killedBy'], length: number, detail: string): MutationResult => ({
    name: m.name,
    killedBy,
    ms: performance.now() - t0,
    length,
    detail,
  });
  const hunt = await engine.hunt(target, m.profile, b.runs, b.seed, b.timeLimitMs);
  let baseline = '';
  if (hunt.failure !== undefined) {
    // Only a failure the original simulator does not share counts: a shared one is a spec/sim disagreement.
    const clean = await openSim({ profile: m.profile, timeoutMs: 10_000, seed: b.seed, args: b.args });
    const trace = hunt.failure.trace;
    if (engine.check(trace, (await clean.run(trace, { seed: b.seed })).observations) === undefined) {
      return done('generated', trace.steps.length, hunt.failure.signature);
    }
    baseline = `; generated failure shared with the original simulator (${hunt.failure.signature})`;
  }
  const litmus = engine.litmusCorpus.filter((t) => t.header.profile === m.profile);
  if (m.witness.kind === 'litmus') {
    const w = m.witness.program;
    litmus.push({ header: { name: `witness-${m.name}`, profile: m.profile, tasks: w.tasks }, program: w });
  }
  for (const test of litmus) {
    if (await engine.litmusFails(target, test, b.litmusRuns, b.seed)) {
      const p = test.program;
      return done(
        'litmus',
        p.prologue.length + Object.values(p.threads).reduce((n, l) => n + l.length, 0),
        test.header.name,
      );
    }
  }
  if (m.witness.kind === 'trace') {
    const shrunk = shrinkWitness(m);
    for (const steps of [shrunk.witness.kind === 'trace' ? shrunk.witness.steps : [], m.witness.steps]) {
      const trace = witnessTrace(m, steps);
      const run = await target.run(trace, { seed: b.seed });
      const why = engine.check(trace, run.observations);
      if (why !== undefined) return done('witness', steps.length, why.split('\n')[0] ?? why);
    }
  }
  return done(
    undefined,
    0,
    `not killed after ${hunt.runs} generated traces, ${litmus.length} litmus tests, the witness${baseline}`,
  );
}
