/**
 * The conformance engine (generator, checker, litmus mode) as the mutation test uses it: `huntTarget`,
 * `checkTrace`, `runLitmusTest` and `litmusCorpus` from `@umcg/conformance`, behind the small `Engine` interface
 * the mutation harness is written against.
 * @module
 */
import type { LitmusTest, Target, Trace } from '@umcg/conformance';
import { checkTrace, huntTarget, litmusCorpus, runLitmusTest } from '@umcg/conformance';
import type { ProfileId, StepObservation } from '@umcg/spec/vocabulary';

/** What the mutation test needs from a hunt (a subset of the engine's `HuntReport`). */
export interface HuntResult {
  /** Generated traces run. */
  readonly runs: number;
  /** The shrunk failure, if any. */
  readonly failure: { readonly trace: Trace; readonly signature: string } | undefined;
}

/** A litmus test as the mutation test writes one: the program and the header fields it needs. */
export type EngineLitmusTest = Pick<LitmusTest, 'program'> & {
  readonly header: Pick<LitmusTest['header'], 'name' | 'profile' | 'tasks'>;
};

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

/** The conformance engine. */
export const conformanceEngine = {
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
    return v.kind === 'fail' ? v.failure.explanation : undefined;
  },
  litmusFails: async (target, test, runs, seed) => {
    const header = {
      version: 1,
      requires: [],
      rules: [],
      sources: [],
      description: '',
      ...test.header,
    } as const;
    return (await runLitmusTest(target, { ...test, header }, runs, seed)).verdict === 'fail';
  },
  litmusCorpus: litmusCorpus(),
} satisfies Engine;
