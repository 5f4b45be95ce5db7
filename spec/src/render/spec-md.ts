/**
 * Renders `spec/SPEC.md`, the citable catalogue: profiles and their parameters, then every rule grouped by call
 * and hook, one anchor per rule, with its statement, profiles, sources and the code that implements it.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckTable, renderTable } from '../check/table.js';
import { specVersion } from '../cite/version.js';
import { INVARIANTS } from '../invariants/invariants.js';
import { parseLock } from '../lock/lock.js';
import { PROFILES, REFERENCE_PROFILE } from '../profiles/catalogue.js';
import type { ProfileParams } from '../profiles/params.js';
import { allRules } from '../rules/catalogue.js';
import { TRANSITION_LABELS } from '../rules/labels.js';
import type { RuleGroup } from '../rules/rule.js';
import { findSource } from '../sources/catalogue.js';
import { codeSites } from './code-sites.js';
import { paramDocs } from './param-docs.js';

const GROUPS: readonly [RuleGroup, string, string][] = [
  ['state', 'The state-update primitive and wakes', '[PZ-v2] 5/5 umcg_update_state()'],
  ['list', 'The runnable list', '[PZ-v2] 5/5 umcg_enqueue_runnable()'],
  ['pin', 'Page pinning', '[PZ-v2] 5/5 umcg_pin_pages()'],
  ['ctl.register', '`umcg_ctl`: decoding and register', '[PZ-v2] 5/5 sys_umcg_ctl(), R0a, R0b'],
  ['ctl.unregister', '`umcg_ctl`: unregister', '[PZ-v2] 5/5 sys_umcg_ctl(), R17, R18'],
  ['wait', '`umcg_wait`', '[PZ-v2] 5/5 sys_umcg_wait() and umcg_wake_next(), R7, R8, R13-R15'],
  ['kick', '`umcg_kick`', '[PZ-v2] 5/5 sys_umcg_kick()'],
  ['hook.enter', 'Hook: syscall and exception entry', '[PZ-v2] 5/5 umcg_sys_enter(), R1'],
  ['hook.block', 'Hook: pre-schedule (block detection)', '[PZ-v2] 5/5 umcg_wq_worker_sleeping(), R2, R4'],
  ['hook.exit', 'Hook: syscall and exception exit (unblock)', '[PZ-v2] 5/5 umcg_sys_exit(), R3, R5'],
  ['hook.resume', 'Hook: return to user (notify_resume)', '[PZ-v2] 5/5 umcg_notify_resume(), R9-R12'],
  ['sleep', 'Waiting for RUNNING', 'R6'],
  ['signal', 'Signals', '[PZ-0121a], [PZ-sig2], [PZ-sig3]'],
  ['task', 'Exit, fork, exec', '[PZ-v2] 5/5'],
];

/** Turns citation keys into links to SOURCES.md, `SPEC.md#x` into in-page links, and R/W labels into anchors. */
export function linkRefs(text: string): string {
  const labels = new Set(TRANSITION_LABELS.map((l) => l.label));
  return text
    .replace(/\[([A-Za-z0-9][A-Za-z0-9.-]*)\]/g, (m, key: string) =>
      findSource(key) ? `[[${key}]](SOURCES.md#${key})` : m,
    )
    .replace(/SPEC\.md#([A-Za-z0-9.-]+)/g, '[$1](#$1)')
    .replace(/\b([RW]\d+[a-z]?)\b/g, (m, l: string) => (labels.has(l) ? `[${l}](#${l})` : m));
}

const fmt = (v: unknown): string => (typeof v === 'object' ? JSON.stringify(v).replace(/"/g, '') : String(v));
/** Escapes a table cell (a `|` would end it). */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

function labelSection(): string[] {
  const out = [
    '## Transition labels',
    '',
    'Short names for the steps (R) and races (W) of the reference protocol, used in comments, traces and titles.',
    '',
    '| label | what it names | rules |',
    '| --- | --- | --- |',
  ];
  for (const l of TRANSITION_LABELS)
    out.push(
      `| <a id="${l.label}"></a>${l.label} | ${l.summary} | ${l.rules.map((r) => `[\`${r}\`](#${r})`).join(', ')} |`,
    );
  out.push('');
  return out;
}

function retiredSection(specRoot: string): string[] {
  const lockFile = join(specRoot, 'rules.lock');
  const retired = existsSync(lockFile)
    ? parseLock(readFileSync(lockFile, 'utf8')).filter((e) => e.status === 'retired')
    : [];
  const out = ['## Retired ids', ''];
  if (retired.length === 0)
    return [...out, 'None yet: every id ever published is in use (`spec/rules.lock`).', ''];
  out.push(
    'Ids that are no longer in use. They are never reused; a citation of one still resolves here.',
    '',
  );
  for (const e of retired)
    out.push(
      `- <a id="${e.kind === 'param' ? `param.${e.id}` : e.id}"></a>${e.kind} \`${e.id}\` — ${e.title}: ${e.reason ?? ''}`,
    );
  out.push('');
  return out;
}

function profileSection(specRoot: string): string[] {
  const ids = Object.keys(PROFILES) as (keyof typeof PROFILES)[];
  const out = [
    '## Profiles',
    '',
    `The reference profile is \`${REFERENCE_PROFILE}\`. Every other profile is declared as its differences from a base.`,
    '',
  ];
  out.push('| profile | title | base | sources |', '| --- | --- | --- | --- |');
  for (const id of ids) {
    const p = PROFILES[id];
    out.push(
      `| \`${id}\` | ${p.title} | ${p.base ? `\`${p.base}\`` : '—'} | ${linkRefs(p.sources.join(' '))} |`,
    );
  }
  out.push(
    '',
    '### Parameters',
    '',
    'Each implementation-defined point (where the posted versions differ) is a parameter; the cell says its value in each profile, **bold** where the profile differs from its base.',
    '',
  );
  out.push(
    `| parameter | meaning | ${ids.map((i) => `\`${i}\``).join(' | ')} |`,
    `| --- | --- | ${ids.map(() => '---').join(' | ')} |`,
  );
  const docs = paramDocs(specRoot);
  for (const key of Object.keys(PROFILES[REFERENCE_PROFILE].params) as (keyof ProfileParams)[]) {
    const cells = ids.map((id) => {
      const v = fmt(PROFILES[id].params[key]);
      return PROFILES[id].differences[key] ? `**${v}**` : v;
    });
    out.push(
      `| <a id="param.${key}"></a>\`${key}\` | ${cell(linkRefs(docs.get(key) ?? ''))} | ${cells.map(cell).join(' | ')} |`,
    );
  }
  out.push('', '### Why the profiles differ', '');
  for (const id of ids) {
    const diffs = Object.entries(PROFILES[id].differences);
    if (diffs.length === 0) continue;
    out.push(`- \`${id}\`: ${diffs.map(([k, why]) => `\`${k}\` (${linkRefs(why)})`).join('; ')}.`);
  }
  return out;
}

/** The whole SPEC.md text. `specRoot` is the `spec/` directory. */
export function renderSpecMarkdown(specRoot: string): string {
  const rules = allRules();
  const sites = codeSites(
    specRoot,
    rules.map((r) => r.id),
  );
  const out: string[] = [
    '<!-- Generated by `pnpm spec:render` from spec/src; do not edit by hand. CI fails when it is stale. -->',
    '# UMCG reference specification: rule catalogue',
    '',
    'Every behaviour of the UMCG ABI the spec knows is a rule with a stable id. Cite a rule as',
    '`spec/SPEC.md#<rule-id>` (for example [`wait.next.not-runnable`](#wait.next.not-runnable)); ids are never renumbered',
    'or reused (`spec/rules.lock`). Sources are citation keys listed in [SOURCES.md](SOURCES.md); "Code" points at the micro-steps that implement the rule',
    '(`spec/src/kernel/`). How a trace executes is in [EXECUTION-MODEL.md](EXECUTION-MODEL.md).',
    '',
    `Spec version ${specVersion()} (\`spec/package.json\`; changes are listed in the changelog by rule id). ${rules.length} rules, ${Object.keys(PROFILES).length} profiles.`,
    '',
    ...profileSection(specRoot),
    '',
  ];
  for (const [group, title, source] of GROUPS) {
    const inGroup = rules.filter((r) => r.group === group);
    if (inGroup.length === 0) continue;
    out.push(`## ${title}`, '', `_${linkRefs(source)}_`, '');
    for (const r of inGroup) {
      out.push(`### <a id="${r.id}"></a>\`${r.id}\` — ${r.title}`, '', r.statement, '');
      out.push(
        `- Holds in: ${r.profiles === 'all' ? 'all profiles' : r.profiles.map((p) => `\`${p}\``).join(', ')}`,
      );
      out.push(`- Sources: ${linkRefs(r.sources.join(', '))}`);
      const code = sites.get(r.id) ?? [];
      out.push(
        `- Code: ${code.length ? code.map((c) => `[${c}](${c.replace(/^spec\//, '').replace(/:(\d+)$/, '#L$1')})`).join(', ') : '—'}`,
      );
      if (r.status === 'retired') out.push('- Status: retired');
      out.push('');
    }
  }
  out.push(...labelSection(), ...retiredSection(specRoot));
  out.push(
    '## Invariants',
    '',
    'Checked by property tests over random action sequences (`spec/test/invariants.test.ts`).',
    '',
  );
  for (const inv of INVARIANTS) out.push(`- \`${inv.name}\`: ${inv.statement}`);
  out.push(
    '- `on-at-most-one-list`: while user space follows the protocol, a worker is on at most one runnable list, at most once.',
    '',
  );
  const table = join(specRoot, 'check-table.json');
  if (existsSync(table)) out.push('', ...renderTable(JSON.parse(readFileSync(table, 'utf8')) as CheckTable));
  return out.join('\n');
}
