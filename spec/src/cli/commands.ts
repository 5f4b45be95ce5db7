/**
 * Sub-commands of `pnpm spec` that live in their own modules (`main.ts` dispatches to them by name).
 * @module
 */
import { citeCommand } from './cite.js';
import { lockCommand } from './lock.js';

/** A sub-command: its arguments in, exit code out. */
export type SubCommand = (args: readonly string[]) => number;

/** The sub-commands by name. */
export const SUBCOMMANDS: Readonly<Record<string, SubCommand>> = {
  cite: citeCommand,
  lock: lockCommand,
};
