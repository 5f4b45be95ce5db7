/**
 * The `sim` adapter: opens a deterministic, kernel-structured simulator of one profile, optionally with a mutant
 * (`--target-args mutant=<name>`). Every run replays exactly under its seed.
 * @module
 */

import type { Adapter, Capabilities, Feature, OpenOptions, Target } from '@umcg/conformance';
import { getProfile, PROFILES, type ProfileId } from '@umcg/spec/vocabulary';
import { DEFAULT_KNOBS, type Knobs, renderKnobs } from './internal/run/knobs.js';
import { runLitmus } from './internal/run/litmus.js';
import { runTrace } from './internal/run/trace.js';
import { isMutantName, MUTANT_NAMES } from './mutants/names.js';

/** Version of the simulator. */
export const SIM_VERSION = '0.1.0';

/** Features every profile of the simulator offers. */
const BASE_FEATURES: readonly Feature[] = [
  'signals',
  'faults',
  'blocking-faults',
  'unmap',
  'shmem',
  'exit',
  'timeouts',
  'garbage-tid',
  'kill',
  'controlled-interleaving',
];

/**
 * The features the simulator offers: every one, under every profile. A feature is the ability to execute a kind of
 * step (a worker's timed wait, the ENQUEUE flag, a kick); what the profile makes of it (ERANGE, EINVAL, ENOSYS) is
 * what the trace checks. `_profile` is kept for adapters whose offer depends on it.
 */
export function simFeatures(_profile: ProfileId): ReadonlySet<Feature> {
  return new Set<Feature>([...BASE_FEATURES, 'kick', 'worker-timeouts', 'wait-enqueue']);
}

/** Parses the knob overrides of `--target-args` (`cpus`, `switch`, `irq`, `sigqueue`, `pct`, `depth`). */
function knobsFrom(args: Readonly<Record<string, string>>): Knobs {
  const num = (key: string, dflt: number): number => (args[key] === undefined ? dflt : Number(args[key]));
  return {
    cpus: num('cpus', DEFAULT_KNOBS.cpus),
    switchPer256: num('switch', DEFAULT_KNOBS.switchPer256),
    interruptPer256: num('irq', DEFAULT_KNOBS.interruptPer256),
    queueSignals: args.sigqueue === undefined ? DEFAULT_KNOBS.queueSignals : args.sigqueue !== '0',
    pctPer256: num('pct', DEFAULT_KNOBS.pctPer256),
    pctDepth: num('depth', DEFAULT_KNOBS.pctDepth),
  };
}

/**
 * Opens a simulator target. Throws for an unknown mutant, listing the known ones. `args`: `mutant=<name>`, knob
 * overrides `cpus`, `switch`, `irq`, `sigqueue=1`, and `without=<feature>+…` to stop offering features (so generators avoid them).
 */
export async function openSim(options: OpenOptions): Promise<Target> {
  const mutantArg = options.args.mutant;
  if (mutantArg !== undefined && !isMutantName(mutantArg)) {
    throw new Error(`unknown mutant '${mutantArg}'; known mutants: ${MUTANT_NAMES.join(', ')}`);
  }
  const mutant = mutantArg;
  const profile = getProfile(options.profile);
  const knobs = knobsFrom(options.args);
  const cfg = { params: profile.params, mutant, knobs };
  const without = new Set((options.args.without ?? '').split(/[ ,+]/).filter((f) => f !== ''));
  const capabilities: Capabilities = {
    features: new Set([...simFeatures(profile.id)].filter((f) => !without.has(f))),
    profiles: Object.keys(PROFILES) as ProfileId[],
  };
  const build: Record<string, string> = {
    profile: profile.id,
    knobs: renderKnobs(knobs),
    seed: String(options.seed),
  };
  if (mutant !== undefined) build.mutant = mutant;
  return {
    info: { name: 'sim', version: SIM_VERSION, build },
    capabilities,
    run: async (trace, run) => {
      const missing = trace.header.requires.filter((f) => !capabilities.features.has(f));
      if (missing.length > 0)
        return {
          observations: [],
          status: 'unsupported',
          detail: `sim does not offer: ${missing.join(', ')}`,
        };
      return runTrace(cfg, trace, run.seed, run.signal);
    },
    runLitmus: async (program, run) => runLitmus(cfg, program, run.seed),
    close: async () => {},
  };
}

/** The simulator adapter. */
export const simAdapter: Adapter = {
  name: 'sim',
  description: 'deterministic kernel-structured UMCG simulator (all profiles, optional mutants)',
  probe: async () => ({ ok: true, reason: 'always available', details: [`mutants: ${MUTANT_NAMES.length}`] }),
  open: openSim,
};
