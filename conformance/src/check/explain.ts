/**
 * Plain-language explanations of a divergence: which step, how many outcomes the spec allows, how the closest
 * allowed outcome differs from the observed one, and the titles of the rules involved.
 * @module
 */
import type { RuleId, StepObservation } from '@umcg/spec';
import { findRule } from '@umcg/spec';
import { printAction } from '../trace/action.js';
import { printAnnotation } from '../trace/expect.js';
import type { TraceStep } from '../trace/types.js';
import { observationDiff } from './diff.js';

/** The allowed observation with the fewest differing fields from `observed`. */
export function closestObservation(
  allowed: readonly StepObservation[],
  observed: StepObservation,
): StepObservation | undefined {
  let best: StepObservation | undefined;
  let bestLen = Number.POSITIVE_INFINITY;
  for (const a of allowed) {
    const d = observationDiff(a, observed).length;
    if (d < bestLen) {
      best = a;
      bestLen = d;
    }
  }
  return best;
}

/** `step 3 (line 12) \`s0: wait\`` */
export function describeStep(index: number, step: TraceStep): string {
  return `step ${index + 1}${step.line === undefined ? '' : ` (line ${step.line})`} \`${printAction(step.action)}\``;
}

/** Titles of rules, as `id (title)`. */
export function ruleTitles(rules: readonly RuleId[]): string {
  return rules.map((r) => `${r} (${findRule(r)?.title ?? 'unknown rule'})`).join('; ');
}

const WHERE_WORDS: Readonly<Record<string, string>> = {
  user: 'executing user code',
  exited: 'exited',
  killed: 'killed',
};
const where = (w: string): string =>
  WHERE_WORDS[w] ?? (w.startsWith('asleep:') ? `asleep in ${w.slice(7)}` : w);

/** One plain sentence for a `task.field: expected | observed` difference. */
export function sentence(diff: string): string {
  const proc = /^process (\S+) \| (\S+)$/.exec(diff);
  if (proc !== null) return `the process should be ${proc[1]} but is ${proc[2]}`;
  const m = /^(\S+?)(?:\.(\w+)| (result)):? (.*) \| (.*)$/.exec(diff);
  if (m === null) return diff;
  const [, task, field, result, exp = '', obs = ''] = m;
  if (result !== undefined) {
    if (exp === 'no result')
      return `${task}'s call should not have returned yet, but ${obs.replace('=', ' returned ')}`;
    if (obs === 'no result')
      return `${exp.replace('=', ' should have returned ')}, but ${task}'s call has not returned`;
    return `${exp.replace('=', ' should return ')}, but returned ${obs.split('=')[1] ?? obs}`;
  }
  if (field === 'where') return `${task} should be ${where(exp)} but is ${where(obs)}`;
  if (field === 'blocked_ts_moved' || field === 'runnable_ts_moved') {
    const ts = field.replace('_moved', '');
    return exp === 'true'
      ? `${task}.${ts} should have been written but was not`
      : `${task}.${ts} should not have been written but was`;
  }
  if (field === 'list') return `${task}'s runnable list should be ${exp} but is ${obs}`;
  return `${task}.${field} should be ${exp} but is ${obs}`;
}

/** The first sentence of a rule's statement. */
export function ruleGist(id: RuleId): string {
  const st = findRule(id)?.statement ?? '';
  const end = /(?<!\be\.g|\bi\.e|\betc)\.(?=\s+[A-Z`(]|\s*$)/.exec(st);
  return end === null ? st : st.slice(0, end.index + 1);
}

const PRIMARY: Readonly<Record<string, readonly string[]>> = {
  ctl: ['ctl.'],
  wait: ['wait.'],
  kick: ['kick.'],
  syscall: ['hook.', 'signal.syscall'],
  fault: ['hook.'],
  take: ['list.take'],
  store: ['hook.resume', 'state.'],
  cas: ['hook.resume', 'state.'],
  exit: ['task.'],
  complete: ['hook.exit', 'hook.'],
  signal: ['signal.', 'sleep.signal', 'wait.signal', 'hook.resume'],
  expire: ['sleep.timeout', 'wait.timeout', 'wait.worker-timeout'],
  unmap: ['pin.', 'hook.'],
};

/** Rules ordered by relevance to the step: those of the acting call's group first, then the rest as they came. */
export function rankRules(rules: readonly RuleId[], step: TraceStep): RuleId[] {
  const prefixes = PRIMARY[step.action.op] ?? [];
  const score = (r: string): number => {
    const i = prefixes.findIndex((p) => r.startsWith(p));
    return i < 0 ? prefixes.length : i;
  };
  return [...new Set(rules)]
    .map((r, i) => ({ r, i, s: score(r) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.r);
}

/** Explanation of an observation outside the allowed set. */
export function explainForbidden(
  index: number,
  step: TraceStep,
  observed: StepObservation,
  allowed: readonly StepObservation[],
  closest: StepObservation | undefined,
  rules: readonly RuleId[],
): string {
  const n = allowed.length;
  const lines = [
    `At ${describeStep(index, step)} the target's outcome is not one of the ${n} the spec allows.`,
  ];
  if (closest !== undefined) {
    const diffs = observationDiff(closest, observed);
    lines.push(`In the closest allowed outcome, ${diffs.map(sentence).join('; ')}.`);
    lines.push('Differences (allowed | observed):');
    for (const d of diffs) lines.push(`  ${d}`);
  }
  if (rules.length > 0) {
    lines.push(`Rules that decide this step: ${ruleTitles(rules)}.`);
    for (const r of rules.slice(0, 3)) lines.push(`  ${r}: ${ruleGist(r)}`);
  }
  return lines.join('\n');
}

/** Explanation of an allowed observation that contradicts the trace's own expected outcome. */
export function explainExpectation(index: number, step: TraceStep, unmet: readonly string[]): string {
  return [
    `At ${describeStep(index, step)} the outcome is allowed by the spec but not the one the trace expects (# ${printAnnotation(step) ?? ''}):`,
    ...unmet.map((u) => `  ${u}`),
  ].join('\n');
}
