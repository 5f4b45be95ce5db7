/**
 * `pnpm spec lock [--release] [--retire <id> --reason <text>]`: brings `spec/rules.lock` up to date. Adds new rule,
 * profile and parameter ids and refreshes titles; never drops an id. `--retire` marks one retired (SPEC.md keeps
 * rendering it with the reason). `--release` also records the current statement hashes; it belongs to the version
 * step, after `changeset version` consumed the changesets that named the changed rules.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specVersion } from '../cite/version.js';
import { pendingChangesets } from '../lock/changesets.js';
import { lockProblems, retire, updatedLock } from '../lock/check.js';
import { currentEntries } from '../lock/current.js';
import { formatLock, lockVersion, parseLock } from '../lock/lock.js';

const specRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Path of the lock file. */
export const LOCK_FILE = join(specRoot, 'rules.lock');

const HELP = `usage: pnpm spec lock [--release] [--retire <id> --reason <text>]
  Adds new ids to spec/rules.lock and refreshes titles. Published ids never disappear:
  --retire <id> --reason <text>  mark an id retired (e.g. a parameter split into two new ones)
  --release                      record the current statement hashes (version step only: refused
                                 unless \`changeset version\` has just bumped the spec's version)`;

/** Reads the lock (empty when the file does not exist yet). */
export function readLock(): ReturnType<typeof parseLock> {
  return existsSync(LOCK_FILE) ? parseLock(readFileSync(LOCK_FILE, 'utf8')) : [];
}

/** Runs the command; returns the exit code. */
export function lockCommand(args: readonly string[]): number {
  if (args.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const at = args.indexOf('--retire');
  const why = args.indexOf('--reason');
  const release = args.includes('--release');
  const recorded = existsSync(LOCK_FILE) ? lockVersion(readFileSync(LOCK_FILE, 'utf8')) : undefined;
  if (release && recorded === specVersion()) {
    console.error(
      `spec lock: --release records statement hashes only after \`changeset version\` bumped the spec (still ${recorded}); name changed rules in a changeset instead`,
    );
    return 255;
  }
  let lock = updatedLock(readLock(), currentEntries(), release);
  if (at >= 0) {
    const id = args[at + 1];
    const reason = why >= 0 ? args[why + 1] : undefined;
    if (!id || !reason) {
      console.error(`spec lock: --retire needs an id and --reason <text>\n${HELP}`);
      return 255;
    }
    try {
      lock = retire(lock, id, reason);
    } catch (e) {
      console.error(`spec lock: ${(e as Error).message}`);
      return 255;
    }
  }
  writeFileSync(LOCK_FILE, formatLock(lock, release || !recorded ? specVersion() : recorded));
  const left = lockProblems(lock, currentEntries(), pendingChangesets(join(specRoot, '..')));
  for (const p of left) console.error(`spec lock: ${p}`);
  console.log(`wrote ${LOCK_FILE} (${lock.length} ids)`);
  return left.length === 0 ? 0 : 1;
}
