/**
 * Kernel line and branch coverage of a QEMU run: the counters every guest printed at power-off are summed with
 * `gcov-tool merge`, put next to the coverage kernel's notes, and read by gcovr (a maintained tool: its JSON gives
 * the figures and the lines never reached, its HTML the annotated pages).
 * @module
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import {
  type CoverageExclusion,
  coverageExclusions,
  excludedLines,
  type GcovArtifacts,
  type HookSite,
  hookSites,
} from '../internal/kernel.js';
import { DEBUGFS_GCOV, type GcdaDump } from './dump.js';

/** Covered and total. */
export interface Ratio {
  readonly covered: number;
  readonly total: number;
}

/** Coverage of one file or one set of lines. */
export interface FileCoverage {
  /** Path in the kernel tree. */
  readonly file: string;
  readonly lines: Ratio;
  readonly branches: Ratio;
  /** Executable lines never reached (`file:line`), in order. */
  readonly unreached: readonly string[];
  /** Executable lines left out of the figures as unreachable by design (`file:line: reason`). */
  readonly excluded: readonly string[];
}

/** What a run reached in the kernel. */
export interface KernelCoverage {
  /** `kernel/sched/umcg.c`: every line of the UMCG implementation. */
  readonly umcg: FileCoverage;
  /** The lines the hook patch adds to other kernel files (the hook sites), together. */
  readonly hooks: FileCoverage;
  /** Guests whose counters were summed, and guests whose counters were lost (killed after a crash or hang). */
  readonly guests: { readonly counted: number; readonly lost: number };
  /** Files for the run's results directory, by path relative to it (`kernel-coverage/index.html`, ...). */
  readonly files: Readonly<Record<string, string>>;
}

/** The kernel source files that count. */
export const UMCG_SOURCE = 'kernel/sched/umcg.c';

interface GcovrLine {
  line_number: number;
  count: number;
  gcovr_noncode?: boolean;
  branches: { count: number }[];
}
interface GcovrFile {
  file: string;
  lines: GcovrLine[];
}

function run(cmd: string, args: readonly string[], cwd?: string): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...(cwd === undefined ? {} : { cwd }) });
  if (r.error !== undefined)
    throw new Error(`${cmd}: ${r.error.message} (install it: apt-get install gcovr)`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
}

/** Files under `dir`, relative to it. */
function walk(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name))],
  );
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sources of the counted objects (`kernel/sched/umcg.c`, ...), from the notes' paths. */
function countedFiles(notesDir: string): string[] {
  return walk(notesDir)
    .filter((f) => f.endsWith('.gcno'))
    .map((f) => f.replace(/\.gcno$/, '.c'));
}

/** Writes one guest's counters under `dir` at their object-tree paths. */
function writeDump(dump: GcdaDump, objDir: string, dir: string): number {
  const prefix = `${DEBUGFS_GCOV}${objDir}/`;
  let n = 0;
  for (const [path, data] of dump.files) {
    if (!path.startsWith(prefix)) continue;
    const to = join(dir, path.slice(prefix.length));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, data);
    n++;
  }
  return n;
}

function figures(
  file: string,
  lines: readonly GcovrLine[],
  excluded: ReadonlyMap<number, CoverageExclusion>,
  only?: ReadonlySet<number>,
): FileCoverage {
  const all = lines.filter(
    (l) => l.gcovr_noncode !== true && (only === undefined || only.has(l.line_number)),
  );
  const code = all.filter((l) => !excluded.has(l.line_number));
  const branches = code.flatMap((l) => l.branches);
  return {
    file,
    lines: { covered: code.filter((l) => l.count > 0).length, total: code.length },
    branches: { covered: branches.filter((b) => b.count > 0).length, total: branches.length },
    unreached: code.filter((l) => l.count === 0).map((l) => `${file}:${l.line_number}`),
    excluded: all
      .filter((l) => excluded.has(l.line_number))
      .map((l) => `${file}:${l.line_number}: ${excluded.get(l.line_number)?.reason}`),
  };
}

/** The excluded lines of a counted file (`coverage-exclusions.txt` of `@umcg/kernel`). */
function exclusionsOf(gcov: GcovArtifacts, file: string): Map<number, CoverageExclusion> {
  const path = join(gcov.sourcesDir, file);
  return existsSync(path) ? excludedLines(coverageExclusions(), file, readFileSync(path, 'utf8')) : new Map();
}

