/**
 * Self-contained HTML reports: a failing trace drawn as swimlanes beside the expected run, with verdict, rules and
 * replay command.
 * @module
 */

export type { HtmlReportInput } from './renderHtmlReport.js';
export { renderHtmlReport, renderTraceReport } from './renderHtmlReport.js';
export { renderRunReport } from './runReport.js';
export type { SwimlaneOptions } from './swimlane.js';
export { renderSwimlane } from './swimlane.js';
export { writeHtmlReport } from './write.js';
