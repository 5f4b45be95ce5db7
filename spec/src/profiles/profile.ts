/**
 * A profile: one posted version of UMCG, declared as its differences from the reference (PeterZ RFC v2).
 * @module
 */
import type { ProfileParams } from './params.js';

/** Identifier of a built-in profile. */
export type ProfileId = 'pz-v2' | 'pz-proto' | 'pz-proto-code' | 'pz-v1' | 'pz-v2-followups' | 'ref-6.1';

/** A named profile. */
export interface Profile {
  /** Stable identifier, used in trace headers and `--profile`. */
  readonly id: ProfileId;
  /** One-line title. */
  readonly title: string;
  /** Which posting it models, with source keys of spec/SOURCES.md. */
  readonly sources: readonly string[];
  /** The profile this one is declared against (undefined for the reference). */
  readonly base: ProfileId | undefined;
  /** The differences from `base`, each with the reason (a source key). */
  readonly differences: Readonly<Partial<Record<keyof ProfileParams, string>>>;
  /** The full parameter set (base merged with the differences). */
  readonly params: ProfileParams;
}
