/**
 * Test harness: run action lists on a machine and render observations compactly.
 * @module
 */
import {
  type Action,
  getProfile,
  type ProfileId,
  type StepObservation,
  type TaskObservation,
} from '@umcg/spec/vocabulary';
import { type Knobs, SEQUENTIAL_KNOBS } from '../src/internal/run/knobs.js';
import { Machine } from '../src/internal/run/machine.js';
import type { MutantName } from '../src/mutants/names.js';

/** Options of a test run. */
export interface RunOpts {
  readonly profile?: ProfileId;
  readonly mutant?: MutantName;
  readonly knobs?: Knobs;
  readonly seed?: number;
  readonly tasks?: readonly string[];
  readonly shmem?: readonly string[];
}

/** Runs the steps, returning every observation. */
export function runSteps(steps: readonly Action[], o: RunOpts = {}): StepObservation[] {
  const tasks = (o.tasks ?? ['s0', 'w0', 'w1']).map((name) =>
    o.shmem?.includes(name) ? { name, memory: 'shmem' as const } : { name },
  );
  const m = new Machine(
    { params: getProfile(o.profile ?? 'pz-v2').params, mutant: o.mutant, knobs: o.knobs ?? SEQUENTIAL_KNOBS },
    tasks,
    o.seed ?? 1,
  );
  return steps.map((a, i) => {
    const r = m.step(a);
    if (typeof r === 'string') throw new Error(`step ${i + 1} (${JSON.stringify(a)}): ${r}`);
    return r;
  });
}

/** The last observation. */
export function final(steps: readonly Action[], o: RunOpts = {}): StepObservation {
  const all = runSteps(steps, o);
  return all[all.length - 1]!;
}

/** Compact task view `where state next rwp list`. */
export function brief(t: TaskObservation | undefined): string {
  if (t === undefined) return '-';
  return `${t.where} ${t.state} next=${t.next_tid} list=[${t.list.join(',')}]`;
}
