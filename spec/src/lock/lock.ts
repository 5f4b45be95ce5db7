/**
 * `spec/rules.lock`: every id the spec ever published (rules, profiles, profile parameters) with its title and,
 * for rules, a hash of the statement. One tab-separated line per id, sorted, so a diff shows exactly what changed.
 * Ids never disappear: a retired id keeps its line with status `retired` and a reason, and SPEC.md renders it.
 * @module
 */
import { createHash } from 'node:crypto';

/** What an id names. */
export type LockKind = 'rule' | 'profile' | 'param';

/** One line of the lock. */
export interface LockEntry {
  /** What the id names. */
  readonly kind: LockKind;
  /** The id (rule id, profile id, parameter name). */
  readonly id: string;
  /** `active` while the id exists; `retired` once it is withdrawn (it may never come back). */
  readonly status: 'active' | 'retired';
  /** Rules: hash of the statement as last recorded (see `statementHash`); `-` for profiles and parameters. */
  readonly hash: string;
  /** The title (rules, profiles) or the parameter's name again (parameters). */
  readonly title: string;
  /** Retired entries: why, and what replaces the id. */
  readonly reason?: string;
}

const KINDS: readonly LockKind[] = ['rule', 'profile', 'param'];

/** The hash the lock records for a rule statement: sha256 of the whitespace-normalised text, 12 hex digits. */
export function statementHash(statement: string): string {
  return createHash('sha256').update(statement.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12);
}

/** Parses the lock text; throws an Error naming the line and what was expected. */
export function parseLock(text: string, file = 'spec/rules.lock'): LockEntry[] {
  const out: LockEntry[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, n) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const f = line.split('\t');
    const where = `${file}:${n + 1}`;
    if (f.length < 5 || f.length > 6)
      throw new Error(`${where}: expected 5 or 6 tab-separated fields (kind id status hash title [reason])`);
    const [kind, id, status, hash, title, reason] = f as [string, string, string, string, string, string?];
    if (!KINDS.includes(kind as LockKind))
      throw new Error(`${where}: expected kind rule|profile|param, found '${kind}'`);
    if (status !== 'active' && status !== 'retired')
      throw new Error(`${where}: expected status active|retired, found '${status}'`);
    if (status === 'retired' && !reason) throw new Error(`${where}: a retired id needs a reason (6th field)`);
    if (kind === 'rule' && !/^[0-9a-f]{12}$/.test(hash))
      throw new Error(`${where}: expected a 12-digit hex hash`);
    const key = `${kind} ${id}`;
    if (seen.has(key)) throw new Error(`${where}: ${kind} '${id}' is listed twice`);
    seen.add(key);
    out.push({ kind: kind as LockKind, id, status, hash, title, ...(reason ? { reason } : {}) });
  });
  return out;
}

/** The spec version whose released statements the hashes record (the `# spec-version:` line), if any. */
export function lockVersion(text: string): string | undefined {
  return /^# spec-version: (\S+)/m.exec(text)?.[1];
}

/** Formats entries as the lock text (sorted by kind, then id); `version` is the release the hashes record. */
export function formatLock(entries: readonly LockEntry[], version: string): string {
  const sorted = [...entries].sort(
    (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const head = [
    '# spec/rules.lock: every id the UMCG spec has published. Generated and checked; see spec/README.md',
    '# ("Stable ids"). Ids never disappear: retire one by setting its status to `retired` with a reason.',
    `# spec-version: ${version} (statement hashes as released in this version; \`pnpm release:version\` moves it)`,
    '# kind\tid\tstatus\thash\ttitle\t[reason]',
  ];
  const lines = sorted.map((e) =>
    [e.kind, e.id, e.status, e.hash, e.title, ...(e.reason ? [e.reason] : [])].join('\t'),
  );
  return `${[...head, ...lines].join('\n')}\n`;
}
