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

/** Usage lines of the sub-commands, appended to `pnpm spec`'s own usage. */
export const SUBCOMMAND_USAGE = `
  cite <rule-id>     a citation to paste into a review (--format markdown|text|lkml)
  lock               add new ids to spec/rules.lock (--retire <id> --reason <text>)`;
