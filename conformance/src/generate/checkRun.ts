/**
 * The verdict of one run of a trace on a target: the checker's verdict on the observations, adjusted for how the
 * run ended (unsupported → skip; a timeout or crash before the last step → unknown/error) unless the observed prefix
 * already diverges, which is a failure however the run ended.
 * @module
 */
import type { CheckTrace, Verdict } from '../check/types.js';
import type { Trace, TraceRun } from '../trace/types.js';

/**
 * Checks `run` of `trace` with `check`. A divergence in the observed prefix is a failure however the run ended (the
 * target's `detail`, for a kernel the reason it killed the process, is added to the explanation); otherwise a run
 * that timed out is `unknown` and one that crashed (or printed a kernel WARN, BUG, lockdep report) is an `error`.
 */
export function checkRun(check: CheckTrace, trace: Trace, run: TraceRun): Verdict {
  // Everything observed is compared, also before a step the target could not run: a divergence there is a failure.
  const verdict = check(trace, run.observations);
  if (verdict.kind === 'fail') return withTargetReport(verdict, run.detail);
  if (run.status === 'unsupported') {
    const n = run.observations.length;
    const seen = n === 0 ? '' : ` (the ${n} step(s) observed before it conform)`;
    return { kind: 'skip', reason: `${run.detail ?? 'unsupported by the target'}${seen}` };
  }
  if (run.status === 'completed' || verdict.kind === 'skip') return verdict;
  const where = `after ${run.observations.length} of ${trace.steps.length} steps`;
  const detail = run.detail ? `: ${run.detail}` : '';
  const what = run.status === 'timeout' ? 'hung' : 'crashed';
  if (run.culprit === 'implementation')
    return { kind: 'crash', reason: `the implementation under test ${what} ${where}${detail}` };
  if (run.culprit === 'infrastructure')
    return { kind: 'error', reason: `infrastructure: the target ${what} ${where}${detail}` };
  return run.status === 'timeout'
    ? { kind: 'unknown', reason: `timeout ${where}${detail}` }
    : { kind: 'error', reason: `target crashed ${where}${detail}` };
}

function withTargetReport(verdict: Verdict & { kind: 'fail' }, detail: string | undefined): Verdict {
  if (detail === undefined) return verdict;
  const explanation = `${verdict.failure.explanation}\nThe target reported: ${detail}`;
  return { ...verdict, failure: { ...verdict.failure, explanation } };
}

/** The failure signature of a verdict: the sorted rule ids of its first divergence (`undefined` unless it fails). */
export function failureSignature(verdict: Verdict): string | undefined {
  if (verdict.kind !== 'fail') return undefined;
  const rules = [...new Set(verdict.failure.rules)].sort();
  return rules.length > 0 ? rules.join(',') : '(no rule)';
}
