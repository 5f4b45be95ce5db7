/**
 * The closed list of features a trace may require and a target may offer (ADAPTERS.md, "Capabilities").
 * @module
 */
import type { Feature } from './types.js';

/** Every feature, with the one-line meaning shown by `doctor` and in skip reasons. */
export const FEATURES: Readonly<Record<Feature, string>> = {
  signals: 'deliver a non-fatal signal to a task (`env: signal T`)',
  faults: 'user-mode page faults (`T: fault`)',
  'blocking-faults': 'page faults that sleep until `env: complete T`',
  unmap: "unmap a task's struct page (`env: unmap T`)",
  shmem: 'place a struct in a shmem page (`memory=shmem`)',
  exit: 'thread exit without unregistering (`T: exit`)',
  kick: 'the `umcg_kick` syscall',
  timeouts: 'timed `umcg_wait` with `expire` events',
  'worker-timeouts': 'timed `umcg_wait` of a worker',
  'wait-enqueue': 'the `UMCG_WAIT_ENQUEUE` flag',
  'garbage-tid': 'tids that name no thread',
  kill: 'the kernel killing the process (SIGKILL) is survivable by the harness',
  'controlled-interleaving': 'litmus interleavings chosen by the harness',
};

/** Feature names in a stable order. */
export const FEATURE_NAMES: readonly Feature[] = Object.keys(FEATURES) as Feature[];

/** Whether a string names a feature. */
export function isFeature(name: string): name is Feature {
  return Object.hasOwn(FEATURES, name);
}
