/**
 * The hash key of a model-checking state (spec state plus user model), optionally under a renaming of tasks, and
 * the symmetry group of a run: the renamings that map servers to servers and workers to workers and keep every
 * worker's initial server (the model's transitions are invariant under them). Timestamps and the last step's
 * results are left out: the model never reads them. Threads asleep in the kernel enter verbatim (their
 * continuation), so two states merge under a renaming only when such threads agree literally.
 * @module
 */
import { UMCG_TID_MASK } from '../abi/constants.js';
import type { SpecState } from '../kernel/state.js';
import type { CheckConfig } from './config.js';
import type { UserState } from './user-model.js';

/** The key of `(s, u)` with task i renamed to `perm[i]` (identity when `perm` is undefined). */
export function stateKey(s: SpecState, u: UserState, perm?: readonly number[]): string {
  const n = s.mem.length;
  const p = perm ?? identity(n);
  const tids = s.world.tids;
  const addrs = s.world.addrs;
  const tid = (word: number): number => {
    const j = tids.indexOf(word & UMCG_TID_MASK);
    return j < 0 ? word : (word & ~UMCG_TID_MASK) + tids[p[j]!]!;
  };
  const addr = (a: number): number => {
    const j = addrs.indexOf(a);
    return j < 0 ? a : addrs[p[j]!]!;
  };
  const idx = (j: number): number => (j < 0 ? j : p[j]!);
  const slots: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const m = s.mem[i]!;
    const t = s.k[i]!;
    const th = s.threads[i]!;
    const l = u.locals[i]!;
    slots[p[i]!] =
      `${m.state},${tid(m.next_tid)},${tid(m.server_tid)},${m.hole},${addr(m.runnable_workers_ptr)},${m.zero0},${m.zero1},${m.zero2},${s.mapped[i] ? 1 : 0}` +
      `;${addr(t.umcg)},${+t.worker},${+t.marker},${t.clock},${+t.pinned},${idx(t.pinServer)},${addr(t.pinServerAddr)},${t.kstate},${t.mode},${t.call},${t.sigpending},${t.signals},${+t.sigblocked},${t.timer},${t.completion},${+t.sigctx},${+t.interrupted}` +
      `;${th.frame ? `${th.frame.name}(${th.frame.args.join(',')})#${th.log.length}:${th.sig}` : '-'}` +
      `;${l.pc},${l.queue.map(idx).join('.')},${idx(l.cur)},${idx(l.picked)},${l.rebind.map(idx).join('.')},${l.work},${idx(l.target)}`;
  }
  return `${s.killed ? 'K' : 'A'}${u.signals}|${slots.join('|')}`;
}

const identities = new Map<number, number[]>();
function identity(n: number): number[] {
  let id = identities.get(n);
  if (!id) {
    id = Array.from({ length: n }, (_, i) => i);
    identities.set(n, id);
  }
  return id;
}

/** The canonical key: the least key over the symmetry group (the identity alone when symmetry is off). */
export function canonicalKey(s: SpecState, u: UserState, group: readonly (readonly number[])[]): string {
  let best = stateKey(s, u);
  for (let g = 1; g < group.length; g++) {
    const k = stateKey(s, u, group[g]);
    if (k < best) best = k;
  }
  return best;
}

function permutations(xs: readonly number[]): number[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((r) => [x, ...r]));
}

/** The renamings of a run (as `perm[old] = new`), identity first; only the identity when symmetry is off. */
export function symmetryGroup(c: CheckConfig): number[][] {
  const n = c.servers + c.workers;
  const id = identity(n);
  if (!c.symmetry) return [id];
  const servers = Array.from({ length: c.servers }, (_, i) => i);
  const workers = Array.from({ length: c.workers }, (_, i) => i);
  const out: number[][] = [id];
  for (const sp of permutations(servers)) {
    for (const wp of permutations(workers)) {
      // Worker j starts on server j mod servers: the renaming must keep that assignment.
      if (!workers.every((j) => wp[j]! % c.servers === sp[j % c.servers]!)) continue;
      const perm = [...sp, ...wp.map((j) => c.servers + j)];
      if (perm.every((v, i) => v === i)) continue;
      out.push(perm);
    }
  }
  return out;
}
