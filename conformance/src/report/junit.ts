/**
 * The JUnit XML reporter (`junit.xml`), for CI systems: one testcase per result, classname = origin. Built with
 * `xmlbuilder2`, which escapes markup and replaces characters XML 1.0 cannot carry (ESC and the other C0 controls
 * in a trace name or report) by a visible `\u001b`-style escape, so the document always parses.
 * @module
 */
import { create } from 'xmlbuilder2';
import type { RunReport } from '../run/types.js';
import { countByStatus } from './counts.js';

/** `\uXXXX` for a character XML cannot carry. */
const visible = (ch: string): string => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/** The JUnit document. */
export function renderJunit(report: RunReport): string {
  const c = countByStatus(report.results);
  const failures = c.FAIL + c.XPASS + c.UNKNOWN;
  const errors = c.ERROR + c.TIMEOUT;
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: visible });
  const suites = doc.ele('testsuites', {
    name: 'umcg-conformance',
    tests: String(report.results.length),
    failures: String(failures),
    errors: String(errors),
    time: (report.durationMs / 1000).toFixed(3),
  });
  const suite = suites.ele('testsuite', {
    name: `${report.provenance.target.name}:${report.provenance.profile}`,
    tests: String(report.results.length),
    failures: String(failures),
    errors: String(errors),
    skipped: String(c.SKIP + c.XFAIL),
  });
  for (const r of report.results) {
    const tc = suite.ele('testcase', {
      classname: r.origin,
      name: `${r.name} [${r.hash}]`,
      time: (r.durationMs / 1000).toFixed(3),
    });
    const body = r.report ?? r.reason ?? '';
    if (r.status === 'PASS') continue;
    if (r.status === 'SKIP' || r.status === 'XFAIL')
      tc.ele('skipped', { message: `${r.status}: ${r.reason ?? ''}` });
    else if (r.status === 'ERROR' || r.status === 'TIMEOUT') tc.ele('error', { message: r.status }).txt(body);
    else tc.ele('failure', { message: `${r.status}: ${r.reason ?? ''}` }).txt(body);
  }
  return `${doc.end({ prettyPrint: true, indent: '  ' })}\n`;
}
