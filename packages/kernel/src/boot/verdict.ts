import type { ConsoleFinding, ConsoleFindingKind } from './console.js';
import type { TapReport } from './tap.js';

/** Outcome of a guest boot: `ok`, the worst console finding, `hang` (timeout) or `tap-failed`. */
export type Verdict = 'ok' | ConsoleFindingKind | 'hang' | 'tap-failed';

const SEVERITY: readonly ConsoleFindingKind[] = ['panic', 'oops', 'lockdep', 'bug', 'warn'];

/**
 * Decide the verdict: console findings first (most severe kind), then a timeout,
 * then the TAP result (when TAP was expected).
 */
export function decideVerdict(input: {
  findings: readonly ConsoleFinding[];
  timedOut: boolean;
  tap?: TapReport;
}): Verdict {
  for (const kind of SEVERITY) if (input.findings.some((f) => f.kind === kind)) return kind;
  if (input.timedOut) return 'hang';
  if (input.tap && !input.tap.passed) return 'tap-failed';
  return 'ok';
}
