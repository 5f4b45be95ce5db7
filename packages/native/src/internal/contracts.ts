/**
 * The conformance contracts the native target implements. Until `@umcg/conformance` exports them from its package
 * entry point they are re-exported here from their source files (the only relative import into another package).
 * @module
 */
export type {
  Adapter,
  Capabilities,
  LitmusRun,
  OpenOptions,
  RunOptions,
  Target,
  TargetInfo,
} from '../../../../conformance/src/adapter/types.js';
export type { Feature, Trace, TraceRun, TraceStep } from '../../../../conformance/src/trace/types.js';
