/**
 * The properties the model checker verifies, each with a rule-like id, a statement and its sources (citation keys
 * of the facts file, as rules carry them). Safety properties are predicates over one transition; the two progress
 * properties (`check.no-deadlock`, `check.no-lost-wakeup`) are judged on the explored graph (see `liveness.ts`).
 * @module
 */
import { UMCG_TASK_MASK, UMCG_TASK_RUNNABLE, UMCG_TASK_RUNNING, UMCG_TID_MASK } from '../abi/constants.js';
import { INVARIANTS, onAtMostOneList } from '../invariants/invariants.js';
import type { SpecState } from '../kernel/state.js';
import type { Action } from '../model/action.js';
import { idle, type ModelWorld, type UserState } from './user-model.js';

/** The id of a property. */
export type PropertyId =
  | 'check.one-running-per-server'
  | 'check.runnable-owned'
  | 'check.no-kill'
  | 'check.spec-invariants'
  | 'check.no-deadlock'
  | 'check.no-lost-wakeup';

/** A property of the checked system. */
export interface Property {
  /** Stable id, cited like a rule id. */
  readonly id: PropertyId;
  /** One-line title. */
  readonly title: string;
  /** What must hold. */
  readonly statement: string;
  /** Citation keys of the facts it rests on. */
  readonly sources: readonly string[];
  /** Safety: a violation message for the transition `before --action--> after`, or undefined. */
  readonly safety?: (
    before: SpecState,
    action: Action,
    after: SpecState,
    u: UserState,
    w: ModelWorld,
  ) => string | undefined;
}

const base = (s: SpecState, i: number): number => s.mem[i]!.state & UMCG_TASK_MASK;
const live = (s: SpecState, u: UserState, w: ModelWorld, j: number): boolean =>
  j >= w.config.servers && s.k[j]!.umcg !== 0 && s.k[j]!.mode !== 'exited' && u.locals[j]!.pc !== 'gone';

/** Pcs in which a worker itself still owns its RUNNABLE state: it stored RUNNABLE|COND_WAIT and calls wait next. */
const OWN_WINDOW: ReadonlySet<string> = new Set([
  'yield',
  'sw-next',
  'sw-wait',
  'garbage',
  'g-wait',
  'retry',
  'clear-next',
]);

/** Who currently owns RUNNABLE worker `j`: kernel lists, servers' queues, hand-offs, the worker itself. */
export function ownersOf(s: SpecState, u: UserState, w: ModelWorld, j: number): string[] {
  const out: string[] = [];
  const addr = s.world.addrs[j]!;
  for (let i = 0; i < s.mem.length; i++) {
    let cur = s.mem[i]!.runnable_workers_ptr;
    if (s.k[i]!.worker) continue;
    const seen = new Set<number>();
    while (cur !== 0) {
      if (seen.has(cur)) {
        if (cur === addr) out.push(`${w.names[i]}'s runnable list again (a cycle)`);
        break;
      }
      seen.add(cur);
      if (cur === addr) out.push(`${w.names[i]}'s runnable list`);
      const next = s.world.addrs.indexOf(cur);
      if (next < 0) break;
      cur = s.mem[next]!.runnable_workers_ptr;
    }
  }
  u.locals.forEach((l, i) => {
    for (const q of l.queue) if (q === j) out.push(`${w.names[i]}'s queue`);
    if (l.picked === j) out.push(`${w.names[i]}'s next_tid hand-off`);
    if (l.target === j) out.push(`${w.names[i]}'s switch`);
  });
  if (idle(s, j) && OWN_WINDOW.has(u.locals[j]!.pc)) out.push('itself (about to wait)');
  return out;
}

