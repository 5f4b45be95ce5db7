/**
 * Compares the lock with the current catalogue: ids may not disappear or come back after retirement, new ids
 * must be added to the lock, and a rule whose statement differs from the recorded hash must be named by a pending
 * changeset. Returns the problems as sentences (empty when all is well).
 * @module
 */
import type { PendingChangeset } from './changesets.js';
import type { LockEntry } from './lock.js';

const key = (e: { kind: string; id: string }): string => `${e.kind} ${e.id}`;

/** Every problem of `lock` against `current`, given the pending changesets. */
export function lockProblems(
  lock: readonly LockEntry[],
  current: readonly LockEntry[],
  changesets: readonly PendingChangeset[],
): string[] {
  const problems: string[] = [];
  const now = new Map(current.map((e) => [key(e), e]));
  const locked = new Map(lock.map((e) => [key(e), e]));
  const named = new Map<string, string[]>();
  for (const c of changesets) for (const r of c.rules) named.set(r, [...(named.get(r) ?? []), c.file]);
  for (const e of lock) {
    const cur = now.get(key(e));
    if (e.status === 'active' && !cur)
      problems.push(
        `${e.kind} '${e.id}' disappeared: published ids never disappear; retire it with \`pnpm spec lock --retire ${e.id} --reason "..."\``,
      );
    if (e.status === 'retired' && cur && cur.status === 'active')
      problems.push(
        `${e.kind} '${e.id}' is retired (${e.reason ?? ''}) and may not be reused; choose a new id`,
      );
    if (e.kind === 'rule' && e.status === 'active' && cur) {
      if (cur.title !== e.title)
        problems.push(
          `rule '${e.id}': title changed from "${e.title}" to "${cur.title}"; run \`pnpm spec lock\``,
        );
      if (cur.hash !== e.hash && !named.has(e.id))
        problems.push(
          `rule '${e.id}': its statement changed since the lock (${e.hash} → ${cur.hash}); name it in a changeset (a line \`Rules: ${e.id}\`)`,
        );
    }
  }
  for (const e of current)
    if (!locked.has(key(e)))
      problems.push(`new ${e.kind} '${e.id}' is not in spec/rules.lock; run \`pnpm spec lock\``);
  const known = new Set([...lock, ...current].filter((e) => e.kind === 'rule').map((e) => e.id));
  for (const [id, files] of named)
    if (!known.has(id))
      problems.push(`${files.join(', ')}: \`Rules:\` names '${id}', which is not a rule id`);
  return problems;
}

/**
 * The lock after `pnpm spec lock`: new ids added, titles refreshed, retired entries kept. Statement hashes stay as
 * recorded unless `release` is set (the version step, after `changeset version` consumed the changesets).
 */
export function updatedLock(
  lock: readonly LockEntry[],
  current: readonly LockEntry[],
  release: boolean,
): LockEntry[] {
  const now = new Map(current.map((e) => [key(e), e]));
  const out = lock.map((e) => {
    const cur = now.get(key(e));
    if (!cur || e.status === 'retired') return e;
    return { ...e, title: cur.title, hash: release ? cur.hash : e.hash };
  });
  const locked = new Set(lock.map(key));
  for (const e of current) if (!locked.has(key(e))) out.push(e);
  return out;
}

/** Marks the entry with `id` retired with `reason`; throws when no active entry has that id. */
export function retire(lock: readonly LockEntry[], id: string, reason: string): LockEntry[] {
  if (!lock.some((e) => e.id === id && e.status === 'active'))
    throw new Error(`no active id '${id}' in the lock`);
  return lock.map((e) => (e.id === id && e.status === 'active' ? { ...e, status: 'retired', reason } : e));
}
