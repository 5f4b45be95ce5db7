/**
 * The `detail` of a `crashed` run: what went wrong (the worst console finding, a hang, the executor dying), then
 * the console log of the guest from the start of the trace (or its last lines), so a reader sees the splat.
 * @module
 */
import type { ConsoleFinding } from '../internal/kernel.js';

const SEVERITY = ['panic', 'oops', 'lockdep', 'bug', 'warn'] as const;

/** The most severe finding (panic > oops > lockdep > bug > warn), if any. */
export function worstFinding(findings: readonly ConsoleFinding[]): ConsoleFinding | undefined {
  for (const kind of SEVERITY) {
    const f = findings.find((x) => x.kind === kind);
    if (f !== undefined) return f;
  }
  return undefined;
}

/** Formats a crash detail: a headline, then the console lines (at most `maxLines`, the last ones). */
export function crashDetail(headline: string, consoleLines: readonly string[], maxLines = 200): string {
  const shown = consoleLines.slice(-maxLines);
  const cut = consoleLines.length - shown.length;
  return [
    headline,
    `--- guest console${cut > 0 ? ` (last ${shown.length} of ${consoleLines.length} lines)` : ''} ---`,
    ...shown,
    '--- end of console ---',
  ].join('\n');
}

/** The headline for console findings: `kernel oops: <line>` plus how many other findings there were. */
export function findingsHeadline(findings: readonly ConsoleFinding[]): string {
  const worst = worstFinding(findings);
  if (worst === undefined) return 'no console findings';
  const others = findings.length - 1;
  return `kernel ${worst.kind}: ${worst.text.trim()}${others > 0 ? ` (+${others} more console finding${others > 1 ? 's' : ''})` : ''}`;
}
