/**
 * `umcg_ctl(flags, self, which_clock)`: decoding, register and unregister, every check in its order
 * ([PZ-v2] 5/5 sys_umcg_ctl(), R0a/R0b, R17/R18; rules `ctl.*`).
 * @module
 */
import {
  UMCG_CTL_CMD,
  UMCG_CTL_REGISTER,
  UMCG_CTL_UNREGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_ALIGN,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_MASK,
  UMCG_TASK_NONE,
  UMCG_TASK_RUNNING,
  UMCG_TF_MASK,
  VALID_CLOCKS,
} from '../abi/constants.js';
import { unblock } from './hooks.js';
import { lookupThread, lookupUmcg } from './lookup.js';
import { access } from './memory.js';
import { pinPages, unpinPages } from './pin.js';
import { atomic, fire, local, type Routine } from './thread.js';
import { updateState, wakeServer } from './update-state.js';
import { isWorker } from './worker.js';

/** The body of `umcg_ctl`; `self` is the raw pointer argument. Returns 0 or an errno name. */
export function* sysUmcgCtl(me: number, flags: number, self: number, clock: number): Routine<string> {
  if (self % UMCG_TASK_ALIGN !== 0) return yield* err('ctl.decode.misaligned', 'EINVAL');
  const cmd = flags & UMCG_CTL_CMD;
  const rest = flags & ~UMCG_CTL_CMD;
  if ((rest & ~UMCG_CTL_WORKER) !== 0) return yield* err('ctl.decode.flags', 'EINVAL');
  if (cmd === UMCG_CTL_REGISTER) return yield* register(me, rest === UMCG_CTL_WORKER, self, clock);
  if (cmd === UMCG_CTL_UNREGISTER) return yield* unregister(me, rest === UMCG_CTL_WORKER, self);
  return yield* err('ctl.decode.cmd', 'EINVAL');
}

function* register(me: number, worker: boolean, self: number, clock: number): Routine<string> {
  if (!VALID_CLOCKS.includes(clock)) return yield* err('ctl.register.clock', 'EINVAL');
  yield* local('ctl.register.clock', (s) => {
    if (s.world.params.clockStoredEarly) s.k[me]!.clock = clock;
  });
  if ((yield* local(undefined, (s) => s.k[me]!.umcg !== 0)) || self === 0) {
    return yield* err('ctl.register.already', 'EINVAL');
  }
  const copy = yield* atomic(undefined, (s) => {
    const m = access(s, self);
    return m ? { ...m } : undefined;
  });
  if (!copy) return yield* err('ctl.register.fault', 'EFAULT');
  if (copy.next_tid !== 0 || copy.hole !== 0 || copy.zero0 !== 0 || copy.zero1 !== 0 || copy.zero2 !== 0) {
    return yield* err('ctl.register.reserved', 'EINVAL');
  }
  const serverOk = yield* atomic('ctl.register.server-tid', (s) => {
    if (!worker) return lookupThread(s, copy.server_tid) === me;
    const j = lookupUmcg(s, copy.server_tid);
    return j >= 0 && !isWorker(s, j);
  });
  if (!serverOk) return yield* err('ctl.register.server-tid', 'ESRCH');
  const want = worker ? UMCG_TASK_BLOCKED : UMCG_TASK_RUNNING;
  if ((copy.state & (UMCG_TASK_MASK | UMCG_TF_MASK)) !== want)
    return yield* err('ctl.register.state', 'EINVAL');
  yield* atomic(worker ? 'ctl.register.worker' : 'ctl.register.server', (s) => {
    const k = s.k[me]!;
    k.umcg = self;
    k.worker = worker;
    k.marker = worker;
    k.clock = clock;
  });
  if (worker) yield* unblock(me, 'ctl.register.worker-kill');
  return '0';
}

function* unregister(me: number, worker: boolean, self: number): Routine<string> {
  // As in the posted code, "is a worker" is the worker marker (cleared by the RFC v2 ERANGE bug, [PZ-v2] 5/5 sys_umcg_wait()).
  const [registered, callerIsWorker, mode] = yield* local(
    undefined,
    (s) => [s.k[me]!.umcg, isWorker(s, me), s.world.params.unregister] as const,
  );
  if (mode === 'null-self') {
    if (self !== 0 || worker || registered === 0) return yield* err('ctl.unregister.null-self', 'EINVAL');
    yield* clear(me, 'ctl.unregister.null-self');
    return '0';
  }
  if (self === 0 || self !== registered) return yield* err('ctl.unregister.self', 'EINVAL');
  if (worker !== callerIsWorker) return yield* err('ctl.unregister.worker-flag', 'EINVAL');
  const pin = yield* pinPages(me);
  if (pin !== 0) return yield* err('ctl.unregister.pin', pin);
  const r = yield* updateState(self, UMCG_TASK_RUNNING, UMCG_TASK_NONE);
  if (r !== 0) {
    if (!(yield* local(undefined, (s) => s.world.params.unregisterLeaksPin))) yield* unpinPages(me);
    return yield* err('ctl.unregister.not-running', r);
  }
  if (callerIsWorker) yield* wakeServer(me);
  yield* unpinPages(me);
  yield* clear(me, 'ctl.unregister.effects');
  return '0';
}

function* clear(me: number, rule: Parameters<typeof fire>[0]): Routine<void> {
  yield* atomic(rule, (s) => {
    const k = s.k[me]!;
    k.umcg = 0;
    k.worker = false;
    k.marker = false;
    k.pinned = false;
  });
}

function* err(rule: Parameters<typeof fire>[0], e: string): Routine<string> {
  yield* fire(rule);
  return e;
}
