/**
 * `pnpm conformance check-trace <file|dir...> [--profile P]`: says of each trace whether the spec **requires**,
 * **allows** or **forbids** its `# ...` annotations, over every allowed path (`check/paths.ts`), and where a
 * forbidden one goes wrong with the closest allowed outcome. Exit 0 when none is forbidden or ill-formed, 1 when
 * one is, 255 for a usage error (no file, a file that does not parse).
 * @module
 */
import { stat } from 'node:fs/promises';
import type { ProfileId } from '@umcg/spec';
import { specEngine } from '../check/engine.js';
import { type AnnotationVerdict, judgeAnnotations } from '../check/paths.js';
import { EXIT } from '../run/exitCode.js';
import { listFiles, loadTrace } from '../trace/load.js';
import type { Trace } from '../trace/types.js';
import { UsageError } from './args.js';

/** The verdict of one file. */
export interface TraceCheck {
  readonly file: string;
  readonly trace: Trace;
  readonly verdict: AnnotationVerdict;
}

/** Judges the annotations of every trace file in `paths` (directories: their `.trace` files). */
export async function judgeFiles(paths: readonly string[], profile?: ProfileId): Promise<TraceCheck[]> {
  if (paths.length === 0)
    throw new UsageError(
      'check-trace: expected trace files or directories, e.g. pnpm conformance check-trace conformance/corpus',
    );
  const files: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (s === undefined) throw new UsageError(`check-trace: ${p}: no such file or directory`);
    files.push(...(s.isDirectory() ? await listFiles(p, ['.trace']) : [p]));
  }
  const engine = specEngine();
  const out: TraceCheck[] = [];
  for (const file of files) {
    let trace: Trace;
    try {
      trace = await loadTrace(file);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (profile !== undefined) trace = { ...trace, header: { ...trace.header, profile } };
    out.push({ file, trace, verdict: judgeAnnotations(engine, trace, { file }) });
  }
  return out;
}

const LABEL: Readonly<Record<AnnotationVerdict['kind'], string>> = {
  required: 'REQUIRED ',
  allowed: 'ALLOWED  ',
  forbidden: 'FORBIDDEN',
  'ill-formed': 'ILL-FORMED',
  unknown: 'UNKNOWN  ',
};

/** One line per trace, then the counts. */
export function renderChecks(checks: readonly TraceCheck[]): string {
  const lines = checks.map(({ trace, verdict: v }) => {
    const head = `${LABEL[v.kind]} ${trace.header.name} [${trace.header.profile}]`;
    return v.kind === 'required' ? `${head}  (${v.states} states)` : `${head}: ${v.reason}`;
  });
  const count = (k: AnnotationVerdict['kind']): number => checks.filter((c) => c.verdict.kind === k).length;
  const kinds = ['required', 'allowed', 'forbidden', 'ill-formed', 'unknown'] as const;
  lines.push(
    kinds
      .filter((k) => count(k) > 0)
      .map((k) => `${count(k)} ${k}`)
      .join(', '),
  );
  return lines.join('\n');
}

/** The CLI sub-command; returns the exit code. */
export async function checkTraceFiles(paths: readonly string[], profile?: ProfileId): Promise<number> {
  const checks = await judgeFiles(paths, profile);
  process.stdout.write(`${renderChecks(checks)}\n`);
  const bad = checks.some((c) => c.verdict.kind === 'forbidden' || c.verdict.kind === 'ill-formed');
  if (bad) return EXIT.violation;
  return checks.some((c) => c.verdict.kind === 'unknown') ? EXIT.timeout : EXIT.ok;
}
