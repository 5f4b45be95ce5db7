/**
 * Results without a run: a corpus file that does not parse (ERROR naming `file:line:col`), and a trace that does
 * not apply under the run's profile (SKIP with the reason).
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import { TraceSyntaxError } from '../trace/errors.js';
import { traceHash } from '../trace/hash.js';
import type { Trace } from '../trace/types.js';
import type { TraceResult } from './types.js';

/** The ERROR result of a file that failed to parse. */
export function parseError(
  origin: TraceResult['origin'],
  file: string,
  e: unknown,
  profile: ProfileId,
): TraceResult {
  const reason = e instanceof TraceSyntaxError ? e.message : `${file}: ${(e as Error).message}`;
  const name = file.replace(/^.*\//, '').replace(/\.[a-z]+$/, '');
  return {
    origin,
    name,
    hash: '------------',
    file,
    profile,
    status: 'ERROR',
    verdict: { kind: 'error', reason },
    rules: [],
    durationMs: 0,
    reason,
  };
}

/** The SKIP result of a trace that does not apply under the run's profile. */
export function skipped(
  origin: TraceResult['origin'],
  trace: Trace,
  file: string,
  reason: string,
): TraceResult {
  return {
    origin,
    name: trace.header.name,
    hash: traceHash(trace),
    file,
    profile: trace.header.profile,
    status: 'SKIP',
    verdict: { kind: 'skip', reason },
    rules: [],
    durationMs: 0,
    reason,
  };
}
