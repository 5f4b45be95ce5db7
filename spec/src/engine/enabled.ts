/**
 * `enabledActions`: a finite list of interesting actions enabled in a state, for model-guided generation —
 * the protocol's moves (register, the server loop, yields, switches, preemption, blocking), environment events,
 * and some abuse (garbage tids, wrong states, bad arguments).
 * @module
 */
import {
  CLOCK_MONOTONIC,
  UMCG_CTL_REGISTER,
  UMCG_CTL_UNREGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
  UMCG_TID_RUNNING,
} from '../abi/constants.js';
import type { SpecState } from '../kernel/state.js';
import type { Action } from '../model/action.js';
import { garbage, num, tidOf } from '../model/value.js';
import { whyNotEnabled } from './step.js';

/** Every interesting action enabled in `s` (each passes `whyNotEnabled`). */
export function enabledActions(s: SpecState): Action[] {
  if (s.killed) return [];
  const names = s.world.names;
  const servers = names.filter((_, i) => s.k[i]!.umcg !== 0 && !s.k[i]!.worker);
  const workers = names.filter((_, i) => s.k[i]!.worker);
  const out: Action[] = [];
  names.forEach((task, i) => {
    const k = s.k[i]!;
    if (k.mode === 'exited') return;
    out.push({ op: 'signal', task });
    if (k.completion === 1) out.push({ op: 'complete', task });
    if (k.timer === 1) out.push({ op: 'expire', task });
    if (whyNotEnabled(s, { op: 'exit', task }) !== undefined) return;
    if (k.umcg === 0) {
      out.push(
        { op: 'store', task, target: task, field: 'state', value: num(UMCG_TASK_RUNNING) },
        { op: 'store', task, target: task, field: 'state', value: num(UMCG_TASK_BLOCKED) },
        { op: 'store', task, target: task, field: 'server_tid', value: tidOf(task) },
        { op: 'ctl', task, flags: UMCG_CTL_REGISTER, self: { kind: 'own' }, clock: CLOCK_MONOTONIC },
        {
          op: 'ctl',
          task,
          flags: UMCG_CTL_REGISTER | UMCG_CTL_WORKER,
          self: { kind: 'own' },
          clock: CLOCK_MONOTONIC,
        },
        { op: 'ctl', task, flags: UMCG_CTL_REGISTER, self: { kind: 'misaligned' }, clock: CLOCK_MONOTONIC },
        { op: 'ctl', task, flags: UMCG_CTL_REGISTER, self: { kind: 'own' }, clock: 5 },
        { op: 'store', task, target: task, field: 'next_tid', value: garbage },
      );
      for (const srv of servers)
        out.push({ op: 'store', task, target: task, field: 'server_tid', value: tidOf(srv) });
      return;
    }
    const cond = UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT;
    out.push(
      { op: 'store', task, target: task, field: 'state', value: num(cond) },
      { op: 'store', task, target: task, field: 'next_tid', value: num(0) },
      { op: 'wait', task, flags: 0, timeout: 'none' },
      {
        op: 'ctl',
        task,
        flags: UMCG_CTL_UNREGISTER | (k.worker ? UMCG_CTL_WORKER : 0),
        self: { kind: 'own' },
        clock: 0,
      },
      { op: 'syscall', task, blocking: false },
      { op: 'kick', task, flags: 0, tid: garbage },
      { op: 'store', task, target: task, field: 'next_tid', value: garbage },
    );
    if (k.worker) {
      out.push(
        { op: 'syscall', task, blocking: true },
        { op: 'fault', task, blocking: true },
        { op: 'exit', task },
      );
      for (const w of workers)
        if (w !== task) out.push({ op: 'store', task, target: task, field: 'next_tid', value: tidOf(w) });
      for (const srv of servers)
        out.push({ op: 'store', task, target: task, field: 'server_tid', value: tidOf(srv) });
    } else {
      out.push(
        { op: 'take', task, target: task },
        { op: 'wait', task, flags: 0, timeout: 'future' },
        { op: 'wait', task, flags: 0, timeout: 'past' },
      );
      for (const w of workers) {
        out.push(
          { op: 'store', task, target: task, field: 'next_tid', value: tidOf(w) },
          { op: 'store', task, target: task, field: 'next_tid', value: tidOf(w, UMCG_TID_RUNNING) },
          {
            op: 'cas',
            task,
            target: w,
            field: 'state',
            expect: num(UMCG_TASK_RUNNING),
            value: num(UMCG_TASK_RUNNING | UMCG_TF_PREEMPT),
          },
          { op: 'kick', task, flags: 0, tid: tidOf(w) },
          { op: 'store', task, target: w, field: 'server_tid', value: tidOf(task) },
        );
      }
      for (const other of servers) if (other !== task) out.push({ op: 'take', task, target: other });
    }
  });
  for (const task of names) out.push({ op: 'unmap', task });
  return out.filter((a) => whyNotEnabled(s, a) === undefined);
}
