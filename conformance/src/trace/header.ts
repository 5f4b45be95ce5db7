/**
 * The `# key: value` header of the text forms (traces and litmus tests) and its printer.
 * @module
 */
import type { ProfileId, RuleId, TaskDecl } from '@umcg/spec';
import { PROFILES, REFERENCE_PROFILE, TASK_NAME_PATTERN } from '@umcg/spec';
import { TraceSyntaxError } from './errors.js';
import { FEATURE_NAMES, isFeature } from './features.js';
import type { Feature, TraceHeader } from './types.js';

/** Header keys, in print order. */
export const HEADER_KEYS = [
  'version',
  'name',
  'profile',
  'tasks',
  'requires',
  'rules',
  'sources',
  'description',
] as const;
/** Names that cannot be task names because they are keywords of values or the `env:` prefix. */
export const RESERVED_NAMES: readonly string[] = [
  'env',
  'tid',
  'addr',
  'garbage',
  'own',
  'null',
  'misaligned',
];

/** Accumulates header lines; `finish` applies the defaults. */
export class HeaderBuilder {
  readonly file: string;
  private readonly fields = new Map<string, string>();
  private readonly descr: string[] = [];

  constructor(file: string) {
    this.file = file;
  }

  /** Tries a comment line (without the `#`); returns false when it is not a `key: value` header line. */
  accept(body: string, line: number, col: number): boolean {
    const m = /^(\s*)([a-z][a-z-]*):(.*)$/.exec(body);
    if (m?.[2] === undefined || m[3] === undefined) return false;
    const key = m[2];
    if (!(HEADER_KEYS as readonly string[]).includes(key))
      throw new TraceSyntaxError(
        this.file,
        line,
        col + (m[1]?.length ?? 0),
        `expected a header key (${HEADER_KEYS.join(', ')}), found '${key}'`,
      );
    const value = m[3].trim();
    if (key === 'description') this.descr.push(value);
    else if (this.fields.has(key))
      throw new TraceSyntaxError(this.file, line, col, `duplicate header key '${key}'`);
    else {
      this.fields.set(key, value);
      // The value's own column (after the colon and its blanks): an empty value points just past the colon.
      const lead = m[3].length - m[3].trimStart().length;
      this.lines.set(key, [line, col + (m[1]?.length ?? 0) + key.length + 1 + lead]);
    }
    return true;
  }

  private readonly lines = new Map<string, [number, number]>();

  private err(key: string, message: string): TraceSyntaxError {
    const [line, col] = this.lines.get(key) ?? [1, 1];
    return new TraceSyntaxError(this.file, line, col, message);
  }

  /** Whether tasks were declared yet. */
  hasTasks(): boolean {
    return this.fields.has('tasks');
  }

  /** The declared tasks (validated). */
  tasks(): TaskDecl[] {
    const raw = this.fields.get('tasks') ?? '';
    const out: TaskDecl[] = [];
    for (const tok of raw.split(/[\s,]+/).filter((t) => t !== '')) {
      const last = out[out.length - 1];
      if (tok === 'memory=shmem' || tok === 'memory=anon') {
        if (last === undefined) throw this.err('tasks', `expected a task name before '${tok}'`);
        out[out.length - 1] =
          tok === 'memory=shmem' ? { name: last.name, memory: 'shmem' } : { name: last.name };
        continue;
      }
      if (!TASK_NAME_PATTERN.test(tok) || RESERVED_NAMES.includes(tok))
        throw this.err(
          'tasks',
          `expected a task name (lower-case letter, then letters, digits, _; not ${RESERVED_NAMES.join('/')}), found '${tok}'`,
        );
      if (out.some((t) => t.name === tok)) throw this.err('tasks', `task '${tok}' declared twice`);
      out.push({ name: tok });
    }
    if (out.length === 0) throw this.err('tasks', 'expected at least one task name');
    return out;
  }

  /** The header with defaults: name from the file stem, profile pz-v2, empty lists. */
  finish(defaultName: string): TraceHeader {
    const version = this.fields.get('version') ?? '1';
    if (version !== '1') throw this.err('version', `expected version 1, found '${version}'`);
    const profile = this.fields.get('profile') ?? REFERENCE_PROFILE;
    if (!Object.hasOwn(PROFILES, profile))
      throw this.err(
        'profile',
        `expected a profile (${Object.keys(PROFILES).join(', ')}), found '${profile}'`,
      );
    const list = (key: string): string[] =>
      (this.fields.get(key) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const requires = list('requires');
    const unknown = requires.find((f) => !isFeature(f));
    if (unknown !== undefined)
      throw this.err('requires', `expected a feature (${FEATURE_NAMES.join(', ')}), found '${unknown}'`);
    const rules = list('rules');
    const badRule = rules.find((r) => !/^[a-z0-9][a-z0-9.-]*$/.test(r));
    if (badRule !== undefined)
      throw this.err('rules', `expected a rule id such as wait.next.not-runnable, found '${badRule}'`);
    return {
      version: 1,
      name: this.fields.get('name') ?? defaultName,
      profile: profile as ProfileId,
      tasks: this.tasks(),
      requires: requires as Feature[],
      rules: rules as RuleId[],
      sources: list('sources'),
      description: this.descr.join(' '),
    };
  }
}

/** Prints the header lines (empty lists and an empty description are omitted). */
export function printHeader(h: TraceHeader): string[] {
  const tasks = h.tasks.map((t) => (t.memory === 'shmem' ? `${t.name} memory=shmem` : t.name)).join(', ');
  const lines = [
    `# version: ${h.version}`,
    `# name: ${h.name}`,
    `# profile: ${h.profile}`,
    `# tasks: ${tasks}`,
  ];
  if (h.requires.length > 0) lines.push(`# requires: ${h.requires.join(', ')}`);
  if (h.rules.length > 0) lines.push(`# rules: ${h.rules.join(', ')}`);
  if (h.sources.length > 0) lines.push(`# sources: ${h.sources.join(', ')}`);
  if (h.description !== '') lines.push(`# description: ${h.description}`);
  return lines;
}
