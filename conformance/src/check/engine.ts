/**
 * The engine the checker runs on: the `CheckEngine` part of the spec's API (defined with the rest in
 * `generate/engine.ts`). `specEngine()` returns the real one from `@umcg/spec`.
 * @module
 */
import { type CheckEngine, defaultEngine } from '../generate/engine.js';

export type {
  CheckEngine,
  EngineConfig,
  EngineExploreResult,
  EngineOutcome,
  KeyedState,
} from '../generate/engine.js';

/** The real engine of `@umcg/spec`. */
export function specEngine(): CheckEngine {
  return defaultEngine();
}
