/**
 * The console lines of `--coverage`: per counted part, lines and branches reached, the first lines never reached,
 * and where the annotated pages and the full list are.
 * @module
 */
import type { CoverageRatio } from '../adapters/contract.js';
import type { RunReport } from '../run/types.js';

/** Unreached lines named on the console before pointing at the full list. */
const SHOWN = 12;

const pct = (r: CoverageRatio): string =>
  `${r.covered}/${r.total} (${r.total === 0 ? '-' : `${((100 * r.covered) / r.total).toFixed(1)} %`})`;

/** The coverage block of the summary, or nothing when the run did not count coverage. */
export function codeCoverageText(c: RunReport['codeCoverage'], outDir: string | undefined): string[] {
  if (c === undefined) return [];
  const at = (f: string): string => (outDir === undefined ? f : `${outDir}/${f}`);
  const lines: string[] = [];
  for (const p of c.parts) {
    lines.push(
      `Code coverage ${p.name}: lines ${pct(p.lines)}, branches ${pct(p.branches)}, ${p.unreached.length} line(s) never reached${p.excluded?.length ? `, ${p.excluded.length} left out as unreachable by design` : ''}`,
    );
    if (p.unreached.length > 0)
      lines.push(
        `  never reached: ${p.unreached.slice(0, SHOWN).join(' ')}${p.unreached.length > SHOWN ? ` … (all in ${at('kernel-coverage/unreached.txt')})` : ''}`,
      );
  }
  lines.push(`  ${c.note}${c.index === undefined ? '' : `; annotated: ${at(c.index)}`}`);
  return lines;
}
