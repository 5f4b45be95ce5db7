import { describe, expect, test } from 'vitest';
import { huntLitmus } from '../../src/generate/huntLitmus.js';
import { engineTarget } from './fixtures/engineTarget.js';
import { toyEngine } from './fixtures/toyEngine.js';

const toy = { engine: toyEngine, programs: 30, runsPerProgram: 10, seed: 3 };

describe('huntLitmus (toy engine)', () => {
  test('a conforming target shows no forbidden outcome', async () => {
    const r = await huntLitmus(engineTarget(toyEngine, { random: true }), toy);
    expect(r.failure).toBeUndefined();
    expect(r.programs).toBe(30);
    expect(r.errors).toEqual([]);
  });

  test('a target with a forbidden final outcome is caught and the program shrunk', async () => {
    const broken = engineTarget(toyEngine, { random: true });
    const runLitmus = broken.runLitmus.bind(broken);
    broken.runLitmus = async (p, o) => {
      const r = await runLitmus(p, o);
      const [first] = Object.keys(r.observation.tasks);
      if (first === undefined || o.seed % 2 !== 0) return r;
      const t = r.observation.tasks[first]!;
      return {
        ...r,
        observation: { ...r.observation, tasks: { ...r.observation.tasks, [first]: { ...t, signals: 99 } } },
      };
    };
    const r = await huntLitmus(broken, toy);
    expect(r.failure).toBeDefined();
    expect(r.failure?.histogram.verdict).toBe('fail');
    expect(r.failure?.histogram.rows.some((row) => !row.allowed && row.count > 0)).toBe(true);
    expect(r.failure?.test.program.prologue.length).toBeLessThanOrEqual(2);
  });
});
