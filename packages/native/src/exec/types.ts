/**
 * What runs request lines: the in-process N-API addon or the executor binary.
 * @module
 */

/** An executor of PROTOCOL.md request lines. */
export interface Executor {
  /** `addon` (in-process, a worker thread) or `binary` (a child process per batch). */
  readonly kind: 'addon' | 'binary';
  /** Where it comes from (addon or binary path). */
  readonly path: string;
  /** Runs request lines (newline-separated) and resolves with the response lines. */
  runLines(requestLines: string): Promise<string>;
}
