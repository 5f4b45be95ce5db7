/**
 * `pnpm bench:qemu`: boot-to-first-result and traces/s of the QEMU target, with one guest and with `--jobs 2`,
 * on the conformance corpus (re-profiled to `ref-6.1`, repeated to `--traces N`, default 100), and where a trace's
 * time goes (the executor's breakdown, fork, host channel).
 *
 *   pnpm bench:qemu [--traces 100] [--jobs 1,2] [--trace <corpus name>] [--generated N] [--kernel bzImage] [--json]
 *
 * `--trace register-server` repeats one light trace: the per-trace overhead of the channel and the executor.
 * `--generated N` also runs the CI mix end to end: N generated traces (seed 20261126, ref-6.1) generated, run and
 * checked as `pnpm conformance --target=qemu --runs N` does, on one guest.
 *
 * Timings are meaningless while a kernel build runs (2 cores): the bench says so when it sees one.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { huntTarget } from '@umcg/conformance';
import { qemuTarget } from '../src/adapter.js';
import { runBatch } from '../src/runner/batch.js';
import { openQemuSession, type QemuSession } from '../src/session.js';
import { corpusTraces, createChecker, specEngine } from '../test/helpers/conformance.js';
import { type RunTiming, renderBreakdown } from './breakdown.js';

// `--help` prints this and exits before anything is downloaded, built or booted.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`usage: pnpm bench:qemu [--traces 100] [--jobs 1,2] [--trace <corpus name>] [--kernel bzImage] [--json]
  Boot-to-first-result and traces/s of the QEMU target on the corpus (re-profiled to ref-6.1), one guest per job.
  Needs a UMCG kernel: the reference one (pnpm kernel:build) or --kernel <bzImage>.`);
  process.exit(0);
}

const argv = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const count = Number(opt('traces') ?? 100);
const jobsList = (opt('jobs') ?? '1,2').split(',').map(Number);
const kernel = opt('kernel');
const json = argv.includes('--json');
const generated = Number(opt('generated') ?? 0);

const busy = spawnSync('pgrep', ['-f', 'make.*bzImage'], { encoding: 'utf8' }).stdout.trim();
if (busy)
  console.warn(
    `WARNING: a kernel build is running (pids ${busy.split('\n').join(' ')}); timings will be off`,
  );

const unsupported = new Set([
  'blocking-faults',
  'worker-timeouts',
  'wait-enqueue',
  'controlled-interleaving',
]);
const corpus = corpusTraces()
  .flatMap((c) => ('item' in c ? [c.item] : []))
  .filter((t) => !t.header.requires.some((r) => unsupported.has(r)))
  .filter((t) => opt('trace') === undefined || t.header.name === opt('trace'));
if (corpus.length === 0) throw new Error(`no corpus trace named ${opt('trace')}`);
const traces = Array.from({ length: count }, (_, i) => corpus[i % corpus.length]!);

interface Row {
  jobs: number;
  traces: number;
  bootMs: number[];
  firstResultMs: number;
  totalMs: number;
  tracesPerSec: number;
  statuses: Record<string, number>;
  /** Runs that did not complete: trace name and the first line of the detail. */
  notCompleted: string[];
  /** Per-trace timings (breakdown). */
  timings: (RunTiming | undefined)[];
}

const rows: Row[] = [];
let build: Record<string, string> = {};
for (const jobs of jobsList) {
  let session: Awaited<ReturnType<typeof openQemuSession>>;
  try {
    session = await openQemuSession({ jobs, accel: 'tcg', ...(kernel === undefined ? {} : { kernel }) });
  } catch (e) {
    // No kernel (or no QEMU): say what to do, not a stack trace.
    console.error(`bench:qemu: cannot start a guest: ${(e as Error).message.split('\n')[0]}`);
    console.error('  fix: build the reference kernel with `pnpm kernel:build`, or pass --kernel <bzImage>');
    process.exit(4);
  }
  build = { ...session.build };
  try {
    const r = await runBatch(session, traces, { timeoutMs: 20_000 });
    const statuses: Record<string, number> = {};
    const notCompleted: string[] = [];
    r.runs.forEach((run, i) => {
      statuses[run.status] = (statuses[run.status] ?? 0) + 1;
      if (run.status !== 'completed')
        notCompleted.push(`${traces[i]!.header.name}: ${run.status} ${(run.detail ?? '').split('\n')[0]}`);
    });
    const steady = (r.totalMs - r.firstResultMs) / 1000;
    rows.push({
      jobs,
      traces: traces.length,
      bootMs: session.pool.stats.bootMs,
      firstResultMs: r.firstResultMs,
      totalMs: r.totalMs,
      tracesPerSec: steady > 0 ? (traces.length - 1) / steady : Number.NaN,
      statuses,
      notCompleted,
      timings: r.timings,
    });
  } finally {
    await session.close();
  }
}

