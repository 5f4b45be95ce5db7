/**
 * Command-line parsing for `pnpm conformance` (no dependencies): `--name=value` and `--name value` forms, a
 * subcommand (`explain`, `doctor`) as the first positional word. Errors name the option and what was expected.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import { allRules, PROFILES } from '@umcg/spec';
import type { Shard } from '../run/select.js';
import { parseShard, ruleMatcher } from '../run/select.js';
import { didYouMean } from './suggest.js';

/** The reporters `--reporter` accepts. */
export const REPORTERS = ['simple', 'json', 'junit', 'tap', 'html'] as const;
/** A reporter name. */
export type ReporterName = (typeof REPORTERS)[number];

/** Parsed command line. */
export interface CliArgs {
  readonly command:
    | 'run'
    | 'explain'
    | 'doctor'
    | 'show'
    | 'report'
    | 'failures'
    | 'merge'
    | 'check-trace'
    | 'help';
  readonly positional: readonly string[];
  readonly target: string | undefined;
  readonly targetArgs: Readonly<Record<string, string>>;
  readonly profile: ProfileId | undefined;
  readonly runs: number | undefined;
  readonly seed: number | undefined;
  readonly replay: string | undefined;
  readonly corpus: string | true | undefined;
  readonly rules: string | undefined;
  readonly litmus: boolean;
  readonly jobs: number;
  readonly shard: Shard | undefined;
  readonly timeoutMs: number;
  readonly reporter: ReporterName;
  readonly out: string | undefined;
  readonly save: boolean;
  readonly sanity: boolean;
  readonly coverage: boolean;
}

/** A usage error (exit 255 with the message and a pointer to --help). */
export class UsageError extends Error {
  override name = 'UsageError';
}

const VALUED = [
  'target',
  'target-args',
  'profile',
  'runs',
  'seed',
  'replay',
  'rules',
  'jobs',
  'shard',
  'timeout',
  'reporter',
  'out',
];
const FLAGS = ['litmus', 'save', 'help', 'sanity', 'coverage'];
const OPTIONS = [...VALUED, ...FLAGS, 'corpus'].map((n) => `--${n}`);
const COMMANDS = ['explain', 'doctor', 'show', 'report', 'failures', 'merge', 'check-trace', 'help'] as const;

/** For a glob `lit*rest`: the rule-id prefixes with as many dot-separated parts as `lit`, followed by `*rest`. */
function globCandidates(glob: string, ids: readonly string[]): string[] {
  const wild = glob.search(/[*?]/);
  if (wild < 0) return [...ids];
  const lit = glob.slice(0, wild);
  const dot = lit.endsWith('.');
  const parts = lit.split('.').length - (dot ? 1 : 0);
  const rest = glob.slice(wild);
  return [...new Set(ids.map((id) => `${id.split('.').slice(0, parts).join('.')}${dot ? '.' : ''}${rest}`))];
}

/** `--rules`: every comma-separated glob must match a rule of the catalogue (a typo must not select nothing). */
function checkRules(globs: string): void {
  const ids = allRules().map((r) => r.id);
  for (const g of globs.split(',').map((s) => s.trim())) {
    const match = ruleMatcher(g);
    if (g === '' || !ids.some((id) => match([id])))
      throw new UsageError(
        `--rules: '${clip(g)}' matches no rule id.${didYouMean(g, globCandidates(g, ids))} See 'pnpm conformance explain <rule>' or spec/SPEC.md for the ids.`,
      );
  }
}

/** A user's token as quoted in an error: at most ~200 characters (a 1 MB argument must not flood the terminal). */
export function clip(token: string, max = 200): string {
  return token.length <= max ? token : `${token.slice(0, max)}… (${token.length} characters)`;
}

function int(name: string, v: string, min: number): number {
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new UsageError(`--${name}: expected an integer >= ${min}, found '${clip(v)}'`);
  return Number(v);
}

