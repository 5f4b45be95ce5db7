import { defineConfig } from 'vitest/config';

/** This package's host tests (`pnpm test`); the guest tests run with `pnpm test:guest` (vitest.guest.config.ts). */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/guest/**', '**/node_modules/**'],
    testTimeout: 60_000,
  },
});
