/**
 * What a swimlane cell shows for one task after one step: a color by state, a short state label, where the task
 * is, its runnable list and the result of a call that returned.
 * @internal
 * @module
 */
import type { StepObservation, TaskName } from '@umcg/spec';

/** One cell's content. */
export interface Cell {
  readonly fill: string;
  readonly label: string;
  readonly sub: string;
  readonly asleep: boolean;
  readonly result: string | undefined;
}

const FILLS: Readonly<Record<string, string>> = {
  RUNNING: '#66bb6a',
  RUNNABLE: '#ffca28',
  BLOCKED: '#ef5350',
  NONE: '#cfd8dc',
};

/** The short form of a rendered state: `RUNNABLE|COND_WAIT` → `RUNNABLE+CW`, `RUNNING|PREEMPT` → `RUNNING+P`. */
export function shortState(state: string): string {
  const [base = state, ...flags] = state.split('|');
  const f = flags.map((x) => (x === 'COND_WAIT' ? 'CW' : x === 'PREEMPT' ? 'P' : x)).join('+');
  return f ? `${base}+${f}` : base;
}

/** The cell of `task` in `obs`. */
export function cellOf(obs: StepObservation, task: TaskName): Cell {
  const result = obs.results[task]?.ret;
  if (obs.killed) return { fill: '#37474f', label: 'KILLED', sub: '', asleep: false, result };
  const t = obs.tasks[task];
  if (t === undefined) return { fill: '#eeeeee', label: '?', sub: '', asleep: false, result };
  const base = t.state.split('|')[0] ?? '';
  const asleep = t.where.startsWith('asleep:');
  const where = asleep ? `zz ${t.where.slice(7)}` : t.where;
  const list = t.list.length > 0 ? ` [${t.list.join(',')}]` : '';
  const fill = t.where === 'exited' ? '#9e9e9e' : (FILLS[base] ?? '#b0bec5');
  return { fill, label: shortState(t.state), sub: `${where}${list}`, asleep, result };
}
