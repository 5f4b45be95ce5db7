/**
 * Printer of the trace text form: `parseTrace(printTrace(t))` equals `t` (without source line numbers).
 * @module
 */
import { printAction } from './action.js';
import { printAnnotation } from './expect.js';
import { printHeader } from './header.js';
import type { Trace, TraceStep } from './types.js';

/** Column where expected-outcome comments start (when the step is shorter). */
const COMMENT_COL = 44;

/** Prints one step line with its expected outcome comment. */
export function printStep(step: TraceStep): string {
  const code = printAction(step.action);
  const note = printAnnotation(step);
  if (note === undefined) return code;
  return `${code.padEnd(COMMENT_COL - 1)} # ${note}`;
}

/** Prints a trace (header, blank line, steps), ending with a newline. */
export function printTrace(trace: Trace): string {
  return [...printHeader(trace.header), '', ...trace.steps.map(printStep), ''].join('\n');
}
