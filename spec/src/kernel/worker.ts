/**
 * "Is this task a worker?" as the kernel's checks ask it (profile parameter `workerCheck`).
 * @module
 */
import type { SpecState } from './state.js';

/** The worker marker (posted code) or the permanent registration flag (reference kernel). */
export function isWorker(s: SpecState, task: number): boolean {
  const k = s.k[task]!;
  return s.world.params.workerCheck === 'marker' ? k.marker : k.worker;
}
