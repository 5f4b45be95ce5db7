/**
 * Pending changesets (`.changeset/*.md`) and the rule ids each names on a `Rules: id, id` line of its body. A
 * changeset that changes a rule's statement must name the rule there; the rendered changelog then lists it.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One pending changeset and the rule ids it names. */
export interface PendingChangeset {
  /** File name inside `.changeset/`. */
  readonly file: string;
  /** Rule ids named on its `Rules:` lines. */
  readonly rules: readonly string[];
}

/** The ids of a `Rules:` line's value (comma- or space-separated, backticks allowed). */
export function parseRulesLine(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.replace(/`/g, '').trim())
    .filter((s) => s !== '');
}

/** Reads every pending changeset of the repository at `repoRoot` (README.md and config are not changesets). */
export function pendingChangesets(repoRoot: string): PendingChangeset[] {
  const dir = join(repoRoot, '.changeset');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
      const rules = [...body.matchAll(/^Rules:[ \t]*(.+)$/gm)].flatMap((m) => parseRulesLine(m[1]!));
      return { file, rules };
    });
}
