/**
 * The CLI exit code of a run (ARCHITECTURE.md "Exit codes"): 0 all as expected · 1 a spec violation or an unexpected
 * result (including stale expectations) · 4 nothing could run (unsupported/skipped) · 124 timeout · 255
 * infrastructure error.
 * @module
 */
import type { TraceResult } from './types.js';

/** Exit codes by name. */
export const EXIT = {
  ok: 0,
  violation: 1,
  unsupported: 4,
  timeout: 124,
  /** Ctrl-C (128 + SIGINT). */
  interrupted: 130,
  infrastructure: 255,
} as const;

/** The exit code of a set of results. */
export function exitCodeOf(results: readonly TraceResult[], stale: readonly string[]): number {
  if (results.some((r) => r.status === 'ERROR' && /^infrastructure:/.test(r.reason ?? '')))
    return EXIT.infrastructure;
  if (
    stale.length > 0 ||
    results.some((r) => ['FAIL', 'CRASH', 'XPASS', 'ERROR', 'UNKNOWN'].includes(r.status))
  )
    return EXIT.violation;
  if (results.some((r) => r.status === 'TIMEOUT')) return EXIT.timeout;
  if (results.length === 0 || results.every((r) => r.status === 'SKIP')) return EXIT.unsupported;
  return EXIT.ok;
}
