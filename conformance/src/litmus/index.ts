/**
 * Litmus mode: run a litmus program N times on a target, enumerate the spec's outcomes, tabulate herd7-style
 * (allowed-and-seen, allowed-never-seen, forbidden-seen) and render the table; plus the corpus of races.
 * @module
 */

export type { LitmusArbitraryOptions } from '../generate/litmusArbitrary.js';
export { litmusArbitrary } from '../generate/litmusArbitrary.js';
export { LITMUS_CORPUS_DIR, litmusByName, litmusCorpus } from './corpus.js';
export type { LitmusHistogram, OutcomeRow } from './histogram.js';
export { tabulate } from './histogram.js';
export { firstSeenLine, observationKind, observationLine, renderLitmusHistogram } from './render.js';
export type { LitmusRunOptions } from './run.js';
export { runLitmusTest } from './run.js';
