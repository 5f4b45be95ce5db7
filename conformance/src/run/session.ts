/**
 * A whole conformance run, as the CLI starts it: replay of saved failures, the corpus, generated traces and litmus
 * programs on one target, with expectations, rule coverage, provenance and the exit code.
 * @module
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileId } from '@umcg/spec';
import { REFERENCE_PROFILE } from '@umcg/spec';
import type { Adapter, Target } from '../adapter/types.js';
import { specEngine } from '../check/engine.js';
import { judgeAnnotations } from '../check/paths.js';
import type { CheckTrace } from '../check/types.js';
import { ruleCoverage } from '../report/coverage.js';
import { deriveSeed } from '../trace/hash.js';
import { listFiles, loadTrace } from '../trace/load.js';
import type { Trace } from '../trace/types.js';
import { exitCodeOf } from './exitCode.js';
import type { Expectations } from './expectations.js';
import { loadExpectations, saveExpectations, staleEntries } from './expectations.js';
import { listFailures } from './failures.js';
import { runGenerated } from './generated.js';
import { runLitmusStage } from './litmusStage.js';
import { parseError, skipped } from './parseError.js';
import { mapPool } from './pool.js';
import { provenance } from './provenance.js';
import { retarget } from './retarget.js';
import { runTrace } from './runTrace.js';
import { SANITY_TRACES } from './sanity.js';
import type { Shard } from './select.js';
import { inShard, ruleMatcher } from './select.js';
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
  /** `--profile`: overrides the profile of corpus traces; generated and litmus use it (default: reference). */
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
  /** Called to report progress. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

/** A finished session: the report (its exit code included) and the expectations in force. */
export interface SessionResult {
  readonly report: RunReport;
  readonly expectations: Expectations;
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
    });
    targets.set(p, t);
    return t;
  };
  const main = await open(runProfile);
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
  const emit = (r: TraceResult): void => {
    results.push(r);
    cfg.onResult?.(r);
  };
  const ctxFor = async (p: ProfileId) => ({
    target: await open(p),
    targetName: cfg.targetName,
    check: cfg.check,
    seed: cfg.seed,
    timeoutMs: cfg.timeoutMs,
    failuresDir: cfg.failuresDir,
    illFormed: illFormedBySpec,
  });
  const runFiles = async (files: readonly string[], origin: 'replay' | 'corpus'): Promise<void> => {
    let done = 0;
    await mapPool(files, inFlight, async (file) => {
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
      cfg.onProgress?.(++done, files.length, `${origin} ${trace.header.name}`);
    });
  };
  const matches = ruleMatcher(cfg.rules);
  try {
    if (cfg.replay !== undefined) await runFiles([cfg.replay], 'replay');
    else {
      await runFiles(await listFailures(cfg.failuresDir), 'replay');
      if (cfg.corpusDir !== undefined) {
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
      if (cfg.runs > 0) {
        const shardSeed = cfg.shard ? deriveSeed(cfg.seed, 'shard', cfg.shard.index) : cfg.seed;
        const runs = cfg.shard ? Math.ceil(cfg.runs / cfg.shard.count) : cfg.runs;
        cfg.onProgress?.(0, runs, `generating ${runs} traces`);
        const generated = await runGenerated(main, {
          targetName: cfg.targetName,
          profile: runProfile,
          runs,
          seed: shardSeed,
          check: cfg.check,
          failuresDir: cfg.failuresDir,
          ...(cfg.rules === undefined ? {} : { rules: cfg.rules }),
          ...(cfg.onProgress ? { onProgress: cfg.onProgress } : {}),
          ...(cfg.onNote ? { onNote: cfg.onNote } : {}),
          parallel: inFlight,
        });
        for (const r of generated) emit(r);
      }
      if (cfg.litmus)
        await runLitmusStage(
          { ...cfg, jobs: inFlight },
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
    for (const t of targets.values()) await t.close();
  }
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
    }),
    results,
    stale,
    coverage: ruleCoverage(results, profiles),
    exitCode: cfg.save
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
  };
  return { report, expectations: exp };
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
