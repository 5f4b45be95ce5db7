/**
 * Turns symbolic trace values into this state's raw numbers.
 * @module
 */
import { UMCG_TASK_ALIGN } from '../abi/constants.js';
import type { SpecState } from '../kernel/state.js';
import type { SelfArg } from '../model/action.js';
import { GARBAGE_TID } from '../model/task.js';
import type { Value } from '../model/value.js';

/** Index of a task by name; throws naming the unknown task. */
export function taskIndex(s: SpecState, name: string): number {
  const i = s.world.names.indexOf(name);
  if (i < 0) throw new Error(`spec: unknown task '${name}' (tasks: ${s.world.names.join(', ')})`);
  return i;
}

/** The raw number of a value. */
export function resolveValue(s: SpecState, v: Value): number {
  switch (v.kind) {
    case 'num':
      return v.value;
    case 'tid':
      return (s.world.tids[taskIndex(s, v.task)]! | v.bits) >>> 0;
    case 'addr':
      return s.world.addrs[taskIndex(s, v.task)]!;
    case 'garbage':
      return GARBAGE_TID;
  }
}

/** The raw `self` pointer of a `umcg_ctl` call by task `me`. */
export function resolveSelf(s: SpecState, me: number, self: SelfArg): number {
  switch (self.kind) {
    case 'own':
      return s.world.addrs[me]!;
    case 'null':
      return 0;
    case 'misaligned':
      return s.world.addrs[me]! + UMCG_TASK_ALIGN / 8;
    case 'of':
      return s.world.addrs[taskIndex(s, self.task)]!;
  }
}
