/**
 * User-mode actions on `struct umcg_task` words: plain store, CAS, and taking a runnable list
 * ([PZ-v2] 5/5 umcg_enqueue_runnable(); rule `list.take`). An access to an unmapped page kills the process (SIGSEGV).
 * @module
 */
import type { Field } from '../abi/layout.js';
import { access, kill } from './memory.js';
import type { SpecState, UserStruct } from './state.js';
import { atomic, type Routine } from './thread.js';

const U32 = new Set<Field>(['state', 'next_tid', 'server_tid', 'hole']);

function setWord(m: UserStruct, field: Field, value: number): void {
  m[field] = U32.has(field) ? value >>> 0 : value;
}

function finish(s: SpecState, me: number, call: string, ret: string | undefined): void {
  const k = s.k[me]!;
  if (ret !== undefined) k.result = { call, ret };
}

/** `store`: a plain store into another (or the own) task's struct. */
export function* userStore(_me: number, target: number, field: Field, value: number): Routine<void> {
  yield* atomic(undefined, (s) => {
    const m = access(s, s.world.addrs[target]!);
    if (!m) return kill(s);
    setWord(m, field, value);
  });
}

/** `cas`: compare-and-swap of one word; reports `ok` or `fail`. */
export function* userCas(
  me: number,
  target: number,
  field: Field,
  expect: number,
  value: number,
): Routine<void> {
  yield* atomic(undefined, (s) => {
    const m = access(s, s.world.addrs[target]!);
    if (!m) return kill(s);
    const ok = m[field] === (U32.has(field) ? expect >>> 0 : expect);
    if (ok) setWord(m, field, value);
    finish(s, me, 'cas', ok ? 'ok' : 'fail');
  });
}

/** `take`: exchange the list head with 0, then walk the detached chain resetting every link to 0. */
export function* userTake(me: number, target: number): Routine<void> {
  const head = yield* atomic('list.take', (s) => {
    const m = access(s, s.world.addrs[target]!);
    if (!m) {
      kill(s);
      return 0;
    }
    const h = m.runnable_workers_ptr;
    m.runnable_workers_ptr = 0;
    return h;
  });
  yield* atomic('list.take', (s) => {
    const names: string[] = [];
    let cur = head;
    while (cur !== 0 && names.length < 32) {
      const i = s.world.addrs.indexOf(cur);
      if (i < 0) {
        // Not a struct of the process: the walk stops there (user code only follows known structs).
        names.push(`0x${cur.toString(16)}`);
        break;
      }
      const m = access(s, cur);
      if (!m) return kill(s); // dereferencing an unmapped struct: SIGSEGV
      names.push(s.world.names[i]!);
      cur = m.runnable_workers_ptr;
      m.runnable_workers_ptr = 0;
    }
    finish(s, me, 'take', `[${names.join(',')}]`);
  });
}
