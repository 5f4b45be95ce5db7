import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { specVersion } from '../src/cite/version.js';
import { pendingChangesets } from '../src/lock/changesets.js';
import { lockProblems, retire, updatedLock } from '../src/lock/check.js';
import { currentEntries } from '../src/lock/current.js';
import { formatLock, type LockEntry, lockVersion, parseLock, statementHash } from '../src/lock/lock.js';
import { renderSpecMarkdown } from '../src/render/spec-md.js';
import { repoRoot } from './repo-files.js';

const lockText = readFileSync(join(repoRoot, 'spec', 'rules.lock'), 'utf8');
const lock = parseLock(lockText);
const current = currentEntries();
const rule = (id: string, statement = id, title = id): LockEntry => ({
  kind: 'rule',
  id,
  status: 'active',
  hash: statementHash(statement),
  title,
});

describe('spec/rules.lock', () => {
  it('agrees with the catalogue and the pending changesets (`pnpm spec lock` when an id is new)', () => {
    expect(lockProblems(lock, current, pendingChangesets(repoRoot))).toEqual([]);
  });

  it('is in its canonical form', () => {
    expect(formatLock(lock, specVersion())).toBe(lockText);
  });

  it('records the statements of the current spec version (after `changeset version`, run `pnpm release:version`)', () => {
    expect(lockVersion(lockText)).toBe(specVersion());
  });

  it('lists every rule, profile and parameter of the catalogue', () => {
    const ids = new Set(lock.map((e) => `${e.kind} ${e.id}`));
    for (const e of current) expect(ids.has(`${e.kind} ${e.id}`), e.id).toBe(true);
  });

  it('fails when any published id disappears from the catalogue', () => {
    for (const gone of current) {
      const problems = lockProblems(
        lock,
        current.filter((e) => e !== gone),
        [],
      );
      expect(problems.join('\n'), gone.id).toContain(`'${gone.id}' disappeared`);
    }
  });

  it('accepts a removal once the id is retired with a reason, and SPEC.md still renders it', () => {
    const retired = retire(lock, 'tidMask', 'split into two parameters');
    const withoutIt = current.filter((e) => e.id !== 'tidMask');
    expect(lockProblems(retired, withoutIt, pendingChangesets(repoRoot))).toEqual([]);
    expect(parseLock(formatLock(retired, '1.0.0')).find((e) => e.id === 'tidMask')?.status).toBe('retired');
  });

  it('refuses to reuse a retired id', () => {
    const retired = retire([rule('a.b')], 'a.b', 'gone');
    expect(lockProblems(retired, [rule('a.b')], []).join()).toContain('may not be reused');
  });

  it('requires a changeset naming a rule whose statement changed, and accepts one that does', () => {
    const before = [rule('a.b', 'old text')];
    const after = [rule('a.b', 'new text')];
    expect(lockProblems(before, after, []).join()).toContain('name it in a changeset');
    expect(lockProblems(before, after, [{ file: 'x.md', rules: ['other.rule'] }]).join()).toContain(
      'name it in a changeset',
    );
    expect(lockProblems(before, after, [{ file: 'x.md', rules: ['a.b'] }])).toEqual([]);
    expect(lockProblems(before, after, [{ file: 'x.md', rules: ['a.b', 'no.such'] }]).join()).toContain(
      "'no.such', which is not a rule id",
    );
  });

  it('keeps recorded hashes on `pnpm spec lock` and records new ones only on `--release`', () => {
    const before = [rule('a.b', 'old text')];
    const after = [rule('a.b', 'new text'), rule('c.d')];
    const plain = updatedLock(before, after, false);
    expect(plain.find((e) => e.id === 'a.b')?.hash).toBe(statementHash('old text'));
    expect(plain.map((e) => e.id)).toEqual(['a.b', 'c.d']);
    expect(updatedLock(before, after, true).find((e) => e.id === 'a.b')?.hash).toBe(
      statementHash('new text'),
    );
  });

  it('renders retired ids in SPEC.md', () => {
    expect(renderSpecMarkdown(join(repoRoot, 'spec'))).toContain('## Retired ids');
  });

  it('names the file and line of a malformed entry', () => {
    expect(() => parseLock('# c\nrule\tx\tactive\n', 'rules.lock')).toThrow(/rules\.lock:2: expected 5 or 6/);
    expect(() => parseLock('rule\tx\tretired\tabcdefabcdef\tT\n')).toThrow(/:1: a retired id needs a reason/);
  });

  test.prop([
    fc.uniqueArray(
      fc.record({
        kind: fc.constantFrom('rule' as const, 'profile' as const, 'param' as const),
        id: fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/),
        retired: fc.boolean(),
        title: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 :|,.-]{0,30}$/),
        hash: fc.stringMatching(/^[0-9a-f]{12}$/),
      }),
      { selector: (e) => `${e.kind} ${e.id}` },
    ),
  ])('parses what it formats', (raw) => {
    const entries: LockEntry[] = raw.map((e) => ({
      kind: e.kind,
      id: e.id,
      status: e.retired ? 'retired' : 'active',
      hash: e.kind === 'rule' ? e.hash : '-',
      title: e.title,
      ...(e.retired ? { reason: 'why' } : {}),
    }));
    const text = formatLock(entries, '1.2.3');
    expect(formatLock(parseLock(text), lockVersion(text)!)).toBe(text);
  });
});

describe('changesets', () => {
  it('name only existing rule ids on their `Rules:` lines', () => {
    const ids = new Set(lock.filter((e) => e.kind === 'rule').map((e) => e.id));
    for (const c of pendingChangesets(repoRoot))
      for (const r of c.rules) expect(ids.has(r), `${c.file}: ${r}`).toBe(true);
  });
});
