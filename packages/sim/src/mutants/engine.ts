/**
 * A bridge to the conformance engine (generator, checker, litmus mode) for the mutation test. The engine is loaded
 * dynamically from the workspace source (its package entry point does not export it yet), so this package still
 * type-checks and works without it; `loadEngine` returns undefined when it is not available.
 * @module
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Target, Trace } from '@umcg/conformance';
import type { LitmusProgram, ProfileId, StepObservation, TaskDecl } from '@umcg/spec/vocabulary';

/** What the mutation test needs from a hunt (a subset of the engine's `HuntReport`). */
export interface HuntResult {
  /** Generated traces run. */
  readonly runs: number;
  /** The shrunk failure, if any. */
  readonly failure: { readonly trace: Trace; readonly signature: string } | undefined;
}

/** A litmus test as the engine knows it (header + program). */
export interface EngineLitmusTest {
  readonly header: {
    readonly name: string;
    readonly profile: ProfileId;
    readonly tasks: readonly TaskDecl[];
  };
  readonly program: LitmusProgram;
}

/** The engine operations the mutation test uses. */
export interface Engine {
  /** Runs `runs` generated traces of `profile` on `target` and shrinks the first failure. */
  hunt(
    target: Target,
    profile: ProfileId,
    runs: number,
    seed: number,
    timeLimitMs: number,
  ): Promise<HuntResult>;
  /** Checks one run of a trace against the spec: undefined if it conforms, else a one-line reason. */
  check(trace: Trace, observations: readonly StepObservation[]): string | undefined;
  /** Runs a litmus test `runs` times: whether a forbidden outcome was seen. */
  litmusFails(target: Target, test: EngineLitmusTest, runs: number, seed: number): Promise<boolean>;
  /** The engine's litmus corpus. */
  readonly litmusCorpus: readonly EngineLitmusTest[];
}

interface Modules {
  huntTarget(target: Target, o: Record<string, unknown>): Promise<HuntResult>;
  checkTrace(
    trace: Trace,
    obs: readonly StepObservation[],
  ): { kind: string; reason?: string; failure?: { explanation: string } };
  runLitmusTest(
    target: Target,
    test: EngineLitmusTest,
    runs: number,
    seed: number,
  ): Promise<{ verdict: string }>;
  litmusCorpus(): EngineLitmusTest[];
}

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../conformance/src');
const load = async (rel: string): Promise<Partial<Modules>> =>
  (await import(pathToFileURL(`${SRC}/${rel}`).href)) as Partial<Modules>;

/** Loads the engine, or returns undefined (with the reason on stderr when `verbose`). */
export async function loadEngine(verbose = false): Promise<Engine | undefined> {
  try {
    const { huntTarget } = await load('generate/index.ts');
    const { checkTrace } = await load('check/index.ts');
    const { runLitmusTest, litmusCorpus } = await load('litmus/index.ts');
    if (!huntTarget || !checkTrace || !runLitmusTest || !litmusCorpus) return undefined;
    return {
      hunt: (target, profile, runs, seed, timeLimitMs) =>
        huntTarget(target, {
          check: checkTrace,
          runs,
          seed,
          profile,
          failuresDir: false,
          timeLimitMs,
          reproduce: 1,
        }),
      check: (trace, obs) => {
        const v = checkTrace(trace, obs);
        return v.kind === 'fail' ? (v.failure?.explanation ?? 'fail') : undefined;
      },
      litmusFails: async (target, test, runs, seed) =>
        (await runLitmusTest(target, test, runs, seed)).verdict === 'fail',
      litmusCorpus: litmusCorpus(),
    };
  } catch (e) {
    if (verbose) console.error(`conformance engine not available: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}
