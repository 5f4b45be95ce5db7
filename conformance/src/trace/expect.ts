/**
 * Expected-outcome annotations: the trailing `# ...` comment of a step, syzkaller-style. Atoms are separated by
 * `,` or `;` (outside brackets):
 *
 * - `EAGAIN`, `0`, `ok`, `fail`, `[w1,w0]`: result of the acting task's call (for `env:` steps: of the event's task);
 *   `pending`: that call has not returned.
 * - `w0=ETIMEDOUT`, `w0=pending`: the same for a named task.
 * - `w0 asleep:umcg_wait`, `w0 user`, `w0 exited`: where a task is.
 * - `w0.state=RUNNABLE|COND_WAIT` (also `next_tid`, `server_tid`, `rwp`, `list`, `reserved`, `signals`): a word as
 *   rendered in observations; quote values with spaces or commas: `w0.reserved="0 0,0,0"`.
 * - `w0.runnable_ts=moved`, `w0.blocked_ts=same`: whether that timestamp was written during the step.
 * - `w0.rwp=unchanged` (any word field): the word is as it was before the step (e.g. a list link after a take).
 * - `killed`: the process was killed.
 * - `no-interrupt`: not an outcome but the scenario's assumption that no spontaneous interrupt (timer tick) lands
 *   during this step; the checker reports the trace's expectations from this step on as not checkable when the
 *   observation needs one (a real kernel cannot promise it).
 *
 * A comment `# one of: A, B | C` lists alternatives (for implementation-defined points): the step's outcome must
 * satisfy every atom of at least one alternative. Alternatives are separated by a `|` with white space on both
 * sides (a bar inside a word, as in `RUNNABLE|COND_WAIT`, does not separate).
 * @module
 */
import type { Action, StepObservation, TaskName } from '@umcg/spec';
import { TraceSyntaxError } from './errors.js';

/** A parsed expectation atom. */
export type ExpectAtom =
  | { readonly kind: 'ret'; readonly task: TaskName | undefined; readonly ret: string }
  | { readonly kind: 'where'; readonly task: TaskName; readonly where: string }
  | { readonly kind: 'word'; readonly task: TaskName; readonly field: WordField; readonly value: string }
  | { readonly kind: 'killed' }
  | { readonly kind: 'no-interrupt' };

/** The observation fields an atom may name. */
export type WordField =
  | 'state'
  | 'next_tid'
  | 'server_tid'
  | 'rwp'
  | 'list'
  | 'reserved'
  | 'signals'
  | 'runnable_ts'
  | 'blocked_ts';
const WORD_FIELDS: readonly string[] = [
  'state',
  'next_tid',
  'server_tid',
  'rwp',
  'list',
  'reserved',
  'signals',
  'runnable_ts',
  'blocked_ts',
];
const TS_FIELDS: ReadonlySet<string> = new Set(['runnable_ts', 'blocked_ts']);
const TS_VALUES: ReadonlySet<string> = new Set(['moved', 'same']);

/** The value of a word atom that compares with the observation before the step. */
export const UNCHANGED = 'unchanged';

/** The prefix of an annotation that lists alternatives. */
export const ONE_OF = 'one of:';
const WHERE =
  /^(user|exited|killed|asleep:(umcg_ctl|umcg_wait|umcg_kick|syscall|fault|rt_sigreturn|interrupt))$/;
const RET = /^(0|E[A-Z]+|ok|fail|pending|\[[a-z0-9_,.?]*\])$/;
const EXPECTED =
  'an expected outcome (errno such as EAGAIN, 0, ok, fail, pending, [list], task=RESULT, task WHERE, task.field=VALUE, killed or no-interrupt)';

/** Splits the annotation text into atom strings (commas inside brackets do not split). */
export function splitAtoms(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    if (i === text.length || ((c === ',' || c === ';') && depth === 0 && !quoted)) {
      const raw = text.slice(start, i);
      const trimmed = raw.trim();
      if (trimmed !== '')
        out.push({ text: trimmed.replace(/\s+/g, ' '), offset: start + raw.indexOf(trimmed) });
      start = i + 1;
    }
  }
  return out;
}

