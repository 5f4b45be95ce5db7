import { describe, expect, it } from 'vitest';
import { Cpu } from '../src/internal/cpu.js';
import { Rng } from '../src/internal/rng.js';
import { DEFAULT_KNOBS, renderKnobs } from '../src/internal/run/knobs.js';
import { PctRound } from '../src/internal/run/pct.js';
import { Task } from '../src/internal/task.js';

const tasks = (n: number): Task[] =>
  Array.from({ length: n }, (_, i) => new Task(`t${i}`, 100 + i, 0x1000 * i, 0));

describe('PCT scheduling rounds', () => {
  it('always runs the highest-priority queued thread, across CPUs, until a change point demotes it', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const [a, b, c] = tasks(3) as [Task, Task, Task];
      const cpus = [new Cpu(0), new Cpu(1)];
      cpus[0]!.rq.push(a, b);
      cpus[1]!.rq.push(c);
      const round = new PctRound(new Rng(seed), 3);
      const first = round.pick(cpus)!;
      const t = first.cpu.rq[first.index]!;
      for (let step = 0; step < 48; step++) {
        const p = round.pick(cpus)!;
        const now = p.cpu.rq[p.index]!;
        round.stepped(step, now);
        // Without a change point the same thread keeps the CPU; after one it never runs before the others again.
        if (now !== t) {
          expect(round.pick(cpus)!.cpu.rq[round.pick(cpus)!.index]).not.toBe(t);
          break;
        }
      }
    }
  });

  it('is deterministic under a seed and draws 0..depth change points', () => {
    const order = (seed: number): string[] => {
      const ts = tasks(4);
      const cpus = [new Cpu(0)];
      cpus[0]!.rq.push(...ts);
      const round = new PctRound(new Rng(seed), 3);
      return Array.from({ length: 48 }, (_, step) => {
        const p = round.pick(cpus)!;
        const t = p.cpu.rq[p.index]!;
        round.stepped(step, t);
        return t.name;
      });
    };
    expect(order(7)).toEqual(order(7));
    const switches = (xs: string[]) => xs.filter((x, i) => i > 0 && x !== xs[i - 1]).length;
    const counts = new Set(Array.from({ length: 200 }, (_, s) => switches(order(s))));
    expect([...counts].every((n) => n <= 3)).toBe(true);
    expect(counts.size).toBeGreaterThanOrEqual(3);
  });

  it('is on by default for half of the settle rounds and shows in the build knobs', () => {
    expect(DEFAULT_KNOBS.pctPer256).toBe(128);
    expect(renderKnobs(DEFAULT_KNOBS)).toContain('pct=128,depth=3');
  });
});
