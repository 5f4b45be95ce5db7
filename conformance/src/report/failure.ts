/**
 * The failure report of one trace, in the order reviewers need it: the rules involved with their catalogue
 * anchors, the step with expected-vs-observed transition logs, the plain-language explanation, the minimal trace
 * and the exact replay command.
 * @module
 */
import type { RuleId } from '@umcg/spec';
import { quote } from 'shell-quote';
import { transitionLog } from '../check/diff.js';
import type { Divergence } from '../check/types.js';
import { printTrace } from '../trace/print.js';
import type { Trace } from '../trace/types.js';

/** Where rule anchors point (the rendered catalogue). */
export const RULE_URL_BASE = 'spec/SPEC.md#';

/** The options besides target and profile that shaped a run, which a replay line must repeat. */
export interface RunShape {
  /** `--target-args` (mutant, kernel, knobs, ...). */
  readonly targetArgs?: Readonly<Record<string, string>>;
  /** `--seed` (the seed the target was opened and the trace run with). */
  readonly seed?: number;
  /** `--timeout` in ms (repeated when it is not the default 10 s). */
  readonly timeoutMs?: number;
}

/** `word` as the shell reads it: as is when it is plain, else quoted. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : quote([word]));

/** The default per-trace timeout of the CLI (ms); a replay line omits `--timeout` when it is this. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The replay command for a saved trace file: one shell-quoted line that repeats every option that shaped the run
 * (target, profile, target arguments, seed, timeout), so running it gives the same verdict.
 */
export function replayCommand(target: string, profile: string, file: string, shape: RunShape = {}): string {
  const args = [`--target=${target}`, `--profile=${profile}`];
  const ta = Object.entries(shape.targetArgs ?? {});
  if (ta.length > 0) args.push(`--target-args=${ta.map(([k, v]) => `${k}=${v}`).join(',')}`);
  if (shape.seed !== undefined) args.push(`--seed=${shape.seed}`);
  if (shape.timeoutMs !== undefined && shape.timeoutMs !== DEFAULT_TIMEOUT_MS)
    args.push(`--timeout=${shape.timeoutMs}ms`);
  return `pnpm conformance ${[...args, '--replay', file].map(shellWord).join(' ')}`;
}

/** The shortest prefix of `trace` that still reaches the divergent step. */
export function minimalPrefix(trace: Trace, failure: Divergence): Trace {
  return { header: trace.header, steps: trace.steps.slice(0, failure.step + 1) };
}

const indent = (lines: readonly string[], by = '    '): string[] => lines.map((l) => `${by}${l}`);

/** Renders a failure block (multi-line). */
export function renderFailure(args: {
  readonly trace: Trace;
  readonly failure: Divergence;
  readonly rules: readonly RuleId[];
  readonly replay: string;
  /** The minimized trace, when minimization did better than the failing prefix. */
  readonly minimal?: Trace;
}): string {
  const { failure } = args;
  const lines: string[] = [];
  const involved = failure.rules.length > 0 ? failure.rules : args.trace.header.rules;
  lines.push(`  Rules: ${involved.length === 0 ? '(none recorded)' : involved.join(', ')}`);
  for (const r of involved) lines.push(`    ${RULE_URL_BASE}${r}`);
  if (failure.previous !== undefined) {
    const exp = failure.cause === 'expectation' ? failure.observed : failure.closest;
    if (failure.cause !== 'expectation' && exp !== undefined) {
      lines.push(
        `  Expected (closest of ${failure.allowed.length} allowed outcome${failure.allowed.length === 1 ? '' : 's'}):`,
      );
      lines.push(...indent(transitionLog(failure.previous, exp)));
    }
    lines.push('  Observed:');
    lines.push(...indent(transitionLog(failure.previous, failure.observed)));
  }
  lines.push(...indent(failure.explanation.split('\n'), '  '));
  lines.push('  Minimal trace:');
  const minimal = args.minimal ?? minimalPrefix(args.trace, failure);
  lines.push(...indent(printTrace(minimal).trimEnd().split('\n')));
  lines.push(`  Replay: ${args.replay}`);
  return lines.join('\n');
}
