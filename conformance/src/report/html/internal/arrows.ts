/**
 * The arrows of a swimlane column: list pushes (a task newly on a task's runnable list) and wakes (a task made
 * RUNNING by another task's step), derived from two consecutive observations.
 * @internal
 * @module
 */
import type { Action, StepObservation, TaskName } from '@umcg/spec';

/** An arrow from one lane to another within a step's column. */
export interface Arrow {
  readonly kind: 'push' | 'wake';
  readonly from: TaskName;
  readonly to: TaskName;
}

/** Arrows of the step `action` that turned `before` into `after`. */
export function arrowsOf(
  action: Action,
  before: StepObservation | undefined,
  after: StepObservation,
): Arrow[] {
  if (after.killed) return [];
  const out: Arrow[] = [];
  for (const [server, t] of Object.entries(after.tasks)) {
    const old = new Set(before?.tasks[server]?.list ?? []);
    for (const x of t.list)
      if (!old.has(x) && x in after.tasks && x !== server) out.push({ kind: 'push', from: x, to: server });
  }
  for (const [name, t] of Object.entries(after.tasks)) {
    const was = before?.tasks[name]?.state ?? '';
    const running = t.state.split('|')[0] === 'RUNNING';
    if (running && was.startsWith('RUNNABLE') && name !== action.task)
      out.push({ kind: 'wake', from: action.task, to: name });
  }
  return out;
}
