import { describe, expect, it } from 'vitest';
import { LineSplitter, parseResponseLine } from '../src/channel/lineSplitter.js';

describe('LineSplitter', () => {
  it('reassembles lines split anywhere, in order', () => {
    const s = new LineSplitter();
    expect(s.push('{"id":"a"')).toEqual([]);
    expect(s.push('}\n{"id":')).toEqual(['{"id":"a"}']);
    expect(s.push('"b"}\n\n{"id":"c"}\n')).toEqual(['{"id":"b"}', '{"id":"c"}']);
    expect(s.rest).toBe('');
  });

  it('strips CR line ends (a tty in cooked mode) and keeps the incomplete tail', () => {
    const s = new LineSplitter();
    expect(s.push('x\r\ny\r\r\nz')).toEqual(['x', 'y']);
    expect(s.rest).toBe('z');
  });

  it('decodes UTF-8 split inside a character', () => {
    const s = new LineSplitter();
    const bytes = new TextEncoder().encode('é\n');
    expect(s.push(bytes.slice(0, 1))).toEqual([]);
    expect(s.push(bytes.slice(1))).toEqual(['é']);
  });

  it('takes one-byte chunks (a UART) of a long line', () => {
    const s = new LineSplitter();
    const line = JSON.stringify({ id: 't1', steps: Array.from({ length: 200 }, (_, i) => ({ i })) });
    const got: string[] = [];
    for (const ch of `${line}\n`) got.push(...s.push(ch));
    expect(got).toEqual([line]);
  });
});

describe('parseResponseLine', () => {
  it('accepts an object with a string id', () => {
    expect(parseResponseLine('{"id":"t1","status":"completed"}')).toEqual({ id: 't1', status: 'completed' });
  });

  it('skips noise before the object (bytes left on a serial line)', () => {
    expect(parseResponseLine('\u0000\u00ff{"id":"probe"}')?.id).toBe('probe');
  });

  it('rejects non-JSON, non-objects and objects without an id', () => {
    expect(parseResponseLine('[    1.0] hello')).toBeUndefined();
    expect(parseResponseLine('{"id":3}')).toBeUndefined();
    expect(parseResponseLine('{"id":"t1"')).toBeUndefined();
  });
});
