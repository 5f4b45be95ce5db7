/**
 * Reads the doc comment of every profile parameter from `profiles/params.ts`, for the SPEC.md profile table.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Parameter name → its doc comment as one line. */
export function paramDocs(specRoot: string): Map<string, string> {
  const text = readFileSync(join(specRoot, 'src', 'profiles', 'params.ts'), 'utf8');
  const docs = new Map<string, string>();
  for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*readonly (\w+):/g)) {
    const doc = m[1]!
      .split('\n')
      .map((l) => l.replace(/^\s*\*\s?/, '').trim())
      .filter(Boolean)
      .join(' ');
    docs.set(m[2]!, doc);
  }
  return docs;
}
