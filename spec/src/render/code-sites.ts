/**
 * Finds where each rule is implemented: the lines of `spec/src/kernel/` that cite the rule id, so SPEC.md can
 * link a rule's prose to its code in one hop.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** `file:line` references per rule id, relative to the repository root. */
export function codeSites(specRoot: string, ids: readonly string[]): Map<string, string[]> {
  const dir = join(specRoot, 'src', 'kernel');
  const sites = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ts')) continue;
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, n) => {
      for (const m of line.matchAll(/'([a-z]+(?:\.[a-z-]+)+)'/g)) {
        const list = sites.get(m[1]!);
        const where = `${relative(join(specRoot, '..'), join(dir, file))}:${n + 1}`;
        if (list && !list.includes(where)) list.push(where);
      }
    });
  }
  return sites;
}
