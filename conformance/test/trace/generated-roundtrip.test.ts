import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { traceArbitrary } from '../../src/generate/index.js';
import { traceHash } from '../../src/trace/hash.js';
import { traceFromJson, traceToJson } from '../../src/trace/json.js';
import { parseTrace } from '../../src/trace/parse.js';
import { printTrace } from '../../src/trace/print.js';
import type { Trace } from '../../src/trace/types.js';

const noLines = (t: Trace): Trace => ({ header: t.header, steps: t.steps.map(({ line: _l, ...s }) => s) });

describe('round trips on model-guided generated traces (src/generate)', () => {
  for (const profile of ['pz-v2', 'pz-proto', 'pz-v2-followups'] as const) {
    test.prop([traceArbitrary({ profile })], { numRuns: 60 })(
      `${profile}: text and JSON forms are exact inverses`,
      (t) => {
        expect(noLines(parseTrace(printTrace(t), 'g.trace'))).toEqual(t);
        expect(traceFromJson(traceToJson(t), 'g.json')).toEqual(t);
        expect(traceHash(parseTrace(printTrace(t)))).toBe(traceHash(t));
      },
    );
  }
});
