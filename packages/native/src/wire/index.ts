/**
 * The executor's wire protocol (PROTOCOL.md): request encoding and response decoding, shared with `@umcg/qemu`.
 * @module
 */
export {
  decodeSteps,
  renderResult,
  signalDiagnostics,
  symbolsOf,
  toLitmusRun,
  toTraceRun,
} from './decode.js';
export {
  encodeAction,
  encodeConfig,
  encodeId,
  encodeLitmus,
  encodeTasks,
  encodeTrace,
  encodeValue,
} from './encode.js';
export {
  parseResponseLine,
  type RawProbe,
  type RawResponse,
  type RawStep,
  type RawTask,
  type RawTiming,
  type RawWords,
} from './raw.js';
export { litmusSkew, type TaskSkew } from './skew.js';