/** Parses a timeout: `500` (ms), `10s`, `2m`. */
export function parseTimeout(v: string): number {
  const m = /^(\d+)(ms|s|m)?$/.exec(v);
  if (!m?.[1])
    throw new UsageError(`--timeout: expected a duration such as 10s, 500ms or 2m, found '${clip(v)}'`);
  return Number(m[1]) * (m[2] === 's' ? 1000 : m[2] === 'm' ? 60_000 : 1);
}

/** Parses `argv` (without node and the script). */
export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  let corpus: string | true | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-h') {
      flags.add('help');
      continue;
    }
    if (a === '-j') {
      values.set('jobs', argv[++i] ?? '');
      continue;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (name === 'corpus') {
      const next = argv[i + 1];
      const takesNext = eq < 0 && next !== undefined && !next.startsWith('-');
      corpus = eq >= 0 ? a.slice(eq + 1) : takesNext ? next : true;
      if (takesNext) i++;
      continue;
    }
    if (FLAGS.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!VALUED.includes(name))
      throw new UsageError(
        `unknown option --${clip(name)}; expected one of ${OPTIONS.join(', ')}.${didYouMean(`--${name}`, OPTIONS)}`,
      );
    const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new UsageError(`--${name}: expected a value`);
    values.set(name, v);
  }
  const first = positional[0];
  const command = flags.has('help')
    ? 'help'
    : (COMMANDS as readonly string[]).includes(first ?? '')
      ? (first as (typeof COMMANDS)[number])
      : 'run';
  if (command === 'run' && positional.length > 0)
    throw new UsageError(
      `unexpected argument '${clip(first ?? '')}';${didYouMean(first ?? '', COMMANDS)} expected options, 'explain <rule>', 'show <file>', 'report' or 'doctor'`,
    );
  const profile = values.get('profile');
  if (profile !== undefined && !Object.hasOwn(PROFILES, profile))
    throw new UsageError(
      `--profile: unknown profile '${clip(profile)}'; expected one of ${Object.keys(PROFILES).join(', ')}.${didYouMean(profile, Object.keys(PROFILES))}`,
    );
  const reporter = values.get('reporter') ?? 'simple';
  if (!(REPORTERS as readonly string[]).includes(reporter))
    throw new UsageError(`--reporter: expected one of ${REPORTERS.join(', ')}, found '${clip(reporter)}'`);
  const targetArgs: Record<string, string> = {};
  for (const kv of (values.get('target-args') ?? '').split(',').filter((s) => s !== '')) {
    const [k, ...rest] = kv.split('=');
    if (!k || rest.length === 0)
      throw new UsageError(`--target-args: expected key=value[,key=value], found '${clip(kv)}'`);
    targetArgs[k] = rest.join('=');
  }
  const rules = values.get('rules');
  if (rules !== undefined) checkRules(rules);
  const shard = values.get('shard');
  let parsedShard: Shard | undefined;
  try {
    parsedShard = shard === undefined ? undefined : parseShard(shard);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const get = (n: string, min: number): number | undefined =>
    values.has(n) ? int(n, values.get(n) ?? '', min) : undefined;
  return {
    command,
    // `help` keeps the topic: `explain --help` and `help explain` both give ['explain'].
    positional:
      command === 'help'
        ? positional.slice(first === 'help' ? 1 : 0, first === 'help' ? 2 : 1)
        : positional.slice(command === 'run' ? 0 : 1),
    target: values.get('target'),
    targetArgs,
    profile: profile as ProfileId | undefined,
    runs: get('runs', 0),
    seed: get('seed', 0),
    replay: values.get('replay'),
    corpus,
    rules,
    litmus: flags.has('litmus'),
    jobs: get('jobs', 1) ?? 1,
    shard: parsedShard,
    timeoutMs: values.has('timeout') ? parseTimeout(values.get('timeout') ?? '') : 10_000,
    reporter: reporter as ReporterName,
    out: values.get('out'),
    save: flags.has('save'),
    sanity: flags.has('sanity'),
    coverage: flags.has('coverage'),
  };
}
