/**
 * `pnpm spec cite <rule-id> [--format markdown|text|lkml]`: prints a ready-to-paste citation of a rule. Exit 255
 * on a usage error or an unknown id (with the closest ids), 0 otherwise.
 * @module
 */
import { closest, distance } from 'fastest-levenshtein';
import { CITE_FORMATS, type CiteFormat, citeRule } from '../cite/snippet.js';
import { allRules, findRule } from '../rules/catalogue.js';
import { readLock } from './lock.js';

const HELP = `usage: pnpm spec cite <rule-id> [--format markdown|text|lkml]
  Prints a snippet to paste into a review: the rule's id, title and statement, the profiles it holds in,
  its sources with archive links, and a permalink to spec/SPEC.md#<rule-id> at the current spec version.
  markdown (default) for GitHub/GitLab reviews, text for plain notes, lkml for mail (wrapped at 72 columns).`;

/** Up to three known ids close to `id`: the closest by edit distance, then ids sharing its first segments. */
export function suggestions(id: string): string[] {
  const ids = allRules().map((r) => r.id);
  const best = closest(id, ids);
  const near = ids
    .filter(
      (x) => x !== best && (distance(id, x) <= 4 || x.startsWith(`${id.split('.').slice(0, 2).join('.')}.`)),
    )
    .slice(0, 2);
  return [best, ...near];
}

/** Runs the command on its arguments; returns the exit code. */
export function citeCommand(args: readonly string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  let format: CiteFormat = 'markdown';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = a.startsWith('--format=')
      ? a.slice('--format='.length)
      : a === '--format'
        ? args[++i]
        : undefined;
    if (value !== undefined || a === '--format') {
      if (!CITE_FORMATS.includes(value as CiteFormat)) {
        console.error(
          `spec cite: --format expects one of ${CITE_FORMATS.join(', ')}, found '${value ?? ''}'`,
        );
        return 255;
      }
      format = value as CiteFormat;
    } else if (a.startsWith('-')) {
      console.error(`spec cite: unknown option '${a}'\n${HELP}`);
      return 255;
    } else rest.push(a);
  }
  if (rest.length !== 1) {
    console.error(`spec cite: expected exactly one rule id, found ${rest.length}\n${HELP}`);
    return 255;
  }
  const rule = findRule(rest[0]!);
  const retired = rule
    ? undefined
    : readLock().find((e) => e.kind === 'rule' && e.id === rest[0] && e.status === 'retired');
  if (retired) {
    console.log(
      `${retired.id}: ${retired.title} — retired: ${retired.reason ?? ''} (spec/SPEC.md#${retired.id})`,
    );
    return 0;
  }
  if (!rule) {
    console.error(
      `spec cite: unknown rule id '${rest[0]}'. Did you mean: ${suggestions(rest[0]!).join(', ')}?`,
    );
    return 255;
  }
  process.stdout.write(citeRule(rule, format));
  return 0;
}
