/**
 * One result line, the unit of the simple reporter: status, content hash, name, and a short detail.
 * @module
 */
import type { TraceResult } from '../run/types.js';

/** `PASS   1a2b3c4d5e6f  corpus  server-loop  12 steps, 7 rules  3ms` */
export function resultLine(r: TraceResult): string {
  const detail: string[] = [];
  if (r.verdict.kind === 'pass' && r.origin !== 'litmus' && r.origin !== 'generated')
    detail.push(`${r.verdict.steps} steps, ${r.rules.length} rules`);
  if (r.stats !== undefined)
    detail.push(
      Object.entries(r.stats)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
    );
  if (r.reason !== undefined && (r.status !== 'PASS' || r.origin === 'litmus')) detail.push(r.reason);
  const unchecked = r.verdict.kind === 'pass' ? r.verdict.unchecked?.[0] : undefined;
  if (unchecked !== undefined) detail.push(`expectations not checkable from step ${unchecked.step + 1}`);
  return `${r.status.padEnd(8)}${r.hash}  ${r.origin.padEnd(9)} ${r.name}  ${detail.join('; ')}  ${r.durationMs}ms`.trimEnd();
}
