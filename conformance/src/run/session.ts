/**
 * A whole conformance run, as the CLI starts it: replay of saved failures, the corpus, generated traces and litmus
 * programs on one target, with expectations, rule coverage, provenance and the exit code.
 * @module
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileId } from '@umcg/spec';
import { REFERENCE_PROFILE } from '@umcg/spec';
import type { Adapter, Target } from '../adapters/contract.js';
import { specEngine } from '../check/engine.js';
import { judgeAnnotations } from '../check/paths.js';
import type { CheckTrace } from '../check/types.js';
import { type FailureKey, listFailures } from '../failures/store.js';
import { isUnexpected } from '../report/counts.js';
import { ruleCoverage } from '../report/coverage.js';
import { deriveSeed } from '../trace/hash.js';
import { listFiles, loadTrace } from '../trace/load.js';
import type { Trace } from '../trace/types.js';
import { EXIT, exitCodeOf } from './exitCode.js';
import type { Expectations } from './expectations.js';
import { loadExpectations, saveExpectations, staleEntries } from './expectations.js';
import { runGenerated } from './generated.js';
import { runGeneratedLitmus, windowPrograms } from './generatedLitmus.js';
import { runLitmusStage } from './litmusStage.js';
import { parseError, skipped } from './parseError.js';
import { mapPool } from './pool.js';
import { provenance } from './provenance.js';
import { retarget } from './retarget.js';
import { runTrace } from './runTrace.js';
import { SANITY_TRACES } from './sanity.js';
import type { Shard } from './select.js';
import { inShard, ruleMatcher } from './select.js';
import { profileSeed, spreadRuns } from './spread.js';
import type { RunReport, TraceResult } from './types.js';

/** Why a trace is ill-formed under the spec (any target gets the same `ill-formed trace: file:line: ...` error). */
function illFormedBySpec(trace: Trace, file: string | undefined): string | undefined {
  const v = judgeAnnotations(specEngine(), trace, file === undefined ? {} : { file });
  return v.kind === 'ill-formed' ? v.reason : undefined;
}

/** Everything a run is configured with. */
export interface SessionConfig {
  readonly targetName: string;
  readonly adapter: Adapter;
  /**
   * `--profile`: overrides the profile of corpus traces; generated traces and programs use it. Without it, corpus
   * traces keep their own profile and generation is spread over every profile the target implements.
   */
  readonly profile: ProfileId | undefined;
  readonly seed: number;
  /** Stages. */
  readonly replay: string | undefined;
  readonly corpusDir: string | undefined;
  readonly runs: number;
  readonly litmus: boolean;
  readonly rules: string | undefined;
  /** Only the sanity traces of the corpus (`--sanity`). */
  readonly sanity?: boolean;
  readonly jobs: number;
  readonly shard: Shard | undefined;
  readonly timeoutMs: number;
  readonly targetArgs: Readonly<Record<string, string>>;
  readonly expectationsFile: string;
  readonly save: boolean;
  readonly failuresDir: string;
  readonly command: string;
  readonly check: CheckTrace;
  /** Called with each result as it is produced (the console reporter). */
  readonly onResult?: (r: TraceResult) => void;
  /** Called with notes for the user (stderr). */
  readonly onNote?: (note: string) => void;
  /** Called to report progress: items done of the stage's total, the stage, and failures in the session so far. */
  readonly onProgress?: (done: number, total: number, label: string, failures: number) => void;
  /** Interrupt (Ctrl-C): the run in flight is aborted, nothing new starts, the report is marked `interrupted`. */
  readonly signal?: AbortSignal;
  /** `--coverage`: the target counts what the run reaches in the implementation (`Target.coverage`). */
  readonly coverage?: boolean;
}

/** A finished session: the report (its exit code included) and the expectations in force. */
export interface SessionResult {
  readonly report: RunReport;
  readonly expectations: Expectations;
  /** Files for the results directory beyond the report's (the target's coverage pages), by relative path. */
  readonly files: Readonly<Record<string, string>>;
}

