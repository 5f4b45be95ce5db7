/**
 * Entry point of `pnpm conformance` (root script: `tsx conformance/src/cli/main.ts`). See `--help`.
 * @module
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Adapter } from '../adapters/contract.js';
import { defaultTarget, loadAdapter, UnknownTarget } from '../adapters/registry.js';
import { checkTrace } from '../check/checkTrace.js';
import { renderHtmlReport } from '../report/html/index.js';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { resultLine } from '../report/line.js';
import { createProgress } from '../report/progress.js';
import { renderSummary } from '../report/simple.js';
import { renderTap } from '../report/tap.js';
import { EXIT } from '../run/exitCode.js';
import { RUNS_DIR, runDirName, writeRunDir } from '../run/output.js';
import { sanityNext } from '../run/sanity.js';
import { DEFAULTS, runSession } from '../run/session.js';
import { listFiles } from '../trace/load.js';
import type { CliArgs } from './args.js';
import { clip, parseArgs, UsageError } from './args.js';
import { checkTraceFiles } from './checkTrace.js';
import { doctor } from './doctor.js';
import { explainRule } from './explain.js';
import { failuresCommand } from './failures.js';
import { helpFor } from './help.js';
import { mergeCommand } from './merge.js';
import { showTrace } from './show.js';
import { reportTable } from './table.js';

async function citedBy(rule: string): Promise<string[]> {
  const out: string[] = [];
  try {
    for (const f of await listFiles(DEFAULTS.corpus, ['.trace', '.litmus'])) {
      const m = /^# rules:(.*)$/m.exec(await readFile(f, 'utf8'));
      if (
        m?.[1]
          ?.split(',')
          .map((s) => s.trim())
          .includes(rule)
      )
        out.push(f.replace(/^.*\//, ''));
    }
  } catch {
    // no corpus directory here
  }
  return out;
}

/** `--replay <file>`: a missing path or a directory is a usage error (like `--corpus` of a missing path). */
async function checkReplay(file: string): Promise<void> {
  const st = await stat(file).catch(() => undefined);
  if (st === undefined) throw new UsageError(`--replay: no such file '${clip(file)}'`);
  if (st.isDirectory())
    throw new UsageError(
      `--replay: '${clip(file)}' is a directory; --replay takes one trace file (use --corpus ${clip(file)} to run every file in it)`,
    );
}

