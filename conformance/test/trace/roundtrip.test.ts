import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { traceHash } from '../../src/trace/hash.js';
import { traceFromJson, traceToJson } from '../../src/trace/json.js';
import { parseTrace } from '../../src/trace/parse.js';
import { printTrace } from '../../src/trace/print.js';
import type { Trace } from '../../src/trace/types.js';
import { traceArb } from './arbitraries.js';

const withoutLines = (t: Trace): Trace => ({
  header: t.header,
  steps: t.steps.map(({ line: _l, ...s }) => s),
});

describe('trace round trips', () => {
  test.prop([traceArb], { numRuns: 300 })('parse(print(t)) = t for the text form', (t) => {
    expect(withoutLines(parseTrace(printTrace(t), 'x.trace'))).toEqual(t);
  });

  test.prop([traceArb], { numRuns: 300 })('traceFromJson(traceToJson(t)) = t', (t) => {
    expect(traceFromJson(traceToJson(t), 'x.json')).toEqual(t);
  });

  test.prop([traceArb], { numRuns: 100 })('print is a fixpoint after one parse', (t) => {
    const once = printTrace(parseTrace(printTrace(t)));
    expect(printTrace(parseTrace(once))).toBe(once);
  });

  test.prop([traceArb], { numRuns: 100 })('the hash survives both forms and ignores the name', (t) => {
    const h = traceHash(t);
    expect(h).toMatch(/^[0-9a-f]{12}$/);
    expect(traceHash(parseTrace(printTrace(t)))).toBe(h);
    expect(traceHash(traceFromJson(traceToJson(t)))).toBe(h);
    expect(traceHash({ ...t, header: { ...t.header, name: `${t.header.name}-renamed` } })).toBe(h);
  });
});