/** The hook sites' lines that gcov counts, as one figure over every hooked file. */
function hookFigures(
  gcov: GcovArtifacts,
  files: readonly GcovrFile[],
  sites: readonly HookSite[],
): FileCoverage {
  const parts = [...new Set(sites.map((s) => s.file))].flatMap((file) => {
    const f = files.find((g) => g.file === file);
    if (f === undefined) return [];
    const only = new Set(sites.filter((s) => s.file === file).map((s) => s.line));
    return [figures(file, f.lines, exclusionsOf(gcov, file), only)];
  });
  const sum = (k: 'lines' | 'branches'): Ratio => ({
    covered: parts.reduce((a, p) => a + p[k].covered, 0),
    total: parts.reduce((a, p) => a + p[k].total, 0),
  });
  return {
    file: 'hook sites',
    lines: sum('lines'),
    branches: sum('branches'),
    unreached: parts.flatMap((p) => p.unreached),
    excluded: parts.flatMap((p) => p.excluded),
  };
}

/**
 * Sums the guests' counters and reads them with gcovr. Throws when no guest's counters arrived (nothing to
 * report is not a coverage of 0 %).
 */
export function coverageReport(
  gcov: GcovArtifacts,
  dumps: readonly GcdaDump[],
  lost: number,
): KernelCoverage {
  const tmp = mkdtempSync(join(tmpdir(), 'umcg-cov-'));
  try {
    const dirs: string[] = [];
    for (const [i, d] of dumps.entries()) {
      const dir = join(tmp, `guest${i}`);
      if (writeDump(d, gcov.objDir, dir) > 0) dirs.push(dir);
    }
    if (dirs.length === 0)
      throw new Error(
        `no guest printed its coverage counters (${dumps.length} shut down, ${lost} killed): is the kernel the coverage flavour?`,
      );
    const merged = join(tmp, 'merged');
    cpSync(dirs[0] as string, merged, { recursive: true });
    for (const d of dirs.slice(1)) run('gcov-tool', ['merge', merged, d, '-o', merged]);
    for (const f of walk(gcov.notesDir)) cpSync(join(gcov.notesDir, f), join(merged, f));
    const out = join(tmp, 'out');
    mkdirSync(join(out, 'html'), { recursive: true });
    run(
      'gcovr',
      [
        '--root',
        gcov.sourcesDir,
        '--object-directory',
        merged,
        '--json',
        join(out, 'coverage.json'),
        '--html-details',
        join(out, 'html', 'index.html'),
        // Only the counted files: not every header their inline functions come from.
        ...countedFiles(gcov.notesDir).flatMap((f) => ['--filter', `.*/${escapeRegex(f)}$`]),
        '--html-title',
        'UMCG reference kernel: lines and branches reached',
        merged,
      ],
      merged,
    );
    const json = JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8')) as { files: GcovrFile[] };
    const umcgFile = json.files.find((f) => f.file === UMCG_SOURCE);
    if (umcgFile === undefined)
      throw new Error(
        `gcovr reported no ${UMCG_SOURCE} (files: ${json.files.map((f) => f.file).join(', ')})`,
      );
    const umcg = figures(UMCG_SOURCE, umcgFile.lines, exclusionsOf(gcov, UMCG_SOURCE));
    const hooks = hookFigures(gcov, json.files, hookSites());
    const files: Record<string, string> = {};
    for (const f of walk(join(out, 'html')))
      files[`kernel-coverage/${f}`] = readFileSync(join(out, 'html', f), 'utf8');
    files['kernel-coverage/unreached.txt'] = `${[...umcg.unreached, ...hooks.unreached].join('\n')}\n`;
    files['kernel-coverage/excluded.txt'] = `${[...umcg.excluded, ...hooks.excluded].join('\n')}\n`;
    files['kernel-coverage/summary.json'] = `${JSON.stringify(
      {
        umcg: { ...umcg, unreached: umcg.unreached.length },
        hooks: { ...hooks, unreached: hooks.unreached.length },
        guests: { counted: dirs.length, lost },
      },
      null,
      2,
    )}\n`;
    return { umcg, hooks, guests: { counted: dirs.length, lost }, files };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
