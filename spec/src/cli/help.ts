/**
 * `--help` of `pnpm spec` and of each of its commands, and the quiet exit on a closed pipe (`pnpm spec ... | head`).
 * @module
 */

/** Help of each command (`pnpm spec <command> --help`); a command without an entry gets the overview. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  summary:
    'usage: pnpm spec summary\n  What the spec contains: rule, group and profile counts, where to read on.',
  render:
    'usage: pnpm spec render [--check]\n  Regenerates spec/SPEC.md from the rule catalogue. Commit the result.\n' +
    '  --check: writes nothing; exits 1 when spec/SPEC.md is not what `pnpm spec render` would write.',
  explain:
    'usage: pnpm spec explain <rule-id>\n  Prints one rule: statement, profiles where it holds, sources, anchor.\n' +
    '  e.g. pnpm spec explain wait.next.not-runnable',
  profiles:
    'usage: pnpm spec profiles\n  Lists the profiles and the rules in which each differs from its base.',
};

/** Whether `argv` asks for help (`--help`, `-h` or `help` as the command). */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
}

/** The help text for `argv` (the command's own when it has one; `more` adds commands' help kept elsewhere). */
export function helpFor(
  argv: readonly string[],
  usage: string,
  more: Readonly<Record<string, string>> = {},
): string {
  const cmd = argv[0] === 'help' ? argv[1] : argv.find((a) => !a.startsWith('-'));
  return (cmd === undefined ? undefined : (more[cmd] ?? COMMAND_HELP[cmd])) ?? usage;
}

/** A closed stdout (`| head -1`) ends the program quietly instead of with an EPIPE stack trace. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