/** Runs a session. */
export async function runSession(cfg: SessionConfig): Promise<SessionResult> {
  const started = new Date();
  const t0 = performance.now();
  let runProfile = cfg.profile ?? REFERENCE_PROFILE;
  const targets = new Map<ProfileId, Target>();
  const open = async (p: ProfileId): Promise<Target> => {
    let t = targets.get(p);
    if (t !== undefined) return t;
    const first = targets.values().next().value as Target | undefined;
    if (first !== undefined && !first.capabilities.profiles.includes(p)) return first;
    t = await cfg.adapter.open({
      profile: p,
      timeoutMs: cfg.timeoutMs,
      seed: cfg.seed,
      args: cfg.targetArgs,
      ...(cfg.coverage === true ? { coverage: true } : {}),
    });
    targets.set(p, t);
    return t;
  };
  const main = await open(runProfile);
  if (cfg.coverage === true && main.coverage === undefined) {
    await main.close();
    throw Object.assign(
      new Error(`--coverage: target ${cfg.targetName} cannot count coverage (the qemu target can)`),
      { name: 'UsageError' },
    );
  }
  let codeCoverage: RunReport['codeCoverage'];
  const files: Record<string, string> = {};
  // A target that implements exactly one profile, not the reference (a real kernel), runs the corpus under it.
  let override = cfg.profile;
  if (
    override === undefined &&
    !main.capabilities.profiles.includes(runProfile) &&
    main.capabilities.profiles.length === 1
  ) {
    override = main.capabilities.profiles[0]!;
    runProfile = override;
    targets.set(runProfile, main);
    cfg.onNote?.(
      `target ${cfg.targetName} implements only ${runProfile}: running under --profile=${runProfile}`,
    );
  }
  // A target that runs requests in parallel itself (a pool of guests: `info.build.jobs`) gets that many in flight.
  const inFlight = Math.max(cfg.jobs, Number(main.info.build?.jobs ?? 1) || 1);
  const expectations = await loadExpectations(cfg.expectationsFile);
  const results: TraceResult[] = [];
  let failures = 0;
  const emit = (r: TraceResult): void => {
    results.push(r);
    if (isUnexpected(r.status)) failures++;
    cfg.onResult?.(r);
  };
  const aborted = (): boolean => cfg.signal?.aborted === true;
  // Failures are saved and replayed under this run's target, profile and target arguments only.
  const failureKey: FailureKey = { target: cfg.targetName, profile: runProfile, args: cfg.targetArgs };
  const ctxFor = async (p: ProfileId) => ({
    failureKey,
    target: await open(p),
    targetName: cfg.targetName,
    check: cfg.check,
    seed: cfg.seed,
    timeoutMs: cfg.timeoutMs,
    targetArgs: cfg.targetArgs,
    failuresDir: cfg.failuresDir,
    ...(cfg.signal ? { signal: cfg.signal } : {}),
    illFormed: illFormedBySpec,
  });
  const runFiles = async (files: readonly string[], origin: 'replay' | 'corpus'): Promise<void> => {
    let done = 0;
    await mapPool(
      files,
      inFlight,
      async (file) => {
        let loaded: Trace;
        try {
          loaded = await loadTrace(file);
        } catch (e) {
          emit(parseError(origin, file, e, runProfile));
          return;
        }
        const r =
          origin === 'replay' && cfg.replay !== undefined && override !== undefined
            ? { item: { ...loaded, header: { ...loaded.header, profile: override } } }
            : retarget(loaded, override);
        if ('skip' in r) {
          emit(skipped(origin, loaded, file, r.skip));
          return;
        }
        const trace = r.item;
        const expectation = expectations[trace.header.name];
        const ctx = await ctxFor(trace.header.profile);
        emit(
          await runTrace(
            trace,
            { ...ctx, failuresDir: origin === 'replay' ? undefined : ctx.failuresDir },
            { origin, file, ...(expectation ? { expectation } : {}) },
          ),
        );
        cfg.onProgress?.(++done, files.length, origin, failures);
      },
      cfg.signal,
    );
  };
  const matches = ruleMatcher(cfg.rules);
  // Without --profile, generation covers every profile the target implements (spread.ts); with it, that profile.
  const spread = cfg.profile === undefined && override === undefined && cfg.replay === undefined;
  const generatedShares = (runs: number) =>
    spread ? spreadRuns(runs, runProfile, main.capabilities.profiles) : [{ profile: runProfile, runs }];
  try {
    if (cfg.replay?.endsWith('.litmus')) {
      cfg.onNote?.(`--replay ${cfg.replay}: read as a litmus program (by its .litmus extension)`);
      await runLitmusStage(
        cfg,
        runProfile,
        expectations,
        emit,
        matches,
        open,
        { file: cfg.replay },
        override,
      );
    } else if (cfg.replay !== undefined) await runFiles([cfg.replay], 'replay');
    else {
      await runFiles(await listFailures(cfg.failuresDir, failureKey), 'replay');
      if (cfg.corpusDir !== undefined && !aborted()) {
        const all = await listFiles(cfg.corpusDir, ['.trace', '.json']);
        const picked = cfg.sanity
          ? all.filter((f) => SANITY_TRACES.some((n) => f.endsWith(`/${n}.trace`)))
          : all;
        const files = inShard(picked, cfg.shard);
        const selected: string[] = [];
        for (const f of files) {
          if (cfg.rules === undefined) selected.push(f);
          else {
            try {
              if (matches((await loadTrace(f)).header.rules)) selected.push(f);
            } catch {
              selected.push(f);
            }
          }
        }
        await runFiles(selected, 'corpus');
      }
      if (cfg.runs > 0 && !aborted()) {
        const shardSeed = cfg.shard ? deriveSeed(cfg.seed, 'shard', cfg.shard.index) : cfg.seed;
        const runs = cfg.shard ? Math.ceil(cfg.runs / cfg.shard.count) : cfg.runs;
        cfg.onProgress?.(0, runs, 'generated', failures);
        const progress = cfg.onProgress;
        for (const [i, share] of generatedShares(runs).entries()) {
          if (aborted()) break;
          const generated = await runGenerated(await open(share.profile), {
            targetName: cfg.targetName,
            profile: share.profile,
            runs: share.runs,
            seed: profileSeed(shardSeed, i),
            check: cfg.check,
            failuresDir: cfg.failuresDir,
            shape: { targetArgs: cfg.targetArgs, seed: cfg.seed, timeoutMs: cfg.timeoutMs },
            failureKey,
            ...(cfg.rules === undefined ? {} : { rules: cfg.rules }),
            ...(progress ? { onProgress: (d, t, l, f) => progress(d, t, l, failures + f) } : {}),
            ...(cfg.signal ? { signal: cfg.signal } : {}),
          });
          for (const r of generated) emit(r);
        }
      }
      if (
        cfg.litmus &&
        cfg.runs > 0 &&
        cfg.rules === undefined &&
        main.capabilities.features.has('controlled-interleaving') &&
        !aborted()
      ) {
        const programs = windowPrograms(cfg.shard ? Math.ceil(cfg.runs / cfg.shard.count) : cfg.runs);
        for (const [i, share] of generatedShares(programs).entries()) {
          if (aborted()) break;
          emit(
            await runGeneratedLitmus(await open(share.profile), {
              profile: share.profile,
              programs: share.runs,
              runsPerProgram: 20,
              seed: deriveSeed(cfg.seed, 'window', cfg.shard?.index ?? 0, i),
            }),
          );
        }
      }
      if (cfg.litmus && !aborted())
        await runLitmusStage(
          { ...cfg, jobs: inFlight, onProgress: (d, t, l) => cfg.onProgress?.(d, t, l, failures) },
          runProfile,
          expectations,
          emit,
          matches,
          open,
          cfg.corpusDir ?? DEFAULTS.corpus,
          override,
        );
    }
  } finally {
    if (cfg.coverage === true && main.coverage !== undefined) {
      try {
        const c = await main.coverage();
        codeCoverage = {
          parts: c.parts,
          note: c.note,
          ...(c.index === undefined ? {} : { index: c.index }),
        };
        Object.assign(files, c.files);
      } catch (e) {
        codeCoverage = { parts: [], note: `no coverage: ${(e as Error).message}` };
      }
    }
    for (const t of targets.values()) await t.close();
  }
  const partial = [
    ...(cfg.shard ? [`shard ${cfg.shard.index}/${cfg.shard.count}`] : []),
    ...(cfg.rules !== undefined ? [`--rules ${cfg.rules}`] : []),
    ...(cfg.replay !== undefined ? ['--replay'] : []),
    ...(cfg.sanity === true ? ['--sanity'] : []),
    ...(cfg.corpusDir === undefined && cfg.replay === undefined ? ['no corpus'] : []),
    ...(!cfg.litmus && cfg.replay === undefined ? ['no litmus'] : []),
    ...(aborted() ? ['interrupted'] : []),
  ];
  const full =
    cfg.sanity !== true &&
    cfg.replay === undefined &&
    cfg.rules === undefined &&
    cfg.shard === undefined &&
    cfg.corpusDir !== undefined &&
    cfg.litmus;
  const judged = results.filter((r) => r.origin === 'corpus' || r.origin === 'litmus');
  let stale = full ? staleEntries(expectations, judged) : [];
  let exp = expectations;
  if (cfg.save) {
    exp = await saveExpectations(cfg.expectationsFile, expectations, judged, full);
    stale = [];
  }
  const profiles = [...new Set([runProfile, ...results.map((r) => r.profile)])];
  const report: RunReport = {
    provenance: provenance({
      profile: runProfile,
      target: main.info,
      seed: cfg.seed,
      command: cfg.command,
      startedAt: started,
      ...(cfg.shard ? { shard: cfg.shard } : {}),
      runs: cfg.runs,
    }),
    results,
    stale,
    coverage: ruleCoverage(results, profiles),
    exitCode: aborted()
      ? EXIT.interrupted
      : cfg.save
        ? exitCodeOf(
            results.map((r) =>
              r.status === 'FAIL' || r.status === 'CRASH' || r.status === 'XPASS'
                ? { ...r, status: 'XFAIL' }
                : r,
            ),
            [],
          )
        : exitCodeOf(results, stale),
    durationMs: Math.round(performance.now() - t0),
    ...(aborted() ? { interrupted: true } : {}),
    ...(partial.length > 0 ? { partial } : {}),
    ...(codeCoverage === undefined ? {} : { codeCoverage }),
  };
  return { report, expectations: exp, files };
}

/** The repository root (this file is conformance/src/run/session.ts). */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** Default locations: corpus and expectations in the checkout (whatever the working directory), failures in it. */
export const DEFAULTS = {
  corpus: relativeOrAbsolute(join(REPO, 'conformance/corpus')),
  expectations: (target: string): string =>
    relativeOrAbsolute(join(REPO, 'conformance/expectations', `${target}.json`)),
  failures: '.conformance/failures',
} as const;

/** A path relative to the working directory when it lies below it (short, as people type it), else absolute. */
function relativeOrAbsolute(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
