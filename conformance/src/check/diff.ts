/**
 * Transition logs: one line per task that changed between two observations (where, state, tids, list pushes and
 * takes, timestamps, signal handlers, the call result), VOPR-style. Used for expected-vs-observed in failures.
 * @module
 */
import type { StepObservation, TaskObservation } from '@umcg/spec';

const arrow = (a: string, b: string): string => `${a}->${b}`;

function listChange(before: readonly string[], after: readonly string[]): string | undefined {
  const b = before.join(',');
  const a = after.join(',');
  if (a === b) return undefined;
  if (after.length > before.length && a.endsWith(b))
    return `push ${after.slice(0, after.length - before.length).join(',')}`;
  if (after.length === 0) return `take [${b}]`;
  return `list [${b}]->[${a}]`;
}

function taskLine(
  name: string,
  b: TaskObservation | undefined,
  a: TaskObservation | undefined,
  ret: string | undefined,
): string | undefined {
  const parts: string[] = [];
  if (a !== undefined && b !== undefined) {
    if (a.where !== b.where) parts.push(arrow(b.where, a.where));
    if (a.state !== b.state) parts.push(arrow(b.state, a.state));
    if (a.next_tid !== b.next_tid) parts.push(`next_tid ${arrow(b.next_tid, a.next_tid)}`);
    if (a.server_tid !== b.server_tid) parts.push(`server_tid ${arrow(b.server_tid, a.server_tid)}`);
    const l = listChange(b.list, a.list);
    if (l !== undefined) parts.push(l);
    else if (a.rwp !== b.rwp) parts.push(`rwp ${arrow(b.rwp, a.rwp)}`);
    if (a.reserved !== b.reserved) parts.push(`reserved ${arrow(b.reserved, a.reserved)}`);
    if (a.blocked_ts_moved) parts.push('blocked_ts');
    if (a.runnable_ts_moved) parts.push('runnable_ts');
    if (a.signals !== b.signals) parts.push(`handler x${a.signals - b.signals}`);
  }
  if (ret !== undefined) parts.push(`returns ${ret}`);
  return parts.length === 0 ? undefined : `${name.padEnd(4)} ${parts.join(', ')}`;
}

/** The lines describing what changed from `before` to `after` (`(no change)` when nothing did). */
export function transitionLog(before: StepObservation, after: StepObservation): string[] {
  if (after.killed && !before.killed) return ['process killed (SIGKILL)'];
  const names = [...new Set([...Object.keys(after.tasks), ...Object.keys(after.results)])];
  const out: string[] = [];
  for (const n of names) {
    const r = after.results[n];
    const line = taskLine(
      n,
      before.tasks[n],
      after.tasks[n],
      r === undefined ? undefined : `${r.call}=${r.ret}`,
    );
    if (line !== undefined) out.push(line);
  }
  return out.length === 0 ? ['(no change)'] : out;
}

/** The fields in which two observations differ, as `task.field: a | b` strings (results included). */
export function observationDiff(expected: StepObservation, observed: StepObservation): string[] {
  if (expected.killed !== observed.killed)
    return [`process ${expected.killed ? 'killed' : 'alive'} | ${observed.killed ? 'killed' : 'alive'}`];
  const out: string[] = [];
  const names = [...new Set([...Object.keys(expected.tasks), ...Object.keys(observed.tasks)])];
  for (const n of names) {
    const e = expected.tasks[n];
    const o = observed.tasks[n];
    if (e === undefined || o === undefined) {
      out.push(`${n}: ${e === undefined ? 'absent' : 'present'} | ${o === undefined ? 'absent' : 'present'}`);
      continue;
    }
    for (const f of [
      'where',
      'state',
      'next_tid',
      'server_tid',
      'rwp',
      'reserved',
      'blocked_ts_moved',
      'runnable_ts_moved',
      'signals',
    ] as const) {
      if (e[f] !== o[f]) out.push(`${n}.${f}: ${String(e[f])} | ${String(o[f])}`);
    }
    if (e.list.join(',') !== o.list.join(','))
      out.push(`${n}.list: [${e.list.join(',')}] | [${o.list.join(',')}]`);
  }
  const rn = [...new Set([...Object.keys(expected.results), ...Object.keys(observed.results)])];
  for (const n of rn) {
    const e = expected.results[n];
    const o = observed.results[n];
    const es = e === undefined ? 'no result' : `${e.call}=${e.ret}`;
    const os = o === undefined ? 'no result' : `${o.call}=${o.ret}`;
    if (es !== os) out.push(`${n} result: ${es} | ${os}`);
  }
  return out;
}
