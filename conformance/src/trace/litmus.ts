/**
 * The litmus text form: the trace header, then a `prologue:` section of ordinary steps, one `thread <task>:`
 * section per task (its user actions, one a line, without the task prefix), and an optional final condition
 * `exists: ...`, `~exists: ...` or `forall: ...` whose atoms are those of step expectations.
 *
 * ```
 * # tasks: s0, w0
 * prologue:
 *   s0: ctl REGISTER clock=MONOTONIC
 * thread s0:
 *   store s0.state = RUNNABLE|COND_WAIT
 *   wait
 * thread w0:
 *   kick s0
 * exists: s0=EAGAIN
 * ```
 * @module
 */
import { basename } from 'node:path';
import type { Action, StepObservation, TaskName, UserAction } from '@umcg/spec';
import { isEnvEvent } from '@umcg/spec';
import { printAction } from './action.js';
import { TraceSyntaxError } from './errors.js';
import { parseAtom, splitAtoms, unmetExpectations } from './expect.js';
import { HeaderBuilder, printHeader } from './header.js';
import { parseStepLine, splitComment } from './parse.js';
import type { LitmusCondition, LitmusTest } from './types.js';

type Section = { kind: 'none' } | { kind: 'prologue' } | { kind: 'thread'; task: TaskName };

/** Parses a litmus test in the text form. */
export function parseLitmus(text: string, file = '<input>'): LitmusTest {
  const header = new HeaderBuilder(file);
  const prologue: Action[] = [];
  const threads: Record<TaskName, UserAction[]> = {};
  let condition: LitmusCondition | undefined;
  let section: Section = { kind: 'none' };
  let names: Set<string> | undefined;
  const lines = text.split(/\r?\n/);
  const isTask = (n: string): boolean => names?.has(n) ?? false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    const trimmed = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      if (section.kind === 'none' && names === undefined)
        header.accept(raw.slice(indent + 1), line, indent + 2);
      continue;
    }
    if (names === undefined) {
      if (!header.hasTasks())
        throw new TraceSyntaxError(file, line, 1, "expected a '# tasks:' header line first");
      names = new Set(header.tasks().map((t) => t.name));
    }
    if (condition !== undefined)
      throw new TraceSyntaxError(file, line, indent + 1, 'expected nothing after the final condition');
    const code = splitComment(trimmed).code.trim();
    const cond = /^(exists|~exists|forall)\s*:(.*)$/.exec(code);
    if (cond?.[1] !== undefined && cond[2] !== undefined) {
      const col = indent + trimmed.indexOf(':') + 2;
      const atoms = splitAtoms(cond[2]);
      if (atoms.length === 0)
        throw new TraceSyntaxError(file, line, col, 'expected at least one condition atom');
      for (const a of atoms) parseAtom(a.text, isTask, file, line, col + a.offset + 1);
      condition = { quantifier: cond[1] as LitmusCondition['quantifier'], atoms: atoms.map((a) => a.text) };
      continue;
    }
    if (code === 'prologue:') {
      if (section.kind !== 'none')
        throw new TraceSyntaxError(file, line, indent + 1, "expected 'prologue:' before the thread sections");
      section = { kind: 'prologue' };
      continue;
    }
    const th = /^thread\s+([a-z][a-z0-9_]*)\s*:$/.exec(code);
    if (th?.[1] !== undefined) {
      if (!isTask(th[1]))
        throw new TraceSyntaxError(file, line, indent + 8, `expected a declared task name, found '${th[1]}'`);
      if (threads[th[1]] !== undefined)
        throw new TraceSyntaxError(file, line, indent + 1, `thread ${th[1]} declared twice`);
      threads[th[1]] = [];
      section = { kind: 'thread', task: th[1] };
      continue;
    }
    if (section.kind === 'none')
      throw new TraceSyntaxError(
        file,
        line,
        indent + 1,
        "expected 'prologue:', 'thread <task>:' or a final condition",
      );
    if (section.kind === 'prologue') {
      prologue.push(parseStepLine(raw, file, line, isTask).action);
      continue;
    }
    const task = section.task;
    if (/^env\s*:/.test(trimmed))
      throw new TraceSyntaxError(
        file,
        line,
        indent + 1,
        'expected a user action (environment events go in the prologue)',
      );
    const prefixed = new RegExp(`^${task}\\s*:`).test(trimmed) ? trimmed : `${task}: ${trimmed}`;
    const shift = indent - (prefixed === trimmed ? 0 : task.length + 2);
    let action: Action;
    try {
      action = parseStepLine(prefixed, file, line, isTask).action;
    } catch (e) {
      if (e instanceof TraceSyntaxError) throw new TraceSyntaxError(file, line, e.col + shift, e.detail);
      throw e;
    }
    if (isEnvEvent(action))
      throw new TraceSyntaxError(
        file,
        line,
        indent + 1,
        'expected a user action (environment events go in the prologue)',
      );
    threads[task]?.push(action);
  }
  if (!header.hasTasks())
    throw new TraceSyntaxError(file, lines.length, 1, "expected a '# tasks:' header line");
  const h = header.finish(basename(file).replace(/\.litmus$/, ''));
  const program = { tasks: h.tasks, prologue, threads };
  return condition === undefined ? { header: h, program } : { header: h, program, condition };
}

/** Prints a litmus test in the text form (`parseLitmus` inverts it). */
export function printLitmus(test: LitmusTest): string {
  const out = [...printHeader(test.header), '', 'prologue:'];
  for (const a of test.program.prologue) out.push(`  ${printAction(a)}`);
  for (const [task, actions] of Object.entries(test.program.threads)) {
    out.push(`thread ${task}:`);
    for (const a of actions) out.push(`  ${printAction(a).slice(task.length + 2)}`);
  }
  if (test.condition !== undefined)
    out.push(`${test.condition.quantifier}: ${test.condition.atoms.join(', ')}`);
  out.push('');
  return out.join('\n');
}

/** Whether one final observation satisfies all atoms of a condition (result atoms must name their task). */
export function satisfies(condition: LitmusCondition, obs: StepObservation): boolean {
  const atoms = condition.atoms.map((a) => parseAtom(a, () => true));
  const dummy: Action = { op: 'exit', task: '' };
  return unmetExpectations(atoms, dummy, obs).length === 0;
}

/** Evaluates a condition over a set of final observations (herd's Ok/No). */
export function conditionHolds(condition: LitmusCondition, finals: readonly StepObservation[]): boolean {
  const some = finals.some((o) => satisfies(condition, o));
  if (condition.quantifier === 'exists') return some;
  if (condition.quantifier === '~exists') return !some;
  return finals.every((o) => satisfies(condition, o));
}
