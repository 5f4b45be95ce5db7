import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/report/progress.js';

describe('progress', () => {
  it('prints a line with stage, count, rate, failures and ETA every few seconds when not a terminal', async () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
    let text = '';
    stream.on('data', (d: Buffer) => {
      text += d.toString();
    });
    const p = createProgress({ stream, lineEveryMs: 30 });
    p.tick(0, 200, 'generated', 0);
    await new Promise((r) => setTimeout(r, 60));
    p.tick(50, 200, 'generated', 2);
    await new Promise((r) => setTimeout(r, 80));
    p.stop();
    const lines = text.split('\n').filter((l) => l.includes('50/200'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^generated \[[=-]+\] 50\/200 \| [\d.]+\/s \| failures 2 \| ETA \S+/);
    expect(text).not.toContain('\u001b');
  });

  it('does nothing when disabled', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
    const p = createProgress({ stream, enabled: false });
    p.tick(1, 2, 'corpus');
    p.stop();
    expect(stream.read()).toBeNull();
  });
});
