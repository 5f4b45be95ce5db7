import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, PROFILES } from '../src/index.js';
import { renderSourcesMarkdown } from '../src/render/sources-md.js';
import { renderSpecMarkdown } from '../src/render/spec-md.js';
import { allSources, findSource, sourceLink } from '../src/sources/catalogue.js';
import { repoRoot, trackedTextFiles } from './repo-files.js';

const specRoot = join(repoRoot, 'spec');

/** A bracketed token that is a citation key by its shape: the PZ-/O- families or a capitalised name. */
const KEY_LIKE = /\[((?:PZ|O)-[A-Za-z0-9.]+|gatieme|trueptolemy|nanos|0day|[A-Z][a-z]+[A-Z]?[a-z]*)\]/g;
/** Bracketed words that are not citations (code, prose). */
const NOT_KEYS = new Set(['Symbol', 'Unreleased', 'Note', 'Object']);

describe('spec/SOURCES.md', () => {
  it('is current (run `pnpm spec:render` and commit it)', () => {
    expect(readFileSync(join(specRoot, 'SOURCES.md'), 'utf8')).toBe(renderSourcesMarkdown());
  });

  it('gives every source an author, a date and a public link; code snapshots a repository and a commit', () => {
    for (const s of allSources()) {
      expect(s.author, s.key).not.toBe('');
      expect(s.date, s.key).toMatch(/^(~?\d{4}-\d{2}-\d{2}|—)$/);
      expect(sourceLink(s), s.key).toMatch(/^https:\/\//);
      if (s.kind === 'code') expect(s.commits?.[0]?.sha, s.key).toMatch(/^[0-9a-f]{40}$/);
      if (s.kind === 'mail' && !s.url) expect(s.messageId, s.key).toMatch(/^[^<>\s]+@[^<>\s]+$/);
    }
  });

  it('resolves every source of every rule and profile', () => {
    const refs = [
      ...allRules().flatMap((r) => r.sources.map((s) => [r.id, s] as const)),
      ...Object.values(PROFILES).flatMap((p) => [
        ...p.sources.map((s) => [p.id, s] as const),
        ...Object.values(p.differences).map((s) => [p.id, s as string] as const),
      ]),
    ];
    for (const [owner, ref] of refs) {
      for (const m of ref.matchAll(/\[([^\]]+)\]/g))
        expect(findSource(m[1]!), `${owner}: ${ref}`).toBeDefined();
    }
    for (const r of allRules()) expect(r.sources[0], r.id).toMatch(/^\[[^\]]+\]/);
  });

  it('resolves every citation key in every tracked file (corpus headers, comments, docs)', () => {
    const missing: string[] = [];
    for (const { path, text } of trackedTextFiles()) {
      text.split('\n').forEach((line, n) => {
        for (const m of line.matchAll(KEY_LIKE)) {
          if (NOT_KEYS.has(m[1]!) || findSource(m[1]!)) continue;
          missing.push(`${path}:${n + 1}: [${m[1]}]`);
        }
      });
    }
    expect(missing).toEqual([]);
  });

  it('resolves every corpus `# sources:` key, whatever its shape', () => {
    const missing: string[] = [];
    for (const { path, text } of trackedTextFiles()) {
      if (!/\.(trace|litmus)$/.test(path)) continue;
      for (const line of text.split('\n').filter((l) => l.startsWith('# sources:')))
        for (const m of line.matchAll(/\[([^\]]+)\]/g))
          if (!findSource(m[1]!)) missing.push(`${path}: [${m[1]}]`);
    }
    expect(missing).toEqual([]);
  });

  it('resolves every reference to a SPEC.md anchor written anywhere in the repository', () => {
    const md = renderSpecMarkdown(specRoot);
    const anchors = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!));
    for (const h of md.matchAll(/^#+ (.+)$/gm))
      anchors.add(
        h[1]!
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      );
    const broken: string[] = [];
    for (const { path, text } of trackedTextFiles())
      for (const m of text.matchAll(/SPEC\.md#([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])/g))
        if (!anchors.has(m[1]!) && !m[1]!.startsWith('<')) broken.push(`${path}: SPEC.md#${m[1]}`);
    expect(broken).toEqual([]);
  });

  it('links every key in SPEC.md to its SOURCES.md entry', () => {
    const md = renderSpecMarkdown(specRoot);
    const sourcesMd = renderSourcesMarkdown();
    for (const m of md.matchAll(/\]\(SOURCES\.md#([^)]+)\)/g))
      expect(sourcesMd).toContain(`<a id="${m[1]}"></a>`);
    const sourcesLines = md.split('\n').filter((l) => l.startsWith('- Sources: '));
    for (const l of sourcesLines)
      expect(l.replace(/\[\[[^\]]+\]\]\(SOURCES\.md#[^)]+\)/g, '')).not.toMatch(/\[[A-Z]/);
  });
});
