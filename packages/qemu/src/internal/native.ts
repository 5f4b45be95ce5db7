/**
 * The executor's wire codec from `@umcg/native` (PROTOCOL.md), the one place this package imports it
 * (a dependency of this package).
 * @module
 */

export type { RawProbe, RawResponse } from '@umcg/native';
export {
  encodeConfig,
  encodeLitmus,
  encodeTrace,
  litmusSkew,
  NATIVE_FEATURES,
  toLitmusRun,
  toTraceRun,
} from '@umcg/native';
