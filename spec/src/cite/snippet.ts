/**
 * A ready-to-paste citation of one rule for a review: id, title, statement, profiles, sources with links and a
 * permalink at the current spec version, as Markdown, plain text, or LKML plain text wrapped at 72 columns.
 * @module
 */
import type { Rule } from '../rules/catalogue.js';
import { findSource, messageLink, sourceLink } from '../sources/catalogue.js';
import { rulePermalink, specVersion } from './version.js';
import { wrapText } from './wrap.js';

/** Output formats of `pnpm spec cite`. */
export const CITE_FORMATS = ['markdown', 'text', 'lkml'] as const;
/** One output format. */
export type CiteFormat = (typeof CITE_FORMATS)[number];

/** The width of the `lkml` form (the usual limit for mail bodies on kernel lists). */
export const LKML_WIDTH = 72;

/** A cited source: the reference as the rule writes it and the public link it resolves to. */
export interface CitedSource {
  /** The reference, e.g. `[PZ-v2] 5/5 umcg_wake_next()`. */
  readonly ref: string;
  /** The archive or repository link ('' when the key has none). */
  readonly link: string;
}

/** Resolves a rule's source references to links; a `N/M` part links to that patch's own message when known. */
export function citedSources(rule: Rule): CitedSource[] {
  return rule.sources.map((ref) => {
    const m = /^\[([^\]]+)\](?:@([0-9a-f]+))?\s*(\d+\/\d+)?/.exec(ref);
    const s = m ? findSource(m[1]!) : undefined;
    if (!s) return { ref, link: '' };
    const part = m?.[3] ? s.parts?.find((p) => p.label.startsWith(`${m[3]},`) && p.id) : undefined;
    if (part?.id) return { ref, link: messageLink(part.id) };
    const commit = m?.[2] ? s.commits?.find((c) => c.sha.startsWith(m[2]!)) : undefined;
    if (commit && s.repository) return { ref, link: `https://github.com/${s.repository}/tree/${commit.sha}` };
    return { ref, link: sourceLink(s) };
  });
}

const profilesOf = (r: Rule): string => (r.profiles === 'all' ? 'all profiles' : r.profiles.join(', '));

/** The snippet text of `rule` in `format`. */
export function citeRule(rule: Rule, format: CiteFormat): string {
  const version = specVersion();
  const link = rulePermalink(rule.id);
  const sources = citedSources(rule);
  const note = link.absolute ? '' : ' (relative: no repository URL is set in spec/package.json)';
  const retired = rule.status === 'retired' ? ' (retired)' : '';
  if (format === 'markdown') {
    return [
      `**UMCG spec ${version}, [\`${rule.id}\`](${link.url})${retired}: ${rule.title}**`,
      '',
      `> ${rule.statement}`,
      '',
      `- Holds in: ${profilesOf(rule)}`,
      `- Sources: ${sources.map((s) => (s.link ? `[${s.ref}](${s.link})` : s.ref)).join(', ')}`,
      `- Permalink: ${link.url}${note}`,
      '',
    ].join('\n');
  }
  const width = format === 'lkml' ? LKML_WIDTH : 100;
  const lines = [
    ...wrapText(`UMCG spec ${version}, rule ${rule.id}${retired}: ${rule.title}`, width),
    '',
    ...wrapText(rule.statement, width, '  '),
    '',
    ...wrapText(`Holds in: ${profilesOf(rule)}`, width),
    'Sources:',
  ];
  for (const s of sources) {
    lines.push(...wrapText(s.ref, width, '  '));
    if (s.link) lines.push(`    ${s.link}`);
  }
  lines.push(...wrapText(`Rule: ${link.url}${note}`, width));
  return `${lines.join('\n')}\n`;
}