/** Records every reply's timing on a session (the adapter does not return it). */
function recordTimings(session: QemuSession, into: RunTiming[]): void {
  const pool = session.pool;
  const request = pool.request.bind(pool);
  pool.request = async (lines, id, timeoutMs) => {
    const t0 = performance.now();
    const reply = await request(lines, id, timeoutMs);
    const raw = reply.kind === 'response' ? (reply.value as Partial<RunTiming> & { ms?: number }) : {};
    const guest = (raw as { timing?: RunTiming['guest'] }).timing;
    into.push({
      hostMs: performance.now() - t0,
      ...(guest === undefined ? {} : { guest }),
      ...(raw.ms === undefined ? {} : { execMs: raw.ms }),
    });
    return reply;
  };
}

/** The CI mix end to end: generated, run and checked on one guest. */
let mix: { runs: number; ms: number; bootMs: number; verdicts: string; timings: RunTiming[] } | undefined;
if (generated > 0) {
  const session = await openQemuSession({
    jobs: 1,
    accel: 'tcg',
    ...(kernel === undefined ? {} : { kernel }),
  });
  const timings: RunTiming[] = [];
  try {
    session.pool.warm();
    await session.pool.ready();
    recordTimings(session, timings);
    const target = qemuTarget(session, { timeoutMs: 20_000 });
    const t0 = performance.now();
    const rep = await huntTarget(target, {
      check: createChecker(specEngine()),
      runs: generated,
      seed: 20261126,
      profile: 'ref-6.1',
      failuresDir: false,
      shrinkBudget: { runs: 0, minimizeRuns: 0 },
      pipeline: 1,
      reproduce: 0,
    });
    const inconclusive = Object.entries(rep.inconclusive).map(([k, v]) => `${k}=${v.count}`);
    mix = {
      runs: rep.runs,
      ms: performance.now() - t0,
      bootMs: session.pool.stats.bootMs[0] ?? 0,
      verdicts: [rep.failure ? `FAIL ${rep.failure.signature}` : 'no failure', ...inconclusive].join(' '),
      timings,
    };
  } finally {
    await session.close();
  }
}

if (json) {
  console.log(JSON.stringify({ build, rows, mix }, null, 2));
} else {
  console.log(
    `QEMU target bench: kernel ${build.kernel} (${build.kernelSource}), QEMU ${build.qemu}, -smp ${build.smp}, accel ${build.accel}, channel ${build.channel}`,
  );
  console.log(
    'jobs  traces  boot (ms)        first result (ms)  total (ms)  traces/s (after first)  statuses',
  );
  for (const r of rows) {
    const st = Object.entries(r.statuses)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    console.log(
      `${String(r.jobs).padEnd(6)}${String(r.traces).padEnd(8)}${r.bootMs.join('/').padEnd(17)}${String(r.firstResultMs).padEnd(19)}${String(r.totalMs).padEnd(12)}${r.tracesPerSec.toFixed(1).padEnd(24)}${st}`,
    );
  }
  for (const r of rows) for (const n of r.notCompleted) console.log(`  jobs ${r.jobs}: ${n}`);
  for (const r of rows)
    for (const l of renderBreakdown(`corpus mix, jobs ${r.jobs}`, r.timings)) console.log(l);
  if (mix !== undefined) {
    console.log(
      `CI mix end to end (generated, run, checked; one guest): ${mix.runs} traces in ${(mix.ms / 1000).toFixed(1)} s = ${((1000 * mix.runs) / mix.ms).toFixed(2)} traces/s (boot ${mix.bootMs} ms; ${mix.verdicts})`,
    );
    for (const l of renderBreakdown('CI mix', mix.timings)) console.log(l);
  }
}
