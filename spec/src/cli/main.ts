/**
 * `pnpm spec <command>`: the spec's own command line — summary, render, check (the model checker), explain,
 * profiles.
 * @module
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROFILES, REFERENCE_PROFILE } from '../profiles/catalogue.js';
import { renderSourcesMarkdown } from '../render/sources-md.js';
import { renderSpecMarkdown } from '../render/spec-md.js';
import { allRules, findRule } from '../rules/catalogue.js';
import { CHECK_USAGE, runCheck } from './check.js';
import { SUBCOMMAND_USAGE, SUBCOMMANDS } from './commands.js';
import { exitQuietlyOnClosedPipe, helpFor, wantsHelp } from './help.js';

const specRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const specMd = join(specRoot, 'SPEC.md');

const USAGE = `usage: pnpm spec <command>
  summary            what the spec contains (default)
  render             regenerate spec/SPEC.md
  render --check     exit 1 if spec/SPEC.md is stale
  check [options]    bounded model checking of the user model against a profile (pnpm spec check --help)
  explain <rule-id>  print one rule with its provenance
  profiles           list the profiles and how they differ`;

function explain(id: string | undefined): number {
  const r = id ? findRule(id) : undefined;
  if (!r) {
    const near = allRules().filter((x) => id && x.id.includes(id.split('.')[0] ?? ''));
    console.error(
      `unknown rule '${id ?? ''}'${near.length ? `; rules of that group: ${near.map((x) => x.id).join(', ')}` : ''}`,
    );
    return 1;
  }
  console.log(`${r.id} — ${r.title}\n\n${r.statement}\n`);
  console.log(`holds in: ${r.profiles === 'all' ? 'all profiles' : r.profiles.join(', ')}`);
  console.log(`sources:  ${r.sources.join(', ')}`);
  console.log(`cite as:  spec/SPEC.md#${r.id}`);
  return 0;
}

function main(argv: string[]): number {
  const [cmd = 'summary', arg] = argv;
  // Sub-commands in their own modules answer --help themselves.
  if (wantsHelp(argv) && SUBCOMMANDS[argv[0] === 'help' ? (argv[1] ?? '') : cmd] === undefined) {
    console.log(helpFor(argv, USAGE + SUBCOMMAND_USAGE, { check: CHECK_USAGE }));
    return 0;
  }
  const helped = cmd === 'help' && arg !== undefined ? SUBCOMMANDS[arg] : undefined;
  if (helped) return helped(['--help']);
  const sub = SUBCOMMANDS[cmd];
  if (sub) return sub(argv.slice(1));
  switch (cmd) {
    case 'render': {
      if (arg === '--check') {
        const fresh = renderSpecMarkdown(specRoot);
        if (existsSync(specMd) && readFileSync(specMd, 'utf8') === fresh) return 0;
        console.error('spec/SPEC.md is stale: run `pnpm spec:render` and commit it');
        return 1;
      }
      const tmp = `${specMd}.tmp`;
      writeFileSync(tmp, renderSpecMarkdown(specRoot));
      renameSync(tmp, specMd);
      writeFileSync(join(specRoot, 'SOURCES.md'), renderSourcesMarkdown());
      console.log(`wrote ${specMd}`);
      return 0;
    }
    case 'check':
      if (arg === '--help') {
        console.log(CHECK_USAGE);
        return 0;
      }
      return runCheck(argv.slice(1), specRoot);
    case 'explain':
      return explain(arg);
    case 'profiles':
      for (const p of Object.values(PROFILES)) {
        console.log(
          `${p.id.padEnd(16)} ${p.title}${p.base ? ` (differs from ${p.base} in ${Object.keys(p.differences).join(', ')})` : ''}`,
        );
      }
      return 0;
    case 'summary': {
      const rules = allRules();
      console.log(`UMCG reference specification — reference profile ${REFERENCE_PROFILE}`);
      console.log(
        `${rules.length} rules in ${new Set(rules.map((r) => r.group)).size} groups, ${Object.keys(PROFILES).length} profiles`,
      );
      console.log(
        'catalogue: spec/SPEC.md · execution model: spec/EXECUTION-MODEL.md · `pnpm spec explain <rule-id>`',
      );
      return 0;
    }
    default:
      console.error(USAGE + SUBCOMMAND_USAGE);
      return 2;
  }
}

exitQuietlyOnClosedPipe();
process.exitCode = main(process.argv.slice(2));
