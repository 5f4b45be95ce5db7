/**
 * The progress properties, judged on the explored state graph: `check.no-deadlock` (a terminal state with work
 * left) and `check.no-lost-wakeup` (a state from which no state without a RUNNABLE worker is reachable). A state
 * cut off by the depth bound counts as able to progress, so both hold "up to the bound". Each violation is the
 * shallowest such state (the exploration is breadth-first, so its path is a shortest counterexample).
 * @module
 */

/** The explored graph, by state id (0 is the start). */
export interface StateGraph {
  readonly states: number;
  readonly edgeFrom: readonly number[];
  readonly edgeTo: readonly number[];
  /** No move and no event left. */
  readonly terminal: readonly boolean[];
  /** Not expanded: at the depth bound, or the process was killed. */
  readonly cut: readonly boolean[];
  /** Every worker has finished and unregistered. */
  readonly done: readonly boolean[];
  /** Number of RUNNABLE workers. */
  readonly pending: readonly number[];
  /** Breadth-first level. */
  readonly level: readonly number[];
  /** Whether the whole bounded graph was explored. */
  readonly complete: boolean;
}

/** A violating state and why. */
export interface ProgressViolation {
  readonly state: number;
  readonly message: string;
}

/** The shallowest deadlock and the shallowest state that can never again be free of RUNNABLE workers. */
export function progressViolations(g: StateGraph): {
  deadlock?: ProgressViolation;
  lost?: ProgressViolation;
} {
  let deadlock: ProgressViolation | undefined;
  for (let i = 0; i < g.states; i++) {
    if (g.terminal[i] && !g.done[i] && (deadlock === undefined || g.level[i]! < g.level[deadlock.state]!))
      deadlock = {
        state: i,
        message: `every task sleeps with work left (${g.pending[i]} RUNNABLE worker(s)) and no event can wake one`,
      };
  }
  if (!g.complete) return deadlock ? { deadlock } : {};
  // Backward reachability from the good states (no RUNNABLE worker, or cut off by the bound).
  const good = new Uint8Array(g.states);
  const preds: number[][] = Array.from({ length: g.states }, () => []);
  for (let e = 0; e < g.edgeFrom.length; e++) preds[g.edgeTo[e]!]!.push(g.edgeFrom[e]!);
  const stack: number[] = [];
  for (let i = 0; i < g.states; i++) {
    if (g.pending[i] === 0 || g.cut[i]) {
      good[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    const x = stack.pop()!;
    for (const p of preds[x]!) {
      if (good[p]) continue;
      good[p] = 1;
      stack.push(p);
    }
  }
  let lost: ProgressViolation | undefined;
  for (let i = 0; i < g.states; i++) {
    if (good[i] || (lost !== undefined && g.level[i]! >= g.level[lost.state]!)) continue;
    lost = {
      state: i,
      message: `${g.pending[i]} RUNNABLE worker(s) that no continuation of this state ever runs`,
    };
  }
  return { ...(deadlock ? { deadlock } : {}), ...(lost ? { lost } : {}) };
}
