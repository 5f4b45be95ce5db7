/**
 * The JSON reporter: the whole run report as one JSON document (`report.json`); `results.jsonl` has one line per result.
 * @module
 */
import type { RunReport } from '../run/types.js';

/** The report as pretty JSON. */
export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One JSON object per line, one per result, each carrying the trace hash. */
export function renderJsonl(report: RunReport): string {
  return report.results.map((r) => JSON.stringify(r)).join('\n') + (report.results.length > 0 ? '\n' : '');
}
