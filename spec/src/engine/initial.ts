/**
 * The initial state of a trace: every task a plain thread in user mode, its struct zero-filled (EXECUTION-MODEL.md).
 * @module
 */
import { CLOCK_MONOTONIC } from '../abi/constants.js';
import {
  type KTask,
  SpecState,
  structAddress,
  taskTid,
  type UserStruct,
  type World,
} from '../kernel/state.js';
import { getProfile } from '../profiles/catalogue.js';
import type { SpecConfig } from './api.js';

const zeroStruct = (): UserStruct => ({
  state: 0,
  next_tid: 0,
  server_tid: 0,
  hole: 0,
  blocked_ts: 0,
  runnable_ts: 0,
  runnable_workers_ptr: 0,
  zero0: 0,
  zero1: 0,
  zero2: 0,
});

const idleTask = (): KTask => ({
  umcg: 0,
  worker: false,
  marker: false,
  clock: CLOCK_MONOTONIC,
  pinned: false,
  pinServer: -1,
  pinServerAddr: 0,
  kstate: 0,
  mode: 'user',
  call: '',
  sigpending: 0,
  signals: 0,
  sigblocked: false,
  timer: 0,
  completion: 0,
  sigctx: false,
  interrupted: false,
  result: undefined,
});

/** Creates the initial state for a profile and a set of tasks. */
export function initialState(config: SpecConfig): SpecState {
  const names = config.tasks.map((t) => t.name);
  if (new Set(names).size !== names.length)
    throw new Error(`spec: duplicate task names in ${names.join(', ')}`);
  const world: World = {
    params: getProfile(config.profile).params,
    names,
    memory: config.tasks.map((t) => t.memory ?? 'anon'),
    tids: names.map((_, i) => taskTid(i)),
    addrs: names.map((_, i) => structAddress(i)),
  };
  const n = names.length;
  return new SpecState(
    world,
    names.map(zeroStruct),
    names.map(() => true),
    Array.from({ length: n }, idleTask),
    Array.from({ length: n }, () => ({ frame: undefined, log: [], sig: 0 })),
    false,
    0,
    new Set(),
  );
}
