/**
 * A corpus file that does not parse becomes an ERROR result whose reason names `file:line:col`.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import { TraceSyntaxError } from '../trace/errors.js';
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
