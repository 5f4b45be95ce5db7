import { defineConfig } from 'vitest/config';

/** Guest tests: boot the reference kernel in QEMU (TCG) with the static executor (`pnpm test:guest`). */
export default defineConfig({
  test: { include: ['test/guest/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 400_000 },
});
