/**
 * Command-line parsing for `pnpm conformance` (no dependencies): `--name=value` and `--name value` forms, a
 * subcommand (`explain`, `doctor`) as the first positional word. Errors name the option and what was expected.
 * @module
 */
import type { ProfileId } from '@umcg/spec';
import { PROFILES } from '@umcg/spec';
import type { Shard } from '../run/select.js';
import { parseShard } from '../run/select.js';

/** The reporters `--reporter` accepts. */
export const REPORTERS = ['simple', 'json', 'junit', 'tap', 'html'] as const;
/** A reporter name. */
export type ReporterName = (typeof REPORTERS)[number];

/** Parsed command line. */
export interface CliArgs {
  readonly command: 'run' | 'explain' | 'doctor' | 'show' | 'report' | 'check-trace' | 'help';
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
const FLAGS = ['litmus', 'save', 'help', 'sanity'];

function int(name: string, v: string, min: number): number {
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new UsageError(`--${name}: expected an integer >= ${min}, found '${v}'`);
  return Number(v);
}

/** Parses a timeout: `500` (ms), `10s`, `2m`. */
export function parseTimeout(v: string): number {
  const m = /^(\d+)(ms|s|m)?$/.exec(v);
  if (!m?.[1]) throw new UsageError(`--timeout: expected a duration such as 10s, 500ms or 2m, found '${v}'`);
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
        `unknown option --${name}; expected one of ${[...VALUED, ...FLAGS, 'corpus'].map((n) => `--${n}`).join(', ')}`,
      );
    const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new UsageError(`--${name}: expected a value`);
    values.set(name, v);
  }
  const first = positional[0];
  const command = flags.has('help')
    ? 'help'
    : first === 'explain' ||
        first === 'doctor' ||
        first === 'show' ||
        first === 'report' ||
        first === 'check-trace' ||
        first === 'help'
      ? first
      : 'run';
  if (command === 'run' && positional.length > 0)
    throw new UsageError(
      `unexpected argument '${first}'; expected options, 'explain <rule>', 'show <file>', 'report' or 'doctor'`,
    );
  const profile = values.get('profile');
  if (profile !== undefined && !Object.hasOwn(PROFILES, profile))
    throw new UsageError(
      `--profile: expected one of ${Object.keys(PROFILES).join(', ')}, found '${profile}'`,
    );
  const reporter = values.get('reporter') ?? 'simple';
  if (!(REPORTERS as readonly string[]).includes(reporter))
    throw new UsageError(`--reporter: expected one of ${REPORTERS.join(', ')}, found '${reporter}'`);
  const targetArgs: Record<string, string> = {};
  for (const kv of (values.get('target-args') ?? '').split(',').filter((s) => s !== '')) {
    const [k, ...rest] = kv.split('=');
    if (!k || rest.length === 0)
      throw new UsageError(`--target-args: expected key=value[,key=value], found '${kv}'`);
    targetArgs[k] = rest.join('=');
  }
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
    positional: positional.slice(command === 'run' ? 0 : 1),
    target: values.get('target'),
    targetArgs,
    profile: profile as ProfileId | undefined,
    runs: get('runs', 0),
    seed: get('seed', 0),
    replay: values.get('replay'),
    corpus,
    rules: values.get('rules'),
    litmus: flags.has('litmus'),
    jobs: get('jobs', 1) ?? 1,
    shard: parsedShard,
    timeoutMs: values.has('timeout') ? parseTimeout(values.get('timeout') ?? '') : 10_000,
    reporter: reporter as ReporterName,
    out: values.get('out'),
    save: flags.has('save'),
    sanity: flags.has('sanity'),
  };
}
