/**
 * `pnpm bench:check`: states per second of the bounded model checker and the time to exhaust the standard bounds
 * (1 server + 2 workers; 2 servers + 2 workers with stealing), and what symmetry reduction buys.
 */
import { check } from '../src/check/checker.js';
import { checkConfig, STANDARD_BOUND } from '../src/check/config.js';

const depth = STANDARD_BOUND.depth;
const runs = [
  { label: '1 server + 2 workers', servers: 1, workers: 2, symmetry: false },
  { label: '1 server + 2 workers', servers: 1, workers: 2, symmetry: true },
  { label: '2 servers + 2 workers (stealing)', servers: 2, workers: 2, symmetry: false },
];
for (const r of runs) {
  const res = check(
    checkConfig({ profile: 'pz-v2', servers: r.servers, workers: r.workers, depth, symmetry: r.symmetry }),
  );
  console.log(
    `${r.label}, depth ${depth}, symmetry ${r.symmetry ? 'on ' : 'off'}: ${res.states} states, ${res.transitions} transitions, exhausted in ${(res.ms / 1000).toFixed(1)} s, ${Math.round((res.states / res.ms) * 1000)} states/s, ${Math.round((res.transitions / res.ms) * 1000)} steps/s${res.complete ? '' : ' (incomplete)'}`,
  );
}
