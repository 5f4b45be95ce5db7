import { describe, expect, it } from 'vitest';
import { defaultTarget, loadAdapter, TARGETS, TargetUnavailable } from '../../src/targets/registry.js';

describe('the target registry', () => {
  it('knows spec, sim, native and qemu', () => {
    expect(Object.keys(TARGETS)).toEqual(['spec', 'sim', 'native', 'qemu']);
  });

  it('loads the in-package spec adapter', async () => {
    expect((await loadAdapter('spec')).name).toBe('spec');
  });

  it('rejects an unknown name with the list of targets', async () => {
    await expect(loadAdapter('nope')).rejects.toThrow(TargetUnavailable);
    await expect(loadAdapter('nope')).rejects.toThrow(
      "unknown target 'nope'; expected one of: spec, sim, native, qemu",
    );
  });

  it('defaults to sim when the simulator provides its adapter, else to spec with a note', async () => {
    const d = await defaultTarget();
    expect(['sim', 'spec']).toContain(d.name);
    if (d.name === 'spec') expect(d.note).toMatch(/default target is spec/);
    else expect(d.adapter.name).toBe('sim');
  });
});
