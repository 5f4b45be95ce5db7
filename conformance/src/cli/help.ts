/**
 * The `--help` text: what the suite does, the commands a newcomer runs first, every option, and the exit codes.
 * @module
 */
import { PROFILES } from '@umcg/spec';
import { BUILTIN_TARGETS } from '../adapters/registry.js';

/** The help text. */
export function helpText(): string {
  const targets = Object.entries(BUILTIN_TARGETS).map(([n, t]) => `    ${n.padEnd(8)} ${t.description}`);
  return `pnpm conformance — check a UMCG implementation against the executable spec

Runs traces (sequences of user actions and environment events) on a target, compares every observed step with
the set of outcomes the spec allows, and reports the first divergence with the rules involved, a transition log,
an explanation, the minimal trace and a replay command.

Start here:
  pnpm conformance                         corpus + 1000 generated traces + litmus programs on the default target
  pnpm conformance --target=spec --corpus  the committed corpus on the spec itself (always passes)
  pnpm conformance --replay <file>         re-run one trace (a failure printed a ready-made command)
  pnpm conformance explain <rule-id>       what a rule says, where it comes from
  pnpm conformance doctor --target=native  what a target needs and whether it is there
  pnpm conformance show <file>             a trace's transition log, step by step (--target, default spec)
  pnpm conformance report                  table of the latest run of every target (rows: traces by hash)
  pnpm conformance failures list           saved failures by target, profile and --target-args (show, clear)
  pnpm conformance merge <dir...>          join the run directories of --shard i/n runs into one whole run
  pnpm conformance <command> --help        the help of one command

Targets (--target, default sim when @umcg/sim provides its adapter, else spec). Built-in names:
${targets.join('\n')}
  or any module that exports an adapter: --target=<package> or --target=<file or directory> (see ADAPTERS.md)

Options:
  --target <t>           target to run on: a built-in name, a package or a path; --target-args k=v,k=v passes
                         options to it (e.g. pick=random for spec)
  --profile <id>         ${Object.keys(PROFILES).join(' | ')}; the profile of generated traces and litmus
                         programs (default pz-v2, or the only profile of a single-profile target such as a real
                         kernel). Corpus traces written for pz-v2 run under it unless they cite a rule that does
                         not hold there; traces written for another profile are skipped
  --corpus [dir]         run the corpus (default conformance/corpus: *.trace, *.json, *.litmus)
  --runs <n>             run n generated traces (default 1000 in a default run)
  --litmus               run the litmus programs (built-in and corpus *.litmus)
  --sanity               only the sanity traces every new adapter must pass first (see ADAPTERS.md)
  --replay <file>        run only this trace file (.trace or .json)
  --seed <n>             seed of generation, litmus sampling and the target (default: time-based, printed)
  --rules <glob>         only traces citing a matching rule id, e.g. 'wait.*' or 'ctl.register.*,kick.*'
                         (generated traces: those whose spec path fires one; the others are discarded unrun)
  --jobs, -j <n>         traces in flight at once (default 1)
  --shard <i/n>          run the i-th of n slices (CI parallelism)
  --timeout <t>          per-trace wall-clock limit, e.g. 10s, 500ms (default 10s)
  --reporter <r>         simple | json | junit | tap | html (console format; every format is also written to the run
                         dir; html writes report.html and prints the summary and its path)
  --out <dir>            parent of the run directory (default .conformance/runs)
  --coverage             count the lines and branches the run reaches in the implementation (qemu: the
                         reference kernel's coverage flavour, kernel:build:coverage); summary on the console,
                         annotated pages and the unreached lines in the run directory's kernel-coverage/
  --save                 rewrite conformance/expectations/<target>.json from this run's failures

If none of --corpus, --runs, --litmus is given, all three run. Saved failures of the same target, profile and
--target-args (.conformance/failures/<target>/<profile>/...) are replayed first. Known failures of a target are listed in conformance/expectations/<target>.json.

Exit codes: 0 all as expected · 1 spec violation or unexpected result · 4 unsupported/skipped (reason printed)
            · 124 timeout · 255 infrastructure or usage error
`;
}

/** The help of each sub-command (`pnpm conformance <command> --help`). */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  explain: `usage: pnpm conformance explain <rule-id>

Prints a rule of the spec: its statement, group, the profiles where it holds, its sources, its anchor in
spec/SPEC.md and the corpus traces that cite it. An unknown id lists close ones (exit 1).
  e.g. pnpm conformance explain wait.next.not-runnable
`,
  doctor: `usage: pnpm conformance doctor [--target <name>]

For each target (or the one named): what it needs, whether it is there, and when it opens, its build and the
features it offers or lacks. Exit 0 when every named target is usable, 4 otherwise.
`,
  show: `usage: pnpm conformance show <file> [--target <name>] [--profile <id>]

Runs one trace file (.trace or .json) on a target (default spec) and prints it as a transition log, step by
step: each action, then what every task did (state, where it sleeps, what a call returned).
`,
  failures: `usage: pnpm conformance failures list|show <hash>|clear [--target <name>] [--profile <id>]

The failure store (.conformance/failures/): every failing minimal trace, kept apart by target, profile and
--target-args; a run replays only those of its own target, profile and arguments. list groups them, show prints
one (by hash or path), clear removes them (those of --target/--profile only when given).
`,
  'check-trace': `usage: pnpm conformance check-trace <file|dir...> [--profile <id>]

Says of each trace whether the spec requires, allows or forbids its # annotations, over every allowed path, and
where a forbidden one goes wrong. Exit 0 when none is forbidden or ill-formed, 1 when one is, 255 for bad usage.
`,
  merge: `usage: pnpm conformance merge <run-dir...> [--out <dir>]

Joins the run directories of the shards of one run (--shard 1/n .. n/n) into one run directory under --out
(default .conformance/runs). Checks they form a whole: one target, one seed, one command (but for --shard,
--out, --jobs, --reporter), every shard once and not interrupted; otherwise says what is missing (exit 255).
`,
  report: `usage: pnpm conformance report [runs-dir]

A table over the latest run of every target in the runs directory (default .conformance/runs, or --out): one
row per trace, joined by content hash, one column per target, and totals. Says of each run whether it is whole or
PARTIAL (a shard, --rules, --replay, --sanity, a stage left out, interrupted).
`,
};

/** The help of `command` (the whole CLI's when it has none of its own). */
export function helpFor(command: string | undefined): string {
  return (command === undefined ? undefined : COMMAND_HELP[command]) ?? helpText();
}
