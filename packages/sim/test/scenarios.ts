/**
 * Shared scenario prefixes for the tests.
 * @module
 */
import { type Action, tidOf, type UserAction } from '@umcg/spec/vocabulary';
import * as d from '../src/internal/dsl.js';

/** s0 registered, w0 registered and picked: s0 asleep in a timed umcg_wait, w0 RUNNING in user mode. */
export const RUN: readonly Action[] = [
  ...d.regServer('s0'),
  ...d.regWorker('w0', 's0'),
  d.condWait('s0'),
  d.take('s0'),
  d.next('s0', tidOf('w0')),
  d.wait('s0', 'future'),
];

/** RUN, then s0's timer fires: s0 RUNNING in user mode (result ETIMEDOUT), w0 RUNNING in user mode. */
export const AWAKE: readonly Action[] = [...RUN, d.expire('s0')];

/** Server s0 picks `w` from its list and switches to it (no timeout). */
export const pick = (w: string): UserAction[] => d.switchTo('s0', w);
