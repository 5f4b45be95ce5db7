/**
 * Action kinds: the coarse classes the swarm knobs switch on and off per generated trace (register, the server
 * loop protocol, preemption, blocking, signals, timeouts, faults, garbage, abuse, exit, unregister).
 * @module
 */
import type { Action, Value } from '@umcg/spec';
import { UMCG_CTL_CMD, UMCG_CTL_REGISTER, UMCG_CTL_UNREGISTER, UMCG_CTL_WORKER } from '@umcg/spec';

/** The classes of actions the generator weighs. */
export const ACTION_KINDS = [
  'register',
  'protocol',
  'preempt',
  'block',
  'signal',
  'timeout',
  'fault',
  'garbage',
  'abuse',
  'exit',
  'unregister',
] as const;

/** One class of actions. */
export type ActionKind = (typeof ACTION_KINDS)[number];

const PROTOCOL_FIELDS = new Set(['state', 'next_tid', 'server_tid', 'runnable_workers_ptr']);

const isGarbage = (v: Value): boolean => v.kind === 'garbage';

/** Classifies an action into the kind the swarm knobs weigh. */
export function actionKind(a: Action): ActionKind {
  switch (a.op) {
    case 'store':
      if (isGarbage(a.value)) return 'garbage';
      return PROTOCOL_FIELDS.has(a.field) ? 'protocol' : 'abuse';
    case 'cas':
      if (isGarbage(a.value) || isGarbage(a.expect)) return 'garbage';
      if (a.field === 'state' && a.target !== a.task) return 'preempt';
      return PROTOCOL_FIELDS.has(a.field) ? 'protocol' : 'abuse';
    case 'take':
      return 'protocol';
    case 'ctl': {
      const cmd = a.flags & UMCG_CTL_CMD;
      const rest = a.flags & ~UMCG_CTL_CMD;
      if (a.self.kind !== 'own' || (rest !== 0 && rest !== UMCG_CTL_WORKER)) return 'abuse';
      if (cmd === UMCG_CTL_REGISTER) return 'register';
      return cmd === UMCG_CTL_UNREGISTER ? 'unregister' : 'abuse';
    }
    case 'wait':
      if (a.flags !== 0) return 'abuse';
      return a.timeout === 'none' ? 'protocol' : 'timeout';
    case 'kick':
      if (isGarbage(a.tid)) return 'garbage';
      return a.flags === 0 ? 'preempt' : 'abuse';
    case 'syscall':
    case 'complete':
      return 'block';
    case 'fault':
      return a.blocking ? 'block' : 'fault';
    case 'unmap':
      return 'fault';
    case 'signal':
      return 'signal';
    case 'expire':
      return 'timeout';
    case 'exit':
      return 'exit';
  }
}
