/**
 * `pnpm spec check`: the bounded model checker's command line (see `src/check/`).
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckResult, check } from '../check/checker.js';
import { checkConfig } from '../check/config.js';
import { counterexample, counterexampleName } from '../check/counterexample.js';
import { findProperty, PROPERTIES, type PropertyId } from '../check/properties.js';
import { type CheckTable, computeTable, rowCommand } from '../check/table.js';
import { getProfile } from '../profiles/catalogue.js';
import type { ProfileId } from '../profiles/profile.js';

/** The usage text of `spec check`. */
export const CHECK_USAGE = `usage: pnpm spec check [--profile P] [--servers N --workers M --depth D] [--work K] [--signals S]
                      [--property id] [--malformed] [--symmetry] [--out dir]
                      [--all-profiles [--write | --verify]]
  --all-profiles --write   regenerate spec/check-table.json and spec/counterexamples/ (then pnpm spec:render)
  --all-profiles --verify  recompute the table and exit 1 if it differs from spec/check-table.json (CI)`;

const NUMERIC = new Set(['--servers', '--workers', '--depth', '--work', '--signals']);
const FLAGS = new Set(['--malformed', '--all-profiles', '--write', '--verify', '--symmetry']);

/** Runs `spec check` with its arguments; returns the exit code (255 usage, 1 a violation, 0 all hold). */
export function runCheck(argv: readonly string[], specRoot: string): number {
  const opts: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (FLAGS.has(a)) opts[a] = true;
    else if (NUMERIC.has(a) || a === '--profile' || a === '--property' || a === '--out') {
      const v = argv[++i];
      if (v === undefined || (NUMERIC.has(a) && !/^\d+$/.test(v))) {
        console.error(`spec check: ${a} expects ${NUMERIC.has(a) ? 'a number' : 'a value'}\n${CHECK_USAGE}`);
        return 255;
      }
      opts[a] = v;
    } else {
      console.error(`spec check: unknown option '${a}'\n${CHECK_USAGE}`);
      return 255;
    }
  }
  if (opts['--all-profiles'])
    return allProfiles(specRoot, opts['--write'] === true, opts['--verify'] === true);
  const profile = (opts['--profile'] as string | undefined) ?? 'pz-v2';
  try {
    getProfile(profile);
  } catch (e) {
    console.error(`spec check: ${(e as Error).message}`);
    return 255;
  }
  const prop = opts['--property'] as string | undefined;
  if (prop !== undefined && !findProperty(prop)) {
    console.error(
      `spec check: unknown property '${prop}'; expected one of: ${PROPERTIES.map((p) => p.id).join(', ')}`,
    );
    return 255;
  }
  const num = (k: string): number | undefined => (opts[k] === undefined ? undefined : Number(opts[k]));
  const c = checkConfig({
    profile: profile as ProfileId,
    ...(num('--servers') !== undefined ? { servers: num('--servers')! } : {}),
    ...(num('--workers') !== undefined ? { workers: num('--workers')! } : {}),
    ...(num('--depth') !== undefined ? { depth: num('--depth')! } : {}),
    ...(num('--work') !== undefined ? { work: num('--work')! } : {}),
    ...(num('--signals') !== undefined ? { signals: num('--signals')! } : {}),
    malformed: opts['--malformed'] === true,
    symmetry: opts['--symmetry'] === true,
  });
  if (c.servers < 1 || c.workers < 1) {
    console.error(`spec check: at least one server and one worker\n${CHECK_USAGE}`);
    return 255;
  }
  const r = check(c, prop === undefined ? undefined : [prop as PropertyId]);
  report(r, argv.join(' '), (opts['--out'] as string | undefined) ?? join('.conformance', 'counterexamples'));
  return r.verdicts.some((v) => v.status === 'violated') ? 1 : 0;
}

/** Prints a run's figures and verdicts, writing each counterexample into `outDir`. */
function report(r: CheckResult, args: string, outDir: string): void {
  const c = r.config;
  console.log(
    `${c.profile}${c.malformed ? ' (malformed)' : ''}: ${c.servers} server(s), ${c.workers} worker(s), depth ${c.depth}, work ${c.work}, signals ${c.signals}`,
  );
  console.log(
    `${r.states} states (${r.transitions} transitions), ${Math.round((r.states / r.ms) * 1000)} states/s, depth reached ${r.depth}, ${(r.ms / 1000).toFixed(1)} s${r.complete ? '' : ' — INCOMPLETE (state limit)'}`,
  );
  for (const v of r.verdicts) {
    if (v.status === 'holds') {
      console.log(`  ${v.property.padEnd(30)} HOLDS (up to the bound)`);
      continue;
    }
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `${counterexampleName(r, v.property)}.json`);
    writeFileSync(file, `${JSON.stringify(counterexample(r, v, `pnpm spec check ${args}`), null, 2)}\n`);
    console.log(
      `  ${v.property.padEnd(30)} VIOLATED: ${v.message} (${v.path?.length ?? 0} steps after the prologue)`,
    );
    console.log(
      `    counterexample: ${file} · pnpm conformance --replay ${file} · pnpm conformance show ${file}`,
    );
  }
}

function allProfiles(specRoot: string, write: boolean, verify: boolean): number {
  const outDir = write ? join(specRoot, 'counterexamples') : join('.conformance', 'counterexamples');
  const table = computeTable((r) =>
    report(r, rowCommand(r.config.profile, r.config.malformed).replace('pnpm spec check ', ''), outDir),
  );
  console.log('');
  console.log(
    `${'profile'.padEnd(28)} ${PROPERTIES.map((p) => p.id.replace('check.', '').padEnd(22)).join(' ')}`,
  );
  const rows = [...new Set(table.cells.map((x) => `${x.profile}${x.malformed ? ' --malformed' : ''}`))];
  for (const row of rows) {
    const cells = table.cells.filter((x) => `${x.profile}${x.malformed ? ' --malformed' : ''}` === row);
    console.log(
      `${row.padEnd(28)} ${cells.map((x) => (x.status === 'holds' ? 'holds' : 'VIOLATED').padEnd(22)).join(' ')}`,
    );
  }
  const data = join(specRoot, 'check-table.json');
  if (verify) {
    const committed = existsSync(data) ? (JSON.parse(readFileSync(data, 'utf8')) as CheckTable) : undefined;
    const verdicts = (x: CheckTable | undefined): string =>
      JSON.stringify(x?.cells.map((c) => [c.profile, c.malformed, c.property, c.status, c.message]));
    if (verdicts(committed) !== verdicts(table)) {
      console.error(
        'spec/check-table.json is stale: run `pnpm spec check --all-profiles --write && pnpm spec:render`',
      );
      return 1;
    }
    console.log('spec/check-table.json matches a fresh run');
  }
  if (write) {
    writeFileSync(data, `${JSON.stringify(table, null, 2)}\n`);
    console.log(`wrote ${data} and ${outDir}; run \`pnpm spec:render\``);
  }
  return 0;
}
