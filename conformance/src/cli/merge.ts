/**
 * `pnpm conformance merge <dir...>`: joins the run directories of the shards of one run (`--shard i/n`) into one
 * run directory. It checks that they form a whole: one target, one seed, one command (but for `--shard`), every
 * shard 1..n exactly once; otherwise it says what is missing or mismatched and writes nothing (exit 255).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { isUnexpected } from '../report/counts.js';
import { EXIT, exitCodeOf } from '../run/exitCode.js';
import { runDirName, writeRunDir } from '../run/output.js';
import type { RunReport } from '../run/types.js';
import { UsageError } from './args.js';

/**
 * The command line without the options that differ between the shards of one run without changing results:
 * `--shard`, `--out`, `--jobs`/`-j`, `--reporter`.
 */
export function withoutShard(command: string): string {
  return command
    .replace(/\s(--shard|--out|--jobs|-j|--reporter)(=|\s+)\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Checks the shard reports form a whole run and merges them; throws a UsageError saying what is wrong. */
export function mergeReports(reports: readonly { dir: string; report: RunReport }[]): RunReport {
  if (reports.length === 0) throw new UsageError('merge: expected the run directories of the shards');
  const first = reports[0]!.report;
  const problems: string[] = [];
  const count = first.provenance.shard?.count;
  if (count === undefined) problems.push(`${reports[0]!.dir} is not a shard (it was run without --shard)`);
  const seen = new Map<number, string>();
  for (const { dir, report } of reports) {
    const p = report.provenance;
    if (p.seed !== first.provenance.seed)
      problems.push(`${dir}: seed ${p.seed}, not ${first.provenance.seed} like ${reports[0]!.dir}`);
    if (withoutShard(p.command) !== withoutShard(first.provenance.command))
      problems.push(
        `${dir}: command '${p.command}' differs from '${first.provenance.command}' (beyond --shard, --out, --jobs, --reporter)`,
      );
    if (p.target.name !== first.provenance.target.name)
      problems.push(`${dir}: target ${p.target.name}, not ${first.provenance.target.name}`);
    if (p.shard === undefined) {
      if (dir !== reports[0]!.dir) problems.push(`${dir} is not a shard (it was run without --shard)`);
      continue;
    }
    if (p.shard.count !== count)
      problems.push(`${dir}: shard ${p.shard.index}/${p.shard.count}, not of ${count}`);
    const dup = seen.get(p.shard.index);
    if (dup !== undefined) problems.push(`shard ${p.shard.index}/${count} given twice: ${dup} and ${dir}`);
    seen.set(p.shard.index, dir);
    if (report.interrupted) problems.push(`${dir}: shard ${p.shard.index}/${count} was interrupted`);
  }
  if (count !== undefined) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length > 0)
      problems.push(
        `missing shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')}: run them with --shard`,
      );
  }
  if (problems.length > 0)
    throw new UsageError(`merge: the shards do not form a whole run:\n  ${problems.join('\n  ')}`);
  const ordered = [...reports].sort(
    (a, b) => (a.report.provenance.shard?.index ?? 0) - (b.report.provenance.shard?.index ?? 0),
  );
  const results = ordered.flatMap((r) => r.report.results);
  const stale = [...new Set(ordered.flatMap((r) => r.report.stale))];
  const exercised = [...new Set(ordered.flatMap((r) => r.report.coverage.exercised))].sort();
  const unreached = [...new Set(ordered.flatMap((r) => r.report.coverage.unreached))]
    .filter((id) => !exercised.includes(id))
    .sort();
  const others = [...new Set(ordered.flatMap((r) => r.report.partial ?? []))].filter(
    (p) => !p.startsWith('shard '),
  );
  const { shard: _shard, ...prov } = first.provenance;
  const codes = ordered.map((r) => r.report.exitCode);
  return {
    provenance: { ...prov, command: withoutShard(first.provenance.command) },
    results,
    stale,
    coverage: { exercised, unreached },
    exitCode: codes.includes(EXIT.infrastructure) ? EXIT.infrastructure : exitCodeOf(results, stale),
    durationMs: Math.max(...ordered.map((r) => r.report.durationMs)),
    ...(others.length > 0 ? { partial: others } : {}),
  };
}

/** `merge <dir...>`: reads `report.json` of each directory, merges, writes `<out>/<timestamp>-<target>`. */
export async function mergeCommand(
  dirs: readonly string[],
  out: string,
): Promise<{ text: string; code: number }> {
  const reports: { dir: string; report: RunReport }[] = [];
  for (const dir of dirs) {
    try {
      reports.push({ dir, report: JSON.parse(await readFile(`${dir}/report.json`, 'utf8')) as RunReport });
    } catch (e) {
      throw new UsageError(`merge: ${dir}: no readable report.json (${(e as Error).message.split('\n')[0]})`);
    }
  }
  const merged = mergeReports(reports);
  const dir = await writeRunDir(
    runDirName(out, merged.provenance.target.name, new Date(merged.provenance.startedAt)),
    merged,
  );
  const bad = merged.results.filter((r) => isUnexpected(r.status)).length;
  return {
    text: `merged ${reports.length} shards: ${merged.results.length} results, ${bad} unexpected, exit ${merged.exitCode}\nResults: ${dir}`,
    code: merged.exitCode,
  };
}
