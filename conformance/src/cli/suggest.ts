/**
 * "Did you mean" for usage errors: the known names closest to a mistyped one (edit distance, `fastest-levenshtein`).
 * @module
 */
import { distance } from 'fastest-levenshtein';

/** Up to `max` of `known` within a small edit distance of `word` (closest first), or those containing it. */
export function closestNames(word: string, known: readonly string[], max = 3): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const near = known
    .map((k) => ({ k, d: distance(word, k) }))
    .filter(({ k, d }) => d <= limit || (word.length >= 3 && k.includes(word)))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map(({ k }) => k);
  return near;
}

/** ` Did you mean 'x'?` (or `'x' or 'y'`), or '' when nothing is close. */
export function didYouMean(word: string, known: readonly string[]): string {
  const near = closestNames(word, known);
  return near.length === 0 ? '' : ` Did you mean ${near.map((n) => `'${n}'`).join(' or ')}?`;
}
