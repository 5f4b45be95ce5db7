/**
 * The verdict of one run of a trace on a target: the checker's verdict on the observations, adjusted for how the
 * run ended (unsupported → skip; a timeout or crash before the last step → unknown/error unless the observed prefix
 * already diverges).
 * @module
 */
import type { CheckTrace, Verdict } from '../check/types.js';
import type { Trace, TraceRun } from '../trace/types.js';

/** Checks `run` of `trace` with `check`. */
export function checkRun(check: CheckTrace, trace: Trace, run: TraceRun): Verdict {
  if (run.status === 'unsupported')
    return { kind: 'skip', reason: run.detail ?? 'unsupported by the target' };
  const verdict = check(trace, run.observations);
  if (verdict.kind !== 'pass' || run.observations.length >= trace.steps.length) return verdict;
  const where = `after ${run.observations.length} of ${trace.steps.length} steps`;
  if (run.status === 'timeout')
    return { kind: 'unknown', reason: `timeout ${where}${run.detail ? `: ${run.detail}` : ''}` };
  return {
    kind: 'error',
    reason: `run ended (${run.status}) ${where}${run.detail ? `: ${run.detail}` : ''}`,
  };
}

/** The failure signature of a verdict: the sorted rule ids of its first divergence (`undefined` unless it fails). */
export function failureSignature(verdict: Verdict): string | undefined {
  if (verdict.kind !== 'fail') return undefined;
  const rules = [...new Set(verdict.failure.rules)].sort();
  return rules.length > 0 ? rules.join(',') : '(no rule)';
}
