/**
 * Writing a report atomically (temporary file in the same directory, then rename).
 * @module
 */
import { writeAtomic } from '../../run/atomic.js';
import { type HtmlReportInput, renderHtmlReport } from './renderHtmlReport.js';

/** Renders the report and writes it to `file` atomically; returns `file`. */
export async function writeHtmlReport(file: string, input: HtmlReportInput): Promise<string> {
  await writeAtomic(file, renderHtmlReport(input));
  return file;
}
