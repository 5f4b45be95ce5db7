/**
 * Protocol-following boosts: how much more likely an enabled action is when it advances the UMCG protocol
 * (register a server or a worker, the server loop of R7/R8, a worker yield, preempt + kick, unblocking).
 * The generator multiplies the swarm weight of the action's kind by this factor (bias `follow`), by its square
 * root (`mixed`) or ignores it (`abuse`).
 * @internal
 * @module
 */
import type { Action, TaskObservation, Value } from '@umcg/spec';
import {
  UMCG_CTL_CMD,
  UMCG_CTL_REGISTER,
  UMCG_CTL_UNREGISTER,
  UMCG_CTL_WORKER,
  UMCG_TASK_BLOCKED,
  UMCG_TASK_RUNNABLE,
  UMCG_TASK_RUNNING,
  UMCG_TF_COND_WAIT,
  UMCG_TF_PREEMPT,
} from '@umcg/spec';
import type { GenContext } from './context.js';

const RUNNABLE_CW = UMCG_TASK_RUNNABLE | UMCG_TF_COND_WAIT;
/** Boost of an action that advances the protocol. */
const ADVANCE = 40;
/** Boost of an action that goes nowhere (or backwards) in the protocol. */
const IDLE = 0.25;
const numOf = (v: Value): number | undefined => (v.kind === 'num' ? v.value : undefined);
const tidName = (v: Value): string | undefined => (v.kind === 'tid' && v.bits === 0 ? v.task : undefined);

function ownStore(a: Extract<Action, { op: 'store' }>, me: TaskObservation, ctx: GenContext): number {
  const role = ctx.roles[a.task];
  const reg = ctx.registered.has(a.task);
  if (a.field === 'state') {
    const v = numOf(a.value);
    if (!reg) {
      const want = role === 'server' ? UMCG_TASK_RUNNING : UMCG_TASK_BLOCKED;
      return v === want && me.state !== (role === 'server' ? 'RUNNING' : 'BLOCKED') ? ADVANCE : IDLE;
    }
    return v === RUNNABLE_CW && me.state === 'RUNNING' ? ADVANCE / 4 : IDLE;
  }
  if (a.field === 'server_tid') {
    const name = tidName(a.value);
    if (reg || name === undefined) return IDLE;
    if (role === 'server') return name === a.task && me.server_tid !== name ? ADVANCE : IDLE;
    if (ctx.roles[me.server_tid] === 'server') return IDLE;
    if (ctx.roles[name] !== 'server') return ctx.registered.has(name) ? 1 : IDLE; // a worker as server (SPEC.md#ctl.register.server-tid)
    return ctx.registered.has(name) ? ADVANCE : ADVANCE / 4;
  }
  if (a.field === 'next_tid') {
    const name = tidName(a.value);
    if (!reg) return IDLE;
    if (role === 'server' && name !== undefined) {
      const t = ctx.obs.tasks[name];
      const fresh = me.next_tid !== name;
      if (me.state !== 'RUNNABLE|COND_WAIT' || !fresh) return IDLE;
      // Switching to a RUNNABLE worker is the protocol; naming a running or blocked one probes the failed wake.
      return t?.state.startsWith('RUNNABLE') ? ADVANCE : 1;
    }
    return numOf(a.value) === 0 && me.next_tid !== '0' ? 2 : IDLE;
  }
  return IDLE;
}

function registerBoost(a: Extract<Action, { op: 'ctl' }>, me: TaskObservation, ctx: GenContext): number {
  if ((a.flags & UMCG_CTL_CMD) === UMCG_CTL_UNREGISTER)
    return ctx.registered.has(a.task) ? ADVANCE / 8 : IDLE;
  if ((a.flags & UMCG_CTL_CMD) !== UMCG_CTL_REGISTER) return 1;
  if (ctx.registered.has(a.task)) return IDLE;
  const worker = (a.flags & UMCG_CTL_WORKER) !== 0;
  const role = ctx.roles[a.task];
  if (worker !== (role === 'worker')) return IDLE;
  const server = ctx.roles[me.server_tid] === 'server' && (!worker || ctx.registered.has(me.server_tid));
  const stateOk = me.state === (worker ? 'BLOCKED' : 'RUNNING');
  const selfOk = worker || me.server_tid === a.task;
  return stateOk && selfOk && (server || !worker) ? ADVANCE * 2 : IDLE;
}

/** The protocol boost of `action` in context `ctx` (1 = neutral). */
export function protocolBoost(a: Action, ctx: GenContext): number {
  const me = ctx.obs.tasks[a.task];
  if (me === undefined) return 1;
  switch (a.op) {
    case 'store':
      return a.target === a.task ? ownStore(a, me, ctx) : IDLE * 2;
    case 'ctl':
      return registerBoost(a, me, ctx);
    case 'take': {
      const list = ctx.obs.tasks[a.target]?.list ?? [];
      if (a.target !== a.task) return list.length > 0 ? 1 : IDLE;
      return list.length > 0 && me.state === 'RUNNABLE|COND_WAIT' ? ADVANCE : IDLE;
    }
    case 'wait':
      if (!ctx.registered.has(a.task)) return IDLE;
      if (me.state !== 'RUNNABLE|COND_WAIT') return IDLE;
      return me.list.length > 0 && ctx.roles[a.task] === 'server' ? 2 : ADVANCE;
    case 'cas': {
      const target = ctx.obs.tasks[a.target];
      if (a.field !== 'state' || target?.state !== 'RUNNING') return IDLE;
      // Preempting a worker whose server sleeps in umcg_wait makes the preemption's server wake observable (R9).
      const preempt = ((numOf(a.value) ?? 0) & UMCG_TF_PREEMPT) !== 0;
      const serverAsleep = ctx.obs.tasks[target.server_tid]?.where === 'asleep:umcg_wait';
      return preempt && serverAsleep && target.server_tid !== a.task ? ADVANCE / 2 : ADVANCE / 8;
    }
    case 'kick':
      return a.tid.kind === 'tid' && ctx.obs.tasks[a.tid.task]?.state === 'RUNNING|PREEMPT'
        ? ADVANCE / 2
        : IDLE;
    case 'complete':
      return ADVANCE / 4;
    case 'syscall':
    case 'fault': {
      const worker = ctx.roles[a.task] === 'worker' && ctx.registered.has(a.task);
      if (worker && me.state === 'RUNNABLE|COND_WAIT') return ADVANCE / 8; // blocking in the COND_WAIT window (SPEC.md#hook.block.runnable)
      return worker && me.state === 'RUNNING' ? (a.blocking ? ADVANCE / 4 : 1) : IDLE;
    }
    case 'signal':
      return me.where.startsWith('asleep:') ? ADVANCE / 8 : 1;
    case 'expire':
      return ADVANCE / 4;
    case 'unmap':
    case 'exit':
      return IDLE;
    default:
      return 1;
  }
}
