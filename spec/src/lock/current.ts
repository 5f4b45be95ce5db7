/**
 * The ids the spec publishes now, as lock entries: every rule (with its statement hash), every profile and every
 * profile parameter of the reference profile.
 * @module
 */
import { PROFILES, REFERENCE_PROFILE } from '../profiles/catalogue.js';
import { allRules } from '../rules/catalogue.js';
import { type LockEntry, statementHash } from './lock.js';

/** The current catalogue as lock entries (rules marked `retired` in the catalogue are retired here too). */
export function currentEntries(): LockEntry[] {
  const rules: LockEntry[] = allRules().map((r) => ({
    kind: 'rule',
    id: r.id,
    status: r.status === 'retired' ? 'retired' : 'active',
    hash: statementHash(r.statement),
    title: r.title,
    ...(r.status === 'retired' ? { reason: 'retired in the catalogue' } : {}),
  }));
  const profiles: LockEntry[] = Object.values(PROFILES).map((p) => ({
    kind: 'profile',
    id: p.id,
    status: 'active',
    hash: '-',
    title: p.title,
  }));
  const params: LockEntry[] = Object.keys(PROFILES[REFERENCE_PROFILE].params).map((k) => ({
    kind: 'param',
    id: k,
    status: 'active',
    hash: '-',
    title: k,
  }));
  return [...rules, ...profiles, ...params];
}
