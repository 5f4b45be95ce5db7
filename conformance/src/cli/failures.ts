/**
 * `pnpm conformance failures list|show|clear`: the failure store seen and pruned by a person. `list` groups saved
 * failures by target, profile and target arguments (the key a run replays them under); `show <hash|file>` prints
 * one; `clear [--target X] [--profile P]` removes them.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { clearFailures, type FailureGroup, groupMatches, listGroups } from '../failures/store.js';
import { UsageError } from './args.js';

const describeKey = (g: FailureGroup): string => {
  if (g.key === undefined) return 'unkeyed (older layout; never replayed: clear them)';
  const args = Object.entries(g.key.args)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `target ${g.key.target}, profile ${g.key.profile}${args === '' ? '' : `, --target-args ${args}`}`;
};

/** Runs the `failures` command; returns its text and exit code. */
export async function failuresCommand(
  dir: string,
  positional: readonly string[],
  filter: { target?: string; profile?: string },
): Promise<{ text: string; code: number }> {
  const [action = 'list', arg] = positional;
  if (action === 'list') {
    const groups = (await listGroups(dir)).filter((g) => groupMatches(g, filter));
    if (groups.length === 0) return { text: `no saved failures in ${dir}`, code: 0 };
    const lines: string[] = [];
    for (const g of groups) {
      lines.push(`${describeKey(g)}: ${g.files.length} in ${g.dir}`);
      for (const f of g.files) lines.push(`  ${f}`);
    }
    return { text: lines.join('\n'), code: 0 };
  }
  if (action === 'show') {
    if (arg === undefined)
      throw new UsageError('failures show: expected a hash or a file (see failures list)');
    const all = (await listGroups(dir)).flatMap((g) => g.files.map((f) => ({ g, f })));
    const hit = all.filter(({ f }) => f === arg || f.endsWith(`/${arg}.trace`) || f.endsWith(`/${arg}`));
    if (hit.length === 0) throw new UsageError(`failures show: no saved failure '${arg}' in ${dir}`);
    return {
      text: (
        await Promise.all(
          hit.map(async ({ g, f }) => `# ${f} (${describeKey(g)})\n${await readFile(f, 'utf8')}`),
        )
      ).join('\n'),
      code: 0,
    };
  }
  if (action === 'clear') {
    const n = await clearFailures(dir, filter);
    return { text: `removed ${n} saved failure(s) from ${dir}`, code: 0 };
  }
  throw new UsageError(`failures: expected list, show <hash> or clear, found '${action}'`);
}
