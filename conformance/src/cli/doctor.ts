/**
 * `pnpm conformance doctor [--target X]`: for each target, what it needs (its probe), whether it is there, and,
 * when it opens, its build and the features it offers or lacks.
 * @module
 */
import { REFERENCE_PROFILE } from '@umcg/spec';
import { BUILTIN_TARGETS, loadAdapter } from '../adapters/registry.js';
import { FEATURE_NAMES } from '../trace/features.js';

/** The doctor report and its exit code (0 when every named target is usable, 4 otherwise). */
export async function doctor(names: readonly string[]): Promise<{ text: string; code: number }> {
  const lines: string[] = [];
  let ok = true;
  for (const name of names.length > 0 ? names : Object.keys(BUILTIN_TARGETS)) {
    lines.push(`${name}: ${BUILTIN_TARGETS[name]?.description ?? 'a module given by package or path'}`);
    try {
      const adapter = await loadAdapter(name);
      const probe = await adapter.probe();
      lines.push(`  ${probe.ok ? 'OK' : 'UNSUPPORTED'}: ${probe.reason}`);
      for (const d of probe.details) lines.push(`    ${d}`);
      if (!probe.ok) {
        ok = false;
        continue;
      }
      const target = await adapter.open({ profile: REFERENCE_PROFILE, timeoutMs: 10_000, seed: 0, args: {} });
      try {
        lines.push(
          `  version ${target.info.version}; build ${
            Object.entries(target.info.build)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ') || '-'
          }`,
        );
        lines.push(`  profiles: ${target.capabilities.profiles.join(', ')}`);
        const missing = FEATURE_NAMES.filter((f) => !target.capabilities.features.has(f));
        lines.push(`  features: ${[...target.capabilities.features].join(', ') || 'none'}`);
        if (missing.length > 0)
          lines.push(`  lacks (traces requiring these are skipped): ${missing.join(', ')}`);
      } finally {
        await target.close();
      }
    } catch (e) {
      ok = false;
      lines.push(`  UNAVAILABLE: ${(e as Error).message}`);
    }
  }
  return { text: lines.join('\n'), code: ok ? 0 : 4 };
}
