/**
 * The JUnit XML reporter (`junit.xml`), for CI systems: one testcase per result, classname = origin.
 * @module
 */
import type { RunReport } from '../run/types.js';
import { countByStatus } from './counts.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The JUnit document. */
export function renderJunit(report: RunReport): string {
  const c = countByStatus(report.results);
  const failures = c.FAIL + c.XPASS + c.UNKNOWN;
  const errors = c.ERROR + c.TIMEOUT;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="umcg-conformance" tests="${report.results.length}" failures="${failures}" errors="${errors}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${esc(report.provenance.target.name)}:${report.provenance.profile}" tests="${report.results.length}" failures="${failures}" errors="${errors}" skipped="${c.SKIP + c.XFAIL}">`,
  ];
  for (const r of report.results) {
    const open = `    <testcase classname="${r.origin}" name="${esc(`${r.name} [${r.hash}]`)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
    const body = r.report ?? r.reason ?? '';
    if (r.status === 'PASS') out.push(`${open}/>`);
    else if (r.status === 'SKIP' || r.status === 'XFAIL')
      out.push(`${open}><skipped message="${esc(`${r.status}: ${r.reason ?? ''}`)}"/></testcase>`);
    else if (r.status === 'ERROR' || r.status === 'TIMEOUT')
      out.push(`${open}><error message="${esc(r.status)}">${esc(body)}</error></testcase>`);
    else
      out.push(
        `${open}><failure message="${esc(`${r.status}: ${r.reason ?? ''}`)}">${esc(body)}</failure></testcase>`,
      );
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}
