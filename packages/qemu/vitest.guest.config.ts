import { defineConfig } from 'vitest/config';

/**
 * Guest tests (`pnpm test:guest`): boot the reference kernel in QEMU (TCG). One file at a time: the machine has two
 * cores and each guest wants two vCPUs.
 */
export default defineConfig({
  test: {
    include: ['test/guest/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
