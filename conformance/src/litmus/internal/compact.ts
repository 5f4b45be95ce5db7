/**
 * Compact one-line forms of final observations for histogram rows: every task's state and position, the other
 * words only where they differ between the rows of the table, then the call results.
 * @internal
 * @module
 */
import type { StepObservation, TaskObservation } from '@umcg/spec';

type Word = Exclude<keyof TaskObservation, 'where' | 'state'>;
const WORDS: readonly Word[] = [
  'next_tid',
  'server_tid',
  'rwp',
  'list',
  'reserved',
  'blocked_ts_moved',
  'runnable_ts_moved',
  'signals',
];

const show = (t: TaskObservation, w: Word): string => {
  const v = t[w];
  return Array.isArray(v) ? `[${v.join(',')}]` : String(v);
};

/** The `task.word` pairs whose value differs between some of `observations`. */
export function varyingWords(observations: readonly StepObservation[]): Set<string> {
  const values = new Map<string, Set<string>>();
  for (const o of observations) {
    for (const [name, t] of Object.entries(o.tasks)) {
      for (const w of WORDS) {
        const k = `${name}.${w}`;
        const set = values.get(k) ?? new Set<string>();
        set.add(show(t, w));
        values.set(k, set);
      }
    }
  }
  return new Set([...values].filter(([, s]) => s.size > 1).map(([k]) => k));
}

/** One observation in one line, showing the words in `varying` besides state and position. */
export function compactObservation(o: StepObservation, varying: ReadonlySet<string>): string {
  if (o.killed) return 'KILLED';
  const tasks = Object.entries(o.tasks).map(([name, t]) => {
    const extra = WORDS.filter((w) => varying.has(`${name}.${w}`)).map((w) => ` ${w}=${show(t, w)}`);
    return `${name}:${t.state}@${t.where}${extra.join('')}`;
  });
  const results = Object.entries(o.results).map(([name, r]) => `${name}=${r.ret}`);
  return [...tasks, ...(results.length ? [`| ${results.join(' ')}`] : [])].join(' ');
}
