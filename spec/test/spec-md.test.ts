import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/index.js';
import { renderSpecMarkdown } from '../src/render/index.js';

const root = join(import.meta.dirname, '..');

describe('spec/SPEC.md', () => {
  it('is current (run `pnpm spec:render` and commit it)', () => {
    expect(readFileSync(join(root, 'SPEC.md'), 'utf8')).toBe(renderSpecMarkdown(root));
  });

  it('has one anchor per rule, each with a source and a code site', () => {
    const md = renderSpecMarkdown(root);
    for (const r of allRules()) {
      expect(md).toContain(`<a id="${r.id}"></a>`);
      const section = md.slice(md.indexOf(`<a id="${r.id}"></a>`)).split('\n### ')[0]!;
      expect(section, r.id).toMatch(/- Sources: \[/);
      expect(section, r.id).not.toContain('- Code: —');
    }
  });
});
