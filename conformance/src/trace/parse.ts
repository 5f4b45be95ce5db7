/**
 * Parser of the trace text form (format v1): a `# key: value` header, then one step a line, each with an optional
 * expected outcome as a trailing comment (a second `#` starts a free note). Lines that are only a comment are
 * ignored after the header. Errors name `file:line:col` and what was expected.
 *
 * ```
 * # version: 1
 * # profile: pz-v2
 * # tasks: s0, w0
 * s0: ctl REGISTER clock=MONOTONIC      # 0
 * w0: store w0.server_tid = tid(s0)
 * ```
 * @module
 */
import { basename } from 'node:path';
import { parseAction } from './action.js';
import { TraceSyntaxError } from './errors.js';
import { parseAtom, splitAlternatives } from './expect.js';
import { HeaderBuilder } from './header.js';
import { Cursor } from './internal/cursor.js';
import type { Trace, TraceStep } from './types.js';

/** One source line split into its code part and its comment (`#` to the end), with the comment's column. */
export function splitComment(raw: string): { code: string; comment: string | undefined; commentCol: number } {
  const i = raw.indexOf('#');
  if (i < 0) return { code: raw, comment: undefined, commentCol: 0 };
  return { code: raw.slice(0, i), comment: raw.slice(i + 1), commentCol: i + 1 };
}

/** Parses a step line `<task>: <action>  # expect` (`line` is 1-based). */
export function parseStepLine(
  raw: string,
  file: string,
  line: number,
  isTask: (n: string) => boolean,
): TraceStep {
  const { code, comment, commentCol } = splitComment(raw);
  const cur = new Cursor(file, line, code);
  const at = cur.mark();
  const who = cur.ident();
  if (who === undefined || (who !== 'env' && !isTask(who)))
    throw cur.fail("a declared task name or 'env'", at);
  cur.expect(':', "':' after the task name");
  const action = parseAction(cur, who, isTask);
  if (!cur.atEnd()) throw cur.fail('end of step (an expected outcome goes after #)');
  if (comment === undefined) return { action, line };
  const alternatives = splitAlternatives(comment.split('#')[0] ?? '');
  for (const atoms of alternatives)
    for (const a of atoms) parseAtom(a.text, isTask, file, line, commentCol + a.offset + 1);
  if (alternatives.length > 1) {
    const empty = alternatives.findIndex((a) => a.length === 0);
    if (empty >= 0)
      throw new TraceSyntaxError(
        file,
        line,
        commentCol + 1,
        `expected atoms in alternative ${empty + 1} of 'one of:'`,
      );
    return { action, oneOf: alternatives.map((a) => a.map((x) => x.text)), line };
  }
  const atoms = alternatives[0] ?? [];
  return atoms.length === 0 ? { action, line } : { action, expect: atoms.map((a) => a.text), line };
}

/** Parses a whole trace. `file` is used in messages and for the default name (its stem). */
export function parseTrace(text: string, file = '<input>'): Trace {
  const header = new HeaderBuilder(file);
  const steps: TraceStep[] = [];
  let names: Set<string> | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    if (raw.trim() === '') continue;
    const trimmedStart = raw.length - raw.trimStart().length;
    if (raw.trimStart().startsWith('#')) {
      if (steps.length === 0) header.accept(raw.slice(trimmedStart + 1), line, trimmedStart + 2);
      continue;
    }
    if (names === undefined) {
      if (!header.hasTasks())
        throw new TraceSyntaxError(file, line, 1, "expected a '# tasks:' header line before the first step");
      names = new Set(header.tasks().map((t) => t.name));
    }
    const known = names;
    steps.push(parseStepLine(raw, file, line, (n) => known.has(n)));
  }
  const stem = basename(file).replace(/\.(trace|json|litmus)$/, '');
  if (!header.hasTasks())
    throw new TraceSyntaxError(file, lines.length, 1, "expected a '# tasks:' header line");
  return { header: header.finish(stem === '<input>' ? 'unnamed' : stem), steps };
}
