import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SYSCALLS,
  NATIVE_FEATURES,
  native,
  profileFromArgs,
  syscallsFromArgs,
} from '../src/index.js';

describe('native adapter options', () => {
  it('defaults to the reference kernel numbers and profile', () => {
    expect(DEFAULT_SYSCALLS).toEqual({ ctl: 451, wait: 452, kick: 453 });
    expect(syscallsFromArgs({})).toEqual(DEFAULT_SYSCALLS);
    expect(profileFromArgs({})).toBe('ref-6.1');
  });

  it('takes numbers and a profile from --target-args', () => {
    expect(syscallsFromArgs({ ctl: '450', wait: '451', kick: '452' })).toEqual({
      ctl: 450,
      wait: 451,
      kick: 452,
    });
    expect(() => syscallsFromArgs({ ctl: 'x' })).toThrow(/not a syscall number/);
    expect(profileFromArgs({ profile: 'pz-v2' })).toBe('pz-v2');
    expect(() => profileFromArgs({ profile: 'nope' })).toThrow();
  });

  it('offers only what the executor implements', () => {
    expect(native.name).toBe('native');
    expect(NATIVE_FEATURES).not.toContain('blocking-faults');
    expect(NATIVE_FEATURES).not.toContain('controlled-interleaving');
    expect(NATIVE_FEATURES).toContain('kill');
  });
});
