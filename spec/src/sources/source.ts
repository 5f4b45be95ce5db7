/**
 * The shape of a bibliography entry: one citation key (`[PZ-v2]`, `[gatieme]`, ...) and how a reader finds the
 * posting or code snapshot it names. Rendered into `spec/SOURCES.md`; rules, profiles, corpus headers and comments
 * cite these keys.
 * @module
 */

/** A mail on a public list (found by its Message-ID), a code snapshot in a public repository, or an article. */
export type SourceKind = 'mail' | 'code' | 'article';

/** A further message or file a source entry also covers (a patch of a series, a reply in the same thread). */
export interface SourcePart {
  /** What it is, in our words (e.g. `5/5, the main patch`). */
  readonly label: string;
  /** Its Message-ID (mail) or path (code), when known. */
  readonly id?: string;
  /** True when our notes abbreviated the Message-ID's host and we completed it (see `SourceSpec.hostCompleted`). */
  readonly hostCompleted?: boolean;
}

/** One bibliography entry. */
export interface SourceSpec {
  /** Kind of source. */
  readonly kind: SourceKind;
  /** Author (for code: the repository owner). */
  readonly author: string;
  /** Date of posting, `YYYY-MM-DD` (`~` in front when only approximately known), or `—` when unknown. */
  readonly date: string;
  /** The subject line (mail) or a short title (code, article). */
  readonly subject: string;
  /** Message-ID without angle brackets (mail). */
  readonly messageId?: string;
  /** True when our notes abbreviated the Message-ID's host and we completed it from the sender's usual host. */
  readonly hostCompleted?: boolean;
  /** A public URL when the source is not found by Message-ID (article, archive search). */
  readonly url?: string;
  /** `owner/name` on GitHub (code). */
  readonly repository?: string;
  /** The commit(s) of the snapshot (code), each with what it holds. */
  readonly commits?: readonly { readonly sha: string; readonly note: string }[];
  /** Files of the snapshot the spec relies on (code). */
  readonly files?: readonly string[];
  /** Further messages of the same posting or thread. */
  readonly parts?: readonly SourcePart[];
  /** What the spec takes from it, in our words (one sentence). */
  readonly about: string;
}
