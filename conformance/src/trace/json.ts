/**
 * The JSON form of a trace: `{ "format": "umcg-trace", "version": 1, "header": {...}, "steps": [...] }` with the
 * in-memory types as they are (actions and values as in `@umcg/spec`). `traceFromJson` validates structure and
 * reports errors as `file:line:col` of the offending JSON value where it can.
 * @module
 */
import type { Action } from '@umcg/spec';
import { printAction } from './action.js';
import { TraceSyntaxError } from './errors.js';
import { printAnnotation } from './expect.js';
import { printHeader } from './header.js';
import { parseTrace } from './parse.js';
import type { Trace, TraceStep } from './types.js';

/** The JSON document of a trace (line numbers dropped). */
export function traceToJson(trace: Trace): string {
  const steps = trace.steps.map((s) =>
    s.oneOf !== undefined
      ? { action: s.action, oneOf: s.oneOf }
      : s.expect === undefined
        ? { action: s.action }
        : { action: s.action, expect: s.expect },
  );
  return `${JSON.stringify({ format: 'umcg-trace', version: 1, header: trace.header, steps }, null, 2)}\n`;
}

/**
 * Parses and validates the JSON form. Validation goes through the text parser: the header and each action are
 * printed to text and re-parsed, so both forms accept exactly the same traces.
 */
export function traceFromJson(text: string, file = '<input>'): Trace {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const [line, col] = lineCol(text, jsonErrorOffset(text, (e as Error).message));
    throw new TraceSyntaxError(
      file,
      line,
      col,
      `expected valid JSON (${(e as Error).message.split('\n')[0]})`,
    );
  }
  const obj = doc as { format?: unknown; header?: unknown; steps?: unknown };
  if (typeof doc !== 'object' || doc === null || obj.format !== 'umcg-trace')
    throw new TraceSyntaxError(file, 1, 1, 'expected an object with "format": "umcg-trace"');
  if (!Array.isArray(obj.steps)) throw at(text, file, '"steps"', 'expected "steps" to be an array');
  const header = obj.header as Trace['header'] | undefined;
  let headerText: string[];
  try {
    headerText = printHeader(header as Trace['header']);
  } catch {
    throw at(
      text,
      file,
      '"header"',
      'expected "header" with version, name, profile, tasks, requires, rules, sources, description',
    );
  }
  const lines = [...headerText];
  obj.steps.forEach((s: unknown, i: number) => {
    const step = s as { action?: Action; expect?: unknown; oneOf?: unknown };
    let code: string;
    try {
      code = printAction(step.action as Action);
    } catch {
      throw new TraceSyntaxError(
        file,
        ...locate(text, i),
        `expected steps[${i}].action to be an action object`,
      );
    }
    if (
      step.expect !== undefined &&
      !(Array.isArray(step.expect) && step.expect.every((x) => typeof x === 'string'))
    )
      throw new TraceSyntaxError(
        file,
        ...locate(text, i),
        `expected steps[${i}].expect to be an array of strings`,
      );
    const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((y) => typeof y === 'string');
    if (
      step.oneOf !== undefined &&
      !(Array.isArray(step.oneOf) && step.oneOf.length > 1 && step.oneOf.every(strings))
    )
      throw new TraceSyntaxError(
        file,
        ...locate(text, i),
        `expected steps[${i}].oneOf to be an array of at least two arrays of strings`,
      );
    const note = printAnnotation({
      ...(strings(step.expect) ? { expect: step.expect } : {}),
      ...(step.oneOf === undefined ? {} : { oneOf: step.oneOf as string[][] }),
    });
    lines.push(note === undefined ? code : `${code} # ${note}`);
  });
  let parsed: Trace;
  try {
    parsed = parseTrace(lines.join('\n'), file);
  } catch (e) {
    if (!(e instanceof TraceSyntaxError)) throw e;
    const stepIdx = e.line - headerText.length - 1;
    const where = stepIdx >= 0 ? `steps[${stepIdx}]` : 'header';
    const [l, c] = stepIdx >= 0 ? locate(text, stepIdx) : lineCol(text, text.indexOf('"header"'));
    throw new TraceSyntaxError(file, l, c, `${where}: ${e.detail}`);
  }
  const steps: TraceStep[] = parsed.steps.map(({ line: _line, ...rest }) => rest);
  return {
    header: { ...parsed.header, name: typeof header?.name === 'string' ? header.name : parsed.header.name },
    steps,
  };
}

/** The offset of a `JSON.parse` error, from V8's message (a position, the end, or a quoted context snippet). */
function jsonErrorOffset(text: string, message: string): number {
  const pos = /at position (\d+)/.exec(message);
  if (pos?.[1] !== undefined) return Number(pos[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const snip = /Unexpected token '.', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (snip?.[2] === undefined) return 0;
  const at = text.indexOf(snip[2]);
  return at < 0 ? 0 : snip[1] === undefined ? 0 : at + 10;
}

function lineCol(text: string, offset: number): [number, number] {
  const before = text.slice(0, Math.max(0, offset));
  const nl = before.lastIndexOf('\n');
  return [before.split('\n').length, offset - nl];
}

function at(text: string, file: string, needle: string, message: string): TraceSyntaxError {
  const i = text.indexOf(needle);
  return new TraceSyntaxError(file, ...(i < 0 ? ([1, 1] as [number, number]) : lineCol(text, i)), message);
}

/** Position of the i-th `"action"` key (a good-enough anchor for step i). */
function locate(text: string, i: number): [number, number] {
  let off = -1;
  for (let k = 0; k <= i; k++) {
    off = text.indexOf('"action"', off + 1);
    if (off < 0) return [1, 1];
  }
  return lineCol(text, off);
}
