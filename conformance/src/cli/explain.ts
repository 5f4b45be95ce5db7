/**
 * `pnpm conformance explain <rule>`: the rule's statement, group, profiles, sources and catalogue anchor, and
 * the corpus traces that cite it; close matches when the id is unknown.
 * @module
 */
import { allRules, findRule } from '@umcg/spec';
import { RULE_URL_BASE } from '../report/failure.js';

/** Word-wraps a paragraph. */
export function wrap(text: string, width = 100, indent = '  '): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + w.length > width - indent.length) {
      out.push(indent + line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') out.push(indent + line);
  return out;
}

/** The explanation text of a rule and the exit code (1 when unknown). */
export function explainRule(id: string, citedBy: readonly string[] = []): { text: string; code: number } {
  const rule = findRule(id);
  if (rule === undefined) {
    const near = allRules()
      .map((r) => r.id)
      .filter((r) => r.includes(id) || id.split('.').some((part) => part.length > 2 && r.includes(part)))
      .slice(0, 12);
    const hint =
      near.length > 0
        ? `\nDid you mean: ${near.join(', ')}`
        : `\nKnown groups: ${[...new Set(allRules().map((r) => r.group))].join(', ')}`;
    return { text: `unknown rule '${id}'.${hint}`, code: 1 };
  }
  const lines = [
    `${rule.id}  [${rule.group}]${rule.status === 'retired' ? '  (retired)' : ''}`,
    `  ${rule.title}`,
    '',
    ...wrap(rule.statement),
    '',
    `  Profiles: ${rule.profiles === 'all' ? 'all' : rule.profiles.join(', ')}`,
    `  Sources:  ${rule.sources.join(', ')} (see spec/SOURCES.md)`,
    `  Anchor:   ${RULE_URL_BASE}${rule.id}`,
  ];
  if (citedBy.length > 0) lines.push(`  Corpus:   ${citedBy.join(', ')}`);
  return { text: lines.join('\n'), code: 0 };
}
