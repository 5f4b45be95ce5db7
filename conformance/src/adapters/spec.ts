/**
 * `--target=spec`: the spec itself as a target, the engine's self-check. It runs a trace through `stepFirst` (or,
 * with `--target-args pick=random`, through a seeded pick among every allowed outcome of `step`), and a litmus
 * program through `explore` plus a seeded pick among its final observations. It offers every feature and profile.
 * @module
 */
import type { LitmusProgram, ProfileId, StepObservation } from '@umcg/spec';
import { PROFILES } from '@umcg/spec';
import type { CheckEngine, EngineExploreResult } from '../check/engine.js';
import { specEngine } from '../check/engine.js';
import { FEATURE_NAMES } from '../trace/features.js';
import { canonicalJson } from '../trace/hash.js';
import type { Trace, TraceRun } from '../trace/types.js';
import type { Adapter, LitmusRun, OpenOptions, RunOptions, Target } from './contract.js';
import { prng } from './internal/prng.js';

/** Opens a spec target over `engine` (the real one by default). */
export function openSpecTarget(options: OpenOptions, engine: CheckEngine = specEngine()): Target {
  const random = options.args.pick === 'random';
  const explored = new Map<string, EngineExploreResult>();
  return {
    info: {
      name: 'spec',
      version: '0.1.0',
      build: { engine: '@umcg/spec', pick: random ? 'random' : 'first' },
    },
    capabilities: { features: new Set(FEATURE_NAMES), profiles: Object.keys(PROFILES) as ProfileId[] },
    async run(trace: Trace, run: RunOptions): Promise<TraceRun> {
      const rand = prng(run.seed);
      let s = engine.initialState({ profile: trace.header.profile, tasks: trace.header.tasks });
      const observations: StepObservation[] = [];
      for (const step of trace.steps) {
        if (run.signal?.aborted)
          return { observations, status: 'timeout', detail: 'aborted (RunOptions.signal)' };
        const why = engine.whyNotEnabled(s, step.action);
        if (why !== undefined) {
          if (engine.observe(s).killed) break;
          return {
            observations,
            status: 'crashed',
            detail: `step ${observations.length + 1} cannot be taken: ${why}`,
          };
        }
        let o = engine.stepFirst(s, step.action);
        if (random) {
          const all = engine.step(s, step.action);
          o = all[Math.floor(rand() * all.length)] ?? o;
        }
        observations.push(o.observation);
        s = o.state;
      }
      return { observations, status: 'completed' };
    },
    async runLitmus(program: LitmusProgram, run: RunOptions): Promise<LitmusRun> {
      const key = canonicalJson(program);
      let result = explored.get(key);
      if (result === undefined) {
        result = engine.explore({ profile: options.profile, tasks: program.tasks }, program);
        explored.set(key, result);
      }
      const finals = [...result.outcomes.values()];
      const pick = finals[Math.floor(prng(run.seed)() * finals.length)];
      if (pick === undefined)
        return {
          observation: { killed: false, tasks: {}, results: {} },
          status: 'crashed',
          detail: 'no final outcome',
        };
      return result.complete
        ? { observation: pick.observation, status: 'completed' }
        : {
            observation: pick.observation,
            status: 'completed',
            detail: `exploration budget exhausted after ${result.states} states`,
          };
    },
    async close(): Promise<void> {},
  };
}

/** The `spec` adapter. */
export const specAdapter: Adapter = {
  name: 'spec',
  description: 'the executable spec itself (self-check of the engine; every feature and profile)',
  async probe() {
    try {
      specEngine();
      return {
        ok: true,
        reason: 'the spec engine is available',
        details: ['@umcg/spec exports initialState, step, stepFirst, explore'],
      };
    } catch (e) {
      return { ok: false, reason: (e as Error).message, details: [] };
    }
  },
  async open(options: OpenOptions) {
    return openSpecTarget(options);
  },
};
