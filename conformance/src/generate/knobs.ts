/**
 * Swarm knobs: per generated trace, some action kinds are switched off and the others get a weight, and a bias
 * chooses between following the protocol and abusing it (swarm testing, as in Groce et al., "Swarm Testing", ISSTA 2012). The knob vector is
 * recorded in the trace description so a failure says under which knobs it was found.
 * @module
 */
import fc from 'fast-check';
import { ACTION_KINDS, type ActionKind } from './kinds.js';

/** How strongly the generator follows the UMCG protocol (registration, the server loop) versus abusing it. */
export type Bias = 'follow' | 'mixed' | 'abuse';

/** The knob vector of one generated trace. */
export interface Knobs {
  /** Weight per kind; 0 switches the kind off for this trace. */
  readonly weights: Readonly<Record<ActionKind, number>>;
  /** Protocol bias. */
  readonly bias: Bias;
  /** Also try argument variants of the enabled actions (other tids, PREEMPT, kick flags, timeouts). */
  readonly variants: boolean;
  /**
   * Lifecycle sequences: unregistering is favoured, and a task that unregistered takes the other role (a worker
   * registers again as a server and vice versa), so what a registration leaves behind meets the next one.
   */
  readonly lifecycle: boolean;
}

/** Default weight of each kind (the middle level). */
export const DEFAULT_WEIGHTS: Readonly<Record<ActionKind, number>> = {
  register: 8,
  protocol: 8,
  preempt: 3,
  block: 4,
  signal: 2,
  timeout: 2,
  fault: 1,
  garbage: 1,
  abuse: 1,
  exit: 1,
  unregister: 1,
};

/** The knobs used when swarm mode is off: default weights, protocol-following. */
export const DEFAULT_KNOBS: Knobs = {
  weights: DEFAULT_WEIGHTS,
  bias: 'follow',
  variants: false,
  lifecycle: false,
};

/** Level 0 (what shrinking tends to) is the default weight; then off, low, high. */
const LEVELS = [1, 0, 0.5, 3] as const;

/** Knob vectors for swarm testing; shrinks toward the default knobs. */
export function knobsArbitrary(): fc.Arbitrary<Knobs> {
  const levels = fc.tuple(...ACTION_KINDS.map(() => fc.integer({ min: 0, max: LEVELS.length - 1 })));
  const bias = fc.oneof(
    { arbitrary: fc.constant<Bias>('follow'), weight: 6 },
    { arbitrary: fc.constant<Bias>('mixed'), weight: 3 },
    { arbitrary: fc.constant<Bias>('abuse'), weight: 1 },
  );
  // One plan in four follows a registration's life (lifecycle): false is where shrinking goes.
  const lifecycle = fc.integer({ min: 0, max: 3 }).map((x) => x === 3);
  return fc.tuple(levels, bias, fc.boolean(), lifecycle).map(([lv, b, variants, life]) => {
    const weights = {} as Record<ActionKind, number>;
    ACTION_KINDS.forEach((k, i) => {
      const level = LEVELS[lv[i] ?? 0] ?? 1;
      // Registration and the protocol are never switched off completely: without them no deep state is reached.
      const floor = k === 'register' || k === 'protocol' ? 0.5 : 0;
      weights[k] = Math.max(floor, DEFAULT_WEIGHTS[k] * level);
    });
    return { weights, bias: b, variants, lifecycle: life };
  });
}

/** A one-line form of the knobs for trace descriptions, e.g. `bias=follow off=signal,exit high=preempt`. */
export function describeKnobs(k: Knobs): string {
  const off = ACTION_KINDS.filter((x) => k.weights[x] === 0);
  const low = ACTION_KINDS.filter((x) => k.weights[x] > 0 && k.weights[x] < DEFAULT_WEIGHTS[x]);
  const high = ACTION_KINDS.filter((x) => k.weights[x] > DEFAULT_WEIGHTS[x]);
  const parts = [`bias=${k.bias}`];
  if (k.variants) parts.push('variants');
  if (k.lifecycle) parts.push('lifecycle');
  if (off.length) parts.push(`off=${off.join(',')}`);
  if (low.length) parts.push(`low=${low.join(',')}`);
  if (high.length) parts.push(`high=${high.join(',')}`);
  return parts.join(' ');
}

/** The knobs with the given kinds switched off. */
export function withKindsOff(k: Knobs, off: readonly ActionKind[]): Knobs {
  const weights = { ...k.weights };
  for (const kind of off) weights[kind] = 0;
  return { ...k, weights };
}