/** Parses one atom; throws a `TraceSyntaxError` at `file:line:col` when it is not one of the forms above. */
export function parseAtom(
  text: string,
  isTask: (n: string) => boolean,
  file = '<input>',
  line = 0,
  col = 1,
): ExpectAtom {
  const bad = (): TraceSyntaxError =>
    new TraceSyntaxError(file, line, col, `expected ${EXPECTED}, found '${text}'`);
  if (text === 'killed') return { kind: 'killed' };
  if (text === 'no-interrupt') return { kind: 'no-interrupt' };
  const compact = text.replace(/\s*([=,\][])\s*/g, '$1');
  if (RET.test(compact)) return { kind: 'ret', task: undefined, ret: compact };
  const where = /^([a-z][a-z0-9_]*) (\S+)$/.exec(text);
  if (where?.[1] !== undefined && where[2] !== undefined) {
    if (!isTask(where[1]))
      throw new TraceSyntaxError(file, line, col, `expected a declared task name, found '${where[1]}'`);
    if (!WHERE.test(where[2])) throw bad();
    return { kind: 'where', task: where[1], where: where[2] };
  }
  const q = /^([a-z][a-z0-9_]*)\.([a-z_]+)="([^"]*)"$/.exec(text);
  if (q?.[1] !== undefined && q[2] !== undefined && q[3] !== undefined) {
    if (!isTask(q[1]))
      throw new TraceSyntaxError(file, line, col, `expected a declared task name, found '${q[1]}'`);
    if (!WORD_FIELDS.includes(q[2]))
      throw new TraceSyntaxError(
        file,
        line,
        col,
        `expected a field (${WORD_FIELDS.join(', ')}), found '${q[2]}'`,
      );
    return { kind: 'word', task: q[1], field: q[2] as WordField, value: q[3] };
  }
  const eq = /^([a-z][a-z0-9_]*)(?:\.([a-z_]+))?=(.+)$/.exec(compact);
  if (eq?.[1] === undefined || eq[3] === undefined) throw bad();
  if (!isTask(eq[1]))
    throw new TraceSyntaxError(file, line, col, `expected a declared task name, found '${eq[1]}'`);
  if (eq[2] === undefined) {
    if (!RET.test(eq[3])) throw bad();
    return { kind: 'ret', task: eq[1], ret: eq[3] };
  }
  if (!WORD_FIELDS.includes(eq[2]))
    throw new TraceSyntaxError(
      file,
      line,
      col,
      `expected a field (${WORD_FIELDS.join(', ')}), found '${eq[2]}'`,
    );
  if (TS_FIELDS.has(eq[2]) && !TS_VALUES.has(eq[3]))
    throw new TraceSyntaxError(
      file,
      line,
      col,
      `expected ${eq[1]}.${eq[2]}=moved or ${eq[1]}.${eq[2]}=same, found '${eq[3]}'`,
    );
  return { kind: 'word', task: eq[1], field: eq[2] as WordField, value: eq[3] };
}

/**
 * Splits an annotation into its alternatives: `one of: A, B | C` gives two, anything else one. Only a bar with
 * white space on both sides splits (not one inside a word, brackets or quotes). Offsets are relative to `text`.
 */
export function splitAlternatives(text: string): { text: string; offset: number }[][] {
  const lead = text.length - text.trimStart().length;
  if (!text.trimStart().startsWith(ONE_OF)) return [splitAtoms(text)];
  const body = lead + ONE_OF.length;
  const out: { text: string; offset: number }[][] = [];
  let depth = 0;
  let quoted = false;
  let start = body;
  for (let i = body; i <= text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    const bar = c === '|' && /\s/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '');
    if (i === text.length || (bar && depth === 0 && !quoted)) {
      out.push(splitAtoms(text.slice(start, i)).map((a) => ({ text: a.text, offset: a.offset + start })));
      start = i + 1;
    }
  }
  return out;
}

