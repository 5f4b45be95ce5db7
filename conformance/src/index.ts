/**
 * `@umcg/conformance`: the UMCG conformance engine. Trace format v1 (text, JSON, litmus text form), the adapter
 * contract and the in-package `spec` target, the exact checker, generation and litmus mode, the runner with
 * expectations and the failure database, reporters, and the CLI (`pnpm conformance`).
 * @module
 */
export type * from './adapters/contract.js';
export { openSpecTarget, specAdapter, templateAdapter } from './adapters/index.js';
export type { BuiltinTarget } from './adapters/registry.js';
export {
  adapterOf,
  BUILTIN_TARGETS,
  defaultTarget,
  isAdapter,
  loadAdapter,
  TargetUnavailable,
  UnknownTarget,
} from './adapters/registry.js';
export * from './check/index.js';
export { main } from './cli/main.js';
export type { FailureGroup, FailureKey, StoredReplay } from './failures/store.js';
export {
  clearFailures,
  FAILURES_DIR,
  keyDir,
  listFailures,
  listGroups,
  replayStoredFailures,
  saveFailure,
} from './failures/store.js';
export type {
  EngineState,
  HuntFailure,
  HuntOptions,
  HuntReport,
  SpecEngine,
  TraceArbitraryOptions,
} from './generate/index.js';
export {
  generatedTraceArbitrary,
  huntTarget,
  litmusArbitrary,
  minimizeTrace,
  traceArbitrary,
} from './generate/index.js';
export type { LitmusHistogram, OutcomeRow } from './litmus/index.js';
export { litmusCorpus, renderLitmusHistogram, runLitmusTest, tabulate } from './litmus/index.js';
export { coverageText, ruleCoverage } from './report/coverage.js';
export { minimalPrefix, RULE_URL_BASE, renderFailure, replayCommand } from './report/failure.js';
export { renderHtmlReport } from './report/html/index.js';
export { renderJson, renderJsonl } from './report/json.js';
export { renderJunit } from './report/junit.js';
export { resultLine } from './report/line.js';
export { renderSummary } from './report/simple.js';
export { renderTap } from './report/tap.js';
export { EXIT, exitCodeOf } from './run/exitCode.js';
export type { Expectation, Expectations } from './run/expectations.js';
export { applyExpectation, loadExpectations, saveExpectations } from './run/expectations.js';
export { mapPool } from './run/pool.js';
export { retarget } from './run/retarget.js';
export { runTrace } from './run/runTrace.js';
export { SANITY_TRACES, sanityCheck, sanityNext } from './run/sanity.js';
export type { SessionConfig, SessionResult } from './run/session.js';
export { DEFAULTS, runSession } from './run/session.js';
export type * from './run/types.js';
export * from './trace/index.js';