async function run(args: CliArgs, argv: readonly string[]): Promise<number> {
  if (args.replay !== undefined) await checkReplay(args.replay);
  let targetName = args.target;
  let adapter: Adapter;
  if (targetName === undefined) {
    const d = await defaultTarget();
    targetName = d.name;
    adapter = d.adapter;
    if (d.note !== undefined) process.stderr.write(`note: ${d.note}\n`);
  } else {
    adapter = await loadAdapter(targetName);
    targetName = adapter.name; // a package or path names its results by the adapter's own name
  }
  const probe = await adapter.probe();
  if (!probe.ok) {
    process.stderr.write(
      `UNSUPPORTED: target ${targetName}: ${probe.reason}\n${probe.details.map((d) => `  ${d}\n`).join('')}`,
    );
    return EXIT.unsupported;
  }
  const stagesGiven = args.corpus !== undefined || args.runs !== undefined || args.litmus || args.sanity;
  const all = !stagesGiven && args.replay === undefined;
  const seed = args.seed ?? Date.now() % 2_147_483_647;
  const progress = createProgress();
  const simple = args.reporter === 'simple';
  // Ctrl-C: the run in flight is aborted, nothing new starts, what finished is written (marked interrupted).
  // A second Ctrl-C (more than a second later: pnpm forwards the terminal's SIGINT too) exits at once.
  const interrupt = new AbortController();
  let firstSigint = 0;
  const onSigint = (): void => {
    if (interrupt.signal.aborted) {
      if (Date.now() - firstSigint > 1000) process.exit(EXIT.interrupted);
      return;
    }
    firstSigint = Date.now();
    progress.stop();
    process.stderr.write(
      '\ninterrupted: stopping the trace in flight and saving what finished (Ctrl-C again to quit now)\n',
    );
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  if (simple)
    process.stdout.write(
      `conformance: target ${targetName}, profile ${args.profile ?? 'per trace (default pz-v2)'}, seed ${seed}\n`,
    );
  const { report, files } = await runSession({
    targetName,
    adapter,
    profile: args.profile,
    seed,
    replay: args.replay,
    corpusDir:
      args.corpus === true || ((all || args.sanity) && args.corpus === undefined)
        ? DEFAULTS.corpus
        : args.corpus,
    sanity: args.sanity,
    runs: args.runs ?? (all ? 1000 : 0),
    litmus: args.litmus || all,
    rules: args.rules,
    jobs: args.jobs,
    shard: args.shard,
    timeoutMs: args.timeoutMs,
    targetArgs: args.targetArgs,
    expectationsFile: DEFAULTS.expectations(targetName),
    save: args.save,
    failuresDir: DEFAULTS.failures,
    command: ['pnpm conformance', ...argv].join(' '),
    check: checkTrace,
    onResult: (r) => {
      progress.clear();
      if (simple) process.stdout.write(`${resultLine(r)}\n`);
    },
    onProgress: (d, t, l, f) => progress.tick(d, t, l, f),
    onNote: (n) => {
      progress.clear();
      process.stderr.write(`note: ${n}\n`);
    },
    signal: interrupt.signal,
    coverage: args.coverage,
  }).finally(() => {
    progress.stop();
    process.off('SIGINT', onSigint);
  });
  const html = args.reporter === 'html' ? renderHtmlReport(report) : undefined;
  const dir = await writeRunDir(
    runDirName(args.out ?? RUNS_DIR, targetName, new Date(report.provenance.startedAt)),
    report,
    { ...files, ...(html === undefined ? {} : { 'report.html': html }) },
  );
  if (simple) process.stdout.write(`${renderSummary(report, dir)}\n`);
  if (args.sanity)
    process.stderr.write(
      report.exitCode === 0
        ? `${sanityNext(args.target ?? targetName)}\n`
        : 'Fix the sanity failures first: no other result of this adapter can be trusted until they pass.\n',
    );
  else if (args.reporter === 'json') process.stdout.write(renderJson(report));
  else if (args.reporter === 'junit') process.stdout.write(renderJunit(report));
  else if (args.reporter === 'tap') process.stdout.write(renderTap(report));
  // html: the console summary too, then where the page is.
  else if (args.reporter === 'html')
    process.stdout.write(`${renderSummary(report, dir)}\nReport: ${dir}/report.html\n`);
  if (report.interrupted === true) {
    process.stderr.write(
      `Interrupted: ${report.results.length} finished result(s) saved in ${dir} (marked interrupted); failures found so far are in ${DEFAULTS.failures}/.\n` +
        `Run it again with the same seed (the same traces; saved failures replay first): ${resumeCommand(argv, seed)}\n`,
    );
    return EXIT.interrupted;
  }
  return report.exitCode;
}

/** The command line that runs this session again with the same seed. */
function resumeCommand(argv: readonly string[], seed: number): string {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--seed') i++;
    else if (!a.startsWith('--seed=')) rest.push(a);
  }
  return ['pnpm conformance', ...rest, `--seed=${seed}`].join(' ');
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\nRun 'pnpm conformance --help' for usage.\n`);
    return EXIT.infrastructure;
  }
  try {
    if (args.command === 'help') {
      process.stdout.write(helpFor(args.positional[0]));
      return EXIT.ok;
    }
    if (args.command === 'explain') {
      const id = args.positional[0];
      if (id === undefined)
        throw new UsageError(
          'explain: expected a rule id, e.g. pnpm conformance explain wait.next.not-runnable',
        );
      const { text, code } = explainRule(id, await citedBy(id));
      process.stdout.write(`${text}\n`);
      return code;
    }
    if (args.command === 'show') {
      const file = args.positional[0];
      if (file === undefined)
        throw new UsageError(
          'show: expected a trace file, e.g. pnpm conformance show conformance/corpus/server-loop.trace',
        );
      const adapter = await loadAdapter(args.target ?? 'spec');
      process.stdout.write(`${await showTrace(file, adapter, args.profile)}\n`);
      return EXIT.ok;
    }
    if (args.command === 'check-trace') return await checkTraceFiles(args.positional, args.profile);
    if (args.command === 'report') {
      process.stdout.write(`${await reportTable(args.positional[0] ?? args.out ?? RUNS_DIR)}\n`);
      return EXIT.ok;
    }
    if (args.command === 'merge') {
      const { text, code } = await mergeCommand(args.positional, args.out ?? RUNS_DIR);
      process.stdout.write(`${text}\n`);
      return code;
    }
    if (args.command === 'failures') {
      const { text, code } = await failuresCommand(DEFAULTS.failures, args.positional, {
        ...(args.target === undefined ? {} : { target: args.target }),
        ...(args.profile === undefined ? {} : { profile: args.profile }),
      });
      process.stdout.write(`${text}\n`);
      return code;
    }
    if (args.command === 'doctor') {
      const { text, code } = await doctor(args.target === undefined ? args.positional : [args.target]);
      process.stdout.write(`${text}\n`);
      return code;
    }
    return await run(args, argv);
  } catch (e) {
    const usage = e instanceof UsageError || e instanceof UnknownTarget || (e as Error).name === 'UsageError';
    process.stderr.write(`${usage ? '' : 'infrastructure error: '}${(e as Error).message}\n`);
    if (!usage && process.env.UMCG_DEBUG) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
    if ((e as Error).name === 'TargetUnavailable') return EXIT.unsupported;
    return EXIT.infrastructure;
  }
}

/** Whether this module is the program being run (not imported). */
function isEntryPoint(): boolean {
  const arg = process.argv[1];
  if (arg === undefined) return false;
  const self = fileURLToPath(import.meta.url);
  const given = resolve(arg);
  return given === self || given === self.replace(/\.ts$/, '') || given === self.replace(/\.ts$/, '.js');
}

if (isEntryPoint()) {
  // A closed pipe (`pnpm conformance ... | head`) is not an error of the run.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // Exit as soon as the run is reported: a run abandoned by a timeout must not keep the process alive.
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