/** The alternatives of a step's annotation (none when it has no annotation). */
export function alternativesOf(step: {
  readonly expect?: readonly string[];
  readonly oneOf?: readonly (readonly string[])[];
}): readonly (readonly string[])[] {
  if (step.oneOf !== undefined && step.oneOf.length > 0) return step.oneOf;
  return step.expect !== undefined && step.expect.length > 0 ? [step.expect] : [];
}

/** Prints a step's annotation as written after `# ` (undefined when it has none). */
export function printAnnotation(step: {
  readonly expect?: readonly string[];
  readonly oneOf?: readonly (readonly string[])[];
}): string | undefined {
  if (step.oneOf !== undefined && step.oneOf.length > 0)
    return `${ONE_OF} ${step.oneOf.map((a) => a.join(', ')).join(' | ')}`;
  return step.expect !== undefined && step.expect.length > 0 ? step.expect.join(', ') : undefined;
}

/**
 * Checks atoms against an observation of `action`; returns one message per unmet atom. `before` is the observation
 * before the step (needed by `=unchanged` atoms; without it they are unmet).
 */
export function unmetExpectations(
  atoms: readonly ExpectAtom[],
  action: Action,
  obs: StepObservation,
  before?: StepObservation,
): string[] {
  const out: string[] = [];
  for (const a of atoms) {
    if (a.kind === 'no-interrupt') continue;
    if (a.kind === 'killed') {
      if (!obs.killed) out.push('expected the process to be killed; it is alive');
      continue;
    }
    const task = a.kind === 'ret' ? (a.task ?? action.task) : a.task;
    if (a.kind === 'ret') {
      const got = obs.results[task]?.ret.replace(/\s+/g, '') ?? 'pending';
      if (got !== a.ret) out.push(`expected ${task} result ${a.ret}, observed ${got}`);
      continue;
    }
    const t = obs.tasks[task];
    if (a.kind === 'where') {
      const got = obs.killed ? 'killed' : (t?.where ?? '?');
      if (got !== a.where) out.push(`expected ${task} ${a.where}, observed ${got}`);
      continue;
    }
    const got = t === undefined ? '?' : wordOf(t, a.field);
    if (a.value === UNCHANGED) {
      const b = before?.tasks[task];
      const was = b === undefined ? '?' : wordOf(b, a.field);
      if (got !== was || got === '?')
        out.push(`expected ${task}.${a.field} unchanged (${was}), observed ${got}`);
      continue;
    }
    if (got !== a.value) out.push(`expected ${task}.${a.field}=${a.value}, observed ${got}`);
  }
  return out;
}

/**
 * The messages of the alternative closest to `obs` (fewest unmet atoms); empty when some alternative holds or
 * there is no annotation.
 */
export function unmetAlternatives(
  alternatives: readonly (readonly ExpectAtom[])[],
  action: Action,
  obs: StepObservation,
  before?: StepObservation,
): string[] {
  let best: string[] | undefined;
  for (const atoms of alternatives) {
    const unmet = unmetExpectations(atoms, action, obs, before);
    if (unmet.length === 0) return [];
    if (best === undefined || unmet.length < best.length) best = unmet;
  }
  if (best === undefined || alternatives.length < 2) return best ?? [];
  return [`none of the ${alternatives.length} alternatives holds; the closest: ${best.join('; ')}`];
}

function wordOf(t: StepObservation['tasks'][string], field: WordField): string {
  if (field === 'list') return `[${t.list.join(',')}]`;
  if (field === 'runnable_ts') return t.runnable_ts_moved ? 'moved' : 'same';
  if (field === 'blocked_ts') return t.blocked_ts_moved ? 'moved' : 'same';
  return String(t[field]);
}
