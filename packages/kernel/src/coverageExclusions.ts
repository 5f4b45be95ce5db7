/**
 * Lines of the UMCG code that no run can reach by design, with the reason: `coverage-exclusions.txt` next to
 * package.json. A coverage report leaves them out of its figures and lists them apart. Each entry names a line by
 * its text, not its number, so an edit that moves it keeps the entry and an edit that changes it makes the entry
 * stale, which the package's test catches.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_DIR } from './paths.js';

/** The exclusions file. */
export const EXCLUSIONS_FILE = join(PACKAGE_DIR, 'coverage-exclusions.txt');

/** One excluded line. */
export interface CoverageExclusion {
  /** Kernel-tree path. */
  readonly file: string;
  /** The line's text without leading and trailing blanks; every line of `file` with this text is excluded. */
  readonly text: string;
  /** Why no run reaches it. */
  readonly reason: string;
  /** Line of the exclusions file, for messages. */
  readonly at: number;
}

/**
 * Parses the exclusions text: `#` comments and blank lines aside, each line is `file<TAB>text<TAB>reason`.
 * Throws naming `source:line` and what was expected.
 */
export function parseExclusions(text: string, source = EXCLUSIONS_FILE): CoverageExclusion[] {
  const out: CoverageExclusion[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const [file, line, reason, ...rest] = raw.split('\t');
    if (file === undefined || line === undefined || reason === undefined || rest.length > 0 || !reason.trim())
      throw new Error(
        `${source}:${i + 1}: expected 'file<TAB>line text<TAB>reason', got '${raw.slice(0, 120)}'`,
      );
    out.push({ file: file.trim(), text: line.trim(), reason: reason.trim(), at: i + 1 });
  }
  return out;
}

/** The package's exclusions. */
export function coverageExclusions(): CoverageExclusion[] {
  return parseExclusions(readFileSync(EXCLUSIONS_FILE, 'utf8'));
}

/** The line numbers of `source` (the text of `file`) that `exclusions` name. */
export function excludedLines(
  exclusions: readonly CoverageExclusion[],
  file: string,
  source: string,
): Map<number, CoverageExclusion> {
  const mine = exclusions.filter((e) => e.file === file);
  const lines = new Map<number, CoverageExclusion>();
  for (const [i, l] of source.split('\n').entries()) {
    const e = mine.find((x) => x.text === l.trim());
    if (e !== undefined) lines.set(i + 1, e);
  }
  return lines;
}
