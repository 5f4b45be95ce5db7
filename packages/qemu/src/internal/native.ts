/**
 * The executor's wire codec from `@umcg/native` (PROTOCOL.md), imported by relative path until this package lists
 * `@umcg/native` as a dependency (the one place to change then).
 * @module
 */

export type { RawProbe, RawResponse } from '../../../native/src/wire/index.js';
export {
  encodeConfig,
  encodeLitmus,
  encodeTrace,
  toLitmusRun,
  toTraceRun,
} from '../../../native/src/wire/index.js';
