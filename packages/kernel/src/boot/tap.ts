/** One `ok` / `not ok` line of a TAP stream. */
export interface TapResult {
  /** Nesting depth: 0 for top-level lines, +1 per leading `# ` (kselftest style) or 4 spaces of indentation. */
  depth: number;
  ok: boolean;
  id: number;
  name: string;
  /** `SKIP` or `TODO` directive, if any. */
  directive?: 'SKIP' | 'TODO';
  /** Text after the directive keyword. */
  reason?: string;
}

/** A parsed TAP (TAP 13 / KTAP) stream, possibly with kselftest-style nested subtests. */
export interface TapReport {
  /** The top-level plan (`1..N`), if seen. */
  plan?: number;
  /** Every result line, all depths, in order. */
  results: TapResult[];
  /** Top-level results only (depth 0). */
  top: TapResult[];
  /** Counts over the innermost results (subtests) plus top-level results that have no subtests. */
  counts: { pass: number; fail: number; skip: number; total: number };
  /** True when the top level has a plan, all planned results, and no failure at any depth (skips allowed). */
  passed: boolean;
  /** Human-readable problems (missing plan, count mismatch, failures). */
  problems: string[];
}

const RESULT = /^(not ok|ok)\b\s*(\d+)?\s*(?:-\s*)?([^#]*?)\s*(?:#\s*(.*))?$/i;
const DIRECTIVE = /^(SKIP|TODO)\b\s*(.*)$/i;
const PLAN = /^1\.\.(\d+)\b/;

function splitDepth(line: string): { depth: number; body: string } {
  let depth = 0;
  let body = line.replace(/\r$/, '');
  for (;;) {
    if (
      body.startsWith('# ') &&
      (RESULT.test(body.slice(2)) ||
        PLAN.test(body.slice(2)) ||
        body.slice(2).startsWith('# ') ||
        body.slice(2).startsWith('TAP version'))
    ) {
      body = body.slice(2);
      depth++;
    } else if (body.startsWith('    ')) {
      body = body.slice(4);
      depth++;
    } else {
      return { depth, body };
    }
  }
}

/** Parse TAP text (top-level plan first or last; nested `# `-prefixed subtests as kselftest prints them). */
export function parseTap(text: string): TapReport {
  const results: TapResult[] = [];
  let plan: number | undefined;
  for (const raw of text.split('\n')) {
    const { depth, body } = splitDepth(raw);
    if (depth === 0 && plan === undefined) {
      const p = PLAN.exec(body);
      if (p?.[1]) {
        plan = Number(p[1]);
        continue;
      }
    }
    const m = RESULT.exec(body);
    if (!m) continue;
    const r: TapResult = {
      depth,
      ok: m[1]?.toLowerCase() === 'ok',
      id: Number(m[2] ?? 0),
      name: (m[3] ?? '').trim(),
    };
    const d = DIRECTIVE.exec(m[4] ?? '');
    if (d) {
      r.directive = (d[1] ?? '').toUpperCase() as 'SKIP' | 'TODO';
      if (d[2]) r.reason = d[2].trim();
    }
    results.push(r);
  }
  const top = results.filter((r) => r.depth === 0);
  const counts = { pass: 0, fail: 0, skip: 0, total: 0 };
  results.forEach((r, i) => {
    // A result is a leaf unless it closes a group of deeper results right before it.
    const prev = results[i - 1];
    if (prev !== undefined && prev.depth > r.depth) return;
    counts.total++;
    if (r.directive === 'SKIP') counts.skip++;
    else if (r.ok || r.directive === 'TODO') counts.pass++;
    else counts.fail++;
  });
  const problems: string[] = [];
  if (plan === undefined) problems.push('no top-level plan');
  else if (top.length !== plan) problems.push(`planned ${plan} top-level results, saw ${top.length}`);
  for (const r of results) if (!r.ok && r.directive !== 'TODO') problems.push(`not ok ${r.id} ${r.name}`);
  return {
    ...(plan === undefined ? {} : { plan }),
    results,
    top,
    counts,
    passed: problems.length === 0,
    problems,
  };
}
