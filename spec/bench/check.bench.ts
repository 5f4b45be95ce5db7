/**
 * `pnpm bench:check`: states per second of the bounded model checker and the time to exhaust the standard bounds
 * (1 server + 2 workers; 2 servers + 2 workers with stealing), with and without symmetry reduction.
 */
import { check } from '../src/check/checker.js';
import { checkConfig, STANDARD_BOUND } from '../src/check/config.js';

const runs = [
  { label: '1 server + 2 workers (standard)', servers: 1, workers: 2, depth: STANDARD_BOUND.depth },
  { label: '2 servers + 2 workers (stealing)', servers: 2, workers: 2, depth: 10 },
];
for (const r of runs) {
  for (const symmetry of [true, false]) {
    const res = check(
      checkConfig({ profile: 'pz-v2', servers: r.servers, workers: r.workers, depth: r.depth, symmetry }),
    );
    console.log(
      `${r.label}, depth ${r.depth}, symmetry ${symmetry ? 'on ' : 'off'}: ${res.states} states, ${res.transitions} transitions, ${(res.ms / 1000).toFixed(1)} s, ${Math.round((res.states / res.ms) * 1000)} states/s${res.complete ? '' : ' (incomplete)'}`,
    );
  }
}
