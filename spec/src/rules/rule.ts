/**
 * The shape of a rule of the catalogue: a stable, readable id, a statement in plain English, the profiles it
 * holds in and its provenance (source keys of spec/SOURCES.md). Ids are never renumbered or reused; a rule that no
 * longer holds anywhere stays, marked retired.
 * @module
 */
import type { ProfileId } from '../profiles/profile.js';

/** The group a rule is listed under in SPEC.md: one per call and hook. */
export type RuleGroup =
  | 'state'
  | 'list'
  | 'pin'
  | 'ctl.register'
  | 'ctl.unregister'
  | 'wait'
  | 'kick'
  | 'hook.enter'
  | 'hook.block'
  | 'hook.exit'
  | 'hook.resume'
  | 'sleep'
  | 'signal'
  | 'task';

/** Declaration of one rule (without its id, which is its key in the catalogue). */
export interface RuleSpec {
  /** Group (SPEC.md section). */
  readonly group: RuleGroup;
  /** Short title. */
  readonly title: string;
  /** One paragraph in plain English: what the kernel does, observably. */
  readonly statement: string;
  /** Profiles the rule holds in; `all` for every built-in profile. */
  readonly profiles: 'all' | readonly ProfileId[];
  /** Source keys of spec/SOURCES.md (at least one), with the patch and function, e.g. `[PZ-v2] 5/5 sys_umcg_wait()`. */
  readonly sources: readonly string[];
  /** `retired` rules are kept for their id only. */
  readonly status?: 'active' | 'retired';
}