/** Every property, in report order. */
export const PROPERTIES: readonly Property[] = [
  {
    id: 'check.one-running-per-server',
    title: 'At most one RUNNING worker per server',
    statement:
      'In every reachable quiescent state, at most one live worker whose server_tid names server S has state RUNNING, for every server S: a well-behaved server never switches to a second worker while its current one runs, and the kernel never makes a second one RUNNING behind its back.',
    sources: ['[PZ-0114]', '[PZ-tidrun]', '[O-review]', '[PZ-v2] 0/5 cover letter, the foo scheduler'],
    safety(_b, _a, after, u, w) {
      if (after.killed) return undefined;
      for (let sv = 0; sv < w.config.servers; sv++) {
        const running: string[] = [];
        for (let j = w.config.servers; j < w.names.length; j++) {
          if (!live(after, u, w, j) || base(after, j) !== UMCG_TASK_RUNNING) continue;
          if ((after.mem[j]!.server_tid & UMCG_TID_MASK) === after.world.tids[sv]) running.push(w.names[j]!);
        }
        if (running.length > 1) return `${running.join(' and ')} are both RUNNING on ${w.names[sv]}`;
      }
      return undefined;
    },
  },
  {
    id: 'check.runnable-owned',
    title: 'Every RUNNABLE worker has exactly one owner and does not run',
    statement:
      "Every live RUNNABLE worker is on exactly one runnable list, or in exactly one server's private queue, or named by exactly one in-flight hand-off (a server's next_tid, a worker's switch), or is itself between storing RUNNABLE|COND_WAIT and calling umcg_wait — and never executes user code otherwise. Zero owners is a worker nobody will run; two is a worker that may be run twice.",
    sources: [
      '[PZ-seed]',
      '[PZ-v2] 5/5 umcg_enqueue_runnable()',
      '[PZ-v2] 0/5 cover letter, the foo scheduler',
    ],
    safety(_b, _a, after, u, w) {
      if (after.killed) return undefined;
      for (let j = w.config.servers; j < w.names.length; j++) {
        if (!live(after, u, w, j) || base(after, j) !== UMCG_TASK_RUNNABLE) continue;
        const owners = ownersOf(after, u, w, j);
        if (owners.length !== 1)
          return `${w.names[j]} is RUNNABLE with ${owners.length === 0 ? 'no owner' : `${owners.length} owners (${[...new Set(owners)].join(', ')})`}`;
        if (idle(after, j) && !owners[0]!.startsWith('itself'))
          return `${w.names[j]} executes user code while RUNNABLE (owned by ${owners[0]})`;
      }
      return undefined;
    },
  },
  {
    id: 'check.no-kill',
    title: 'No task of a well-behaved program is killed',
    statement:
      'The kernel never kills the process (SIGKILL) while user space follows the protocol: every kill condition of the posted code (its SIGKILL paths) is a contract breach by user space.',
    sources: ['[PZ-v2] 5/5 the SIGKILL (force_sig) paths', '[O-RFCv2] 3/5 umcg_wq_worker_sleeping()'],
    safety: (_b, _a, after) => (after.killed ? 'the process was killed' : undefined),
  },
  {
    id: 'check.spec-invariants',
    title: "The spec's own invariants",
    statement:
      'Every step satisfies the invariants of spec/src/invariants (kernel sets no TF bit, a waiter is RUNNABLE or RUNNING, nothing written after unregister, unregister leaves NONE) and every worker is on at most one runnable list, at most once.',
    sources: [
      '[PZ-v2] 5/5 umcg_update_state()',
      '[PZ-v2] 5/5 sys_umcg_ctl()',
      '[PZ-v2] 5/5 umcg_enqueue_runnable()',
    ],
    safety(before, action, after) {
      for (const inv of INVARIANTS) {
        const why = inv.check(before, action, after);
        if (why) return `${inv.name}: ${why}`;
      }
      return after.killed ? undefined : onAtMostOneList(after);
    },
  },
  {
    id: 'check.no-deadlock',
    title: 'No deadlock',
    statement:
      'No reachable state has no user move and no environment event left while some worker has not finished its work and unregistered: every task sleeps while work is pending.',
    sources: [
      '[PZ-v2] 5/5 sys_umcg_wait()',
      '[PZ-v2] 5/5 sys_umcg_ctl() unregister',
      '[PZ-v2] 0/5 cover letter, the foo scheduler',
    ],
  },
  {
    id: 'check.no-lost-wakeup',
    title: 'No lost wakeup',
    statement:
      'From every reachable state, a state where no worker is RUNNABLE stays reachable (within the bound: a state cut off by the depth bound counts as able to). With finitely many units of work this is: on every state-fair path (a state visited infinitely often takes each of its transitions infinitely often, so timers expire, syscalls complete and every server gets to run), every worker that becomes RUNNABLE is eventually run.',
    sources: ['[PZ-v2] 5/5 sys_umcg_wait()', '[PZ-seed]'],
  },
];

/** Looks a property up by id. */
export function findProperty(id: string): Property | undefined {
  return PROPERTIES.find((p) => p.id === id);
}
