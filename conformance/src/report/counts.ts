/**
 * Counting results by status, shared by the reporters.
 * @module
 */
import type { Status, TraceResult } from '../run/types.js';

/** Number of results per status (every status present, zero included). */
export function countByStatus(results: readonly TraceResult[]): Record<Status, number> {
  const out: Record<Status, number> = {
    PASS: 0,
    FAIL: 0,
    CRASH: 0,
    FLAKY: 0,
    XFAIL: 0,
    XPASS: 0,
    SKIP: 0,
    TIMEOUT: 0,
    UNKNOWN: 0,
    ERROR: 0,
  };
  for (const r of results) out[r.status]++;
  return out;
}

/** Whether a status is a problem (counts toward exit code 1 or 124). */
export const isUnexpected = (s: Status): boolean =>
  s === 'FAIL' || s === 'CRASH' || s === 'XPASS' || s === 'ERROR' || s === 'UNKNOWN' || s === 'TIMEOUT';
