/**
 * TEMPLATE: copy this file to start an adapter for a new implementation (see conformance/ADAPTERS.md).
 *
 * An adapter turns a trace into observations. For every step it must make the system quiescent and report the
 * `StepObservation` of EXECUTION-MODEL.md: per task `where`, the words of its `struct umcg_task` rendered with
 * `renderState`/`renderTid`/`renderPtr`/`walkList` from `@umcg/spec`, whether the timestamps moved, the signal
 * handler count, and the result of every call that returned during the step. Keep it thin: the checker does the
 * judging; the adapter only executes and reports.
 * @module
 */
import type { LitmusProgram, StepObservation } from '@umcg/spec';
import type { Feature, Trace, TraceRun } from '../trace/types.js';
import type { Adapter, LitmusRun, OpenOptions, RunOptions, Target } from './contract.js';

/** What your executor does with one step: replace with calls into your implementation. */
type Executor = {
  start(trace: Trace): Promise<void>;
  step(index: number): Promise<StepObservation>;
  stop(): Promise<void>;
};

/** Features your implementation supports; traces requiring anything else are skipped, not failed. */
const FEATURES: readonly Feature[] = ['kick', 'signals', 'timeouts', 'garbage-tid'];

function connect(_options: OpenOptions): Executor {
  throw new Error('template adapter: connect() is not implemented; copy this file and fill it in');
}

/** Opens a target: set up whatever runs traces (a process, a VM, a simulator instance). */
async function open(options: OpenOptions): Promise<Target> {
  const exec = connect(options);
  return {
    info: { name: 'template', version: '0.0.0', build: { kernel: 'unknown' } },
    capabilities: { features: new Set(FEATURES), profiles: ['ref-6.1'] },
    async run(trace: Trace, _run: RunOptions): Promise<TraceRun> {
      const observations: StepObservation[] = [];
      await exec.start(trace);
      try {
        for (let i = 0; i < trace.steps.length; i++) {
          const obs = await exec.step(i);
          observations.push(obs);
          if (obs.killed) break; // a killed process executes no further steps
        }
        return { observations, status: 'completed' };
      } catch (e) {
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

/** The adapter object the target registry loads. */
export const templateAdapter: Adapter = {
  name: 'template',
  description: 'a skeleton to copy (not a real target)',
  async probe() {
    return {
      ok: false,
      reason: 'the template is not a real target',
      details: ['copy src/adapters/template.ts'],
    };
  },
  open,
};
