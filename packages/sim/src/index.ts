/**
 * `@umcg/sim`: a deterministic, kernel-structured simulator of UMCG (a conformance target) with a catalogue of
 * mutants.
 * @module
 */
export { openSim, SIM_VERSION, simAdapter, simFeatures } from './adapter.js';
export { DEFAULT_KNOBS, type Knobs, SEQUENTIAL_KNOBS } from './internal/run/knobs.js';
export { runLitmus } from './internal/run/litmus.js';
export { Machine, type MachineConfig } from './internal/run/machine.js';
export { runTrace } from './internal/run/trace.js';
export { getMutant, MUTANTS, type Mutant } from './mutants/catalogue.js';
export { conformanceEngine, type Engine } from './mutants/engine.js';
export { type MutationBudget, type MutationResult, mutationTest, witnessTrace } from './mutants/mutation.js';
export { isMutantName, MUTANT_NAMES, type MutantName } from './mutants/names.js';
export type { Witness } from './mutants/witnesses.js';
