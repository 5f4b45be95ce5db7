import { describe, expect, it } from 'vitest';
import { traceFromJson, traceToJson } from '../../src/trace/json.js';
import { parseTrace } from '../../src/trace/parse.js';

const T = parseTrace(
  '# tasks: s0, w0\ns0: store s0.state = RUNNING\ns0: wait timeout=future  # EINVAL\n',
  'x.trace',
);
const J = traceToJson(T);

describe('the JSON form', () => {
  it('is the in-memory trace with a format tag', () => {
    const doc = JSON.parse(J);
    expect(doc.format).toBe('umcg-trace');
    expect(doc.steps[1]).toEqual({
      action: { op: 'wait', task: 's0', flags: 0, timeout: 'future' },
      expect: ['EINVAL'],
    });
  });

  it('reports malformed JSON at its line and column', () => {
    expect(() => traceFromJson('{\n  "format": "umcg-trace",\n  "steps": [}\n', 'bad.json')).toThrow(
      /^bad\.json:3:\d+: expected valid JSON/,
    );
  });

  it('reports a bad step at the line of its action, through the text grammar', () => {
    const bad = J.replace('"timeout": "future"', '"timeout": "soon"');
    expect(() => traceFromJson(bad, 'bad.json')).toThrow(
      /^bad\.json:\d+:\d+: steps\[1\]: expected none, past or future, found 'soon'$/,
    );
    const line =
      bad
        .split('\n')
        .findIndex(
          (l, i, all) =>
            l.includes('"action"') && all.slice(0, i).filter((x) => x.includes('"action"')).length === 1,
        ) + 1;
    expect(() => traceFromJson(bad, 'bad.json')).toThrow(new RegExp(`^bad\\.json:${line}:`));
  });

  it('rejects documents that are not traces', () => {
    expect(() => traceFromJson('[]', 'a.json')).toThrow(
      'a.json:1:1: expected an object with "format": "umcg-trace"',
    );
    expect(() => traceFromJson('{"format":"umcg-trace","header":{},"steps":5}', 'a.json')).toThrow(
      /expected "steps" to be an array/,
    );
  });
});
