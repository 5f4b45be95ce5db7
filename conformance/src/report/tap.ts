/**
 * The TAP reporter (`report.tap`, KTAP-compatible): one test point per result, `# SKIP <reason>` for capability
 * gaps, `# TODO` for expected failures, and the failure report as a diagnostic block.
 * @module
 */
import type { RunReport } from '../run/types.js';

/** The TAP document. */
export function renderTap(report: RunReport): string {
  const out = ['TAP version 13', `1..${report.results.length}`];
  report.results.forEach((r, i) => {
    const ok = r.status === 'PASS' || r.status === 'SKIP' || r.status === 'XFAIL';
    const directive =
      r.status === 'SKIP'
        ? ` # SKIP ${r.reason ?? ''}`
        : r.status === 'XFAIL'
          ? ` # TODO ${r.reason ?? ''}`
          : '';
    out.push(`${ok ? 'ok' : 'not ok'} ${i + 1} ${r.hash} ${r.name}${directive}`);
    if (!ok) for (const l of (r.report ?? r.reason ?? r.status).split('\n')) out.push(`# ${l}`);
  });
  return `${out.join('\n')}\n`;
}
