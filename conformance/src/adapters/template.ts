/**
 * TEMPLATE: copy this file into your own package as `src/adapter.ts` to start an adapter for a new implementation
 * (conformance/ADAPTERS.md, "Adding an adapter", says every step). Its imports are package imports, so the copy
 * works unchanged in a package that depends on `@umcg/conformance` and `@umcg/spec`.
 *
 * An adapter turns a trace into observations. For every step it must make the system quiescent and report the
 * `StepObservation` of spec/EXECUTION-MODEL.md: per task `where`, the words of its `struct umcg_task` rendered with
 * `renderState`/`renderTid`/`renderPtr`/`walkList` from `@umcg/spec/vocabulary`, whether the timestamps moved, the
 * signal handler count, and the result of every call that returned during the step, its errno named with
 * `errnoName`. Keep it thin: the checker does the judging; the adapter only executes and reports.
 * @module
 */
import type {
  Adapter,
  Feature,
  LitmusRun,
  OpenOptions,
  RunOptions,
  Target,
  Trace,
  TraceRun,
} from '@umcg/conformance';
import type { LitmusProgram, StepObservation } from '@umcg/spec/vocabulary';

/** What your executor does with one trace: replace `connect` with calls into your implementation. */
export interface Executor {
  /** Sets up a fresh process with the trace's tasks. */
  start(trace: Trace): Promise<void>;
  /** Performs step `index` (0-based), waits for quiescence and reports what it observed. */
  step(index: number): Promise<StepObservation>;
  /** Tears the process down. */
  stop(): Promise<void>;
}

/** Features your implementation supports; traces requiring anything else are skipped, not failed. */
const FEATURES: readonly Feature[] = ['kick', 'signals', 'timeouts', 'garbage-tid'];

/** Whether your implementation can run here (a kernel with the syscalls, a binary, an image), and what is missing. Fill this in. */
function requirements(): { ok: boolean; reason: string; details: string[] } {
  return {
    ok: false,
    reason: 'template adapter: requirements() is not implemented',
    details: ['copy conformance/src/adapters/template.ts into your package (see conformance/ADAPTERS.md)'],
  };
}

/** Connects to your implementation (a process, a VM, a simulator instance). Fill this in. */
function connect(_options: OpenOptions): Executor {
  throw new Error('template adapter: connect() is not implemented; copy this file and fill it in');
}

/** Opens a target: set up whatever runs traces. */
async function open(options: OpenOptions): Promise<Target> {
  const exec = connect(options);
  return {
    info: { name: 'template', version: '0.0.0', build: { kernel: 'unknown' } },
    capabilities: { features: new Set(FEATURES), profiles: ['ref-6.1'] },
    async run(trace: Trace, _run: RunOptions): Promise<TraceRun> {
      const observations: StepObservation[] = [];
      try {
        await exec.start(trace);
        for (let i = 0; i < trace.steps.length; i++) {
          const obs = await exec.step(i);
          observations.push(obs);
          if (obs.killed) break; // a killed process executes no further steps
        }
        return { observations, status: 'completed' };
      } catch (e) {
        // The prefix is still checked: a divergence in it is a FAIL, otherwise the run is an ERROR.
        return { observations, status: 'crashed', detail: (e as Error).message };
      } finally {
        await exec.stop();
      }
    },
    async runLitmus(_program: LitmusProgram, _run: RunOptions): Promise<LitmusRun> {
      return {
        observation: { killed: false, tasks: {}, results: {} },
        status: 'unsupported',
        detail: 'no litmus mode',
      };
    },
    async close() {},
  };
}

/** The adapter: `--target=<this package or file>` loads it (rename it and its `name` to yours). */
export const templateAdapter: Adapter = {
  name: 'template',
  description: 'a skeleton to copy (not a real target)',
  async probe() {
    return requirements();
  },
  open,
};
