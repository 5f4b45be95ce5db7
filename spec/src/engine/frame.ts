/**
 * The routine a user action runs, with its symbolic arguments resolved for this state.
 * @module
 */

import type { SpecState } from '../kernel/state.js';
import type { Frame } from '../kernel/thread.js';
import type { UserAction } from '../model/action.js';
import { resolveSelf, resolveValue, taskIndex } from './resolve.js';

/** The frame (routine name and raw arguments) of a user action. */
export function actionFrame(s: SpecState, a: UserAction): Frame {
  const me = taskIndex(s, a.task);
  switch (a.op) {
    case 'store':
      return { name: 'store', args: [taskIndex(s, a.target), a.field, resolveValue(s, a.value)] };
    case 'cas':
      return {
        name: 'cas',
        args: [taskIndex(s, a.target), a.field, resolveValue(s, a.expect), resolveValue(s, a.value)],
      };
    case 'take':
      return { name: 'take', args: [taskIndex(s, a.target)] };
    case 'ctl':
      return { name: 'ctl', args: [a.flags, resolveSelf(s, me, a.self), a.clock] };
    case 'wait':
      return { name: 'wait', args: [a.flags, a.timeout] };
    case 'kick':
      return { name: 'kick', args: [a.flags, resolveValue(s, a.tid)] };
    case 'syscall':
    case 'fault':
      return { name: a.op, args: [a.blocking] };
    case 'exit':
      return { name: 'exit', args: [] };
  }
}
