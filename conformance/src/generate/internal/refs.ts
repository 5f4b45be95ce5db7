/**
 * The task names an action refers to (its own task, targets, tids and addresses in values).
 * @internal
 * @module
 */
import type { Action, Value } from '@umcg/spec';

const ofValue = (v: Value): string[] => (v.kind === 'tid' || v.kind === 'addr' ? [v.task] : []);

/** Every task name `a` mentions. */
export function taskRefs(a: Action): string[] {
  switch (a.op) {
    case 'store':
      return [a.task, a.target, ...ofValue(a.value)];
    case 'cas':
      return [a.task, a.target, ...ofValue(a.expect), ...ofValue(a.value)];
    case 'take':
      return [a.task, a.target];
    case 'ctl':
      return a.self.kind === 'of' ? [a.task, a.self.task] : [a.task];
    case 'kick':
      return [a.task, ...ofValue(a.tid)];
    default:
      return [a.task];
  }
}
