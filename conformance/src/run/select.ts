/**
 * Selection of what to run: `--rules <glob>` (matched against the rules a trace cites) and `--shard i/n`.
 * @module
 */

/** A glob over rule ids: `*` matches any run of characters, `?` one character; several globs with commas. */
export function ruleMatcher(glob: string | undefined): (rules: readonly string[]) => boolean {
  if (glob === undefined) return () => true;
  const res = glob.split(',').map(
    (g) =>
      new RegExp(
        `^${g
          .trim()
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      ),
  );
  return (rules) => rules.some((r) => res.some((re) => re.test(r)));
}

/** A shard `i/n` (1-based `i`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n`; throws with the expected form. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new Error(`--shard: expected i/n with 1 <= i <= n, found '${text}'`);
  return { index, count };
}

/** The items of shard `s` (round robin by position, so shards stay balanced as the corpus grows). */
export function inShard<T>(items: readonly T[], s: Shard | undefined): T[] {
  return s === undefined ? [...items] : items.filter((_, i) => i % s.count === s.index - 1);
}
