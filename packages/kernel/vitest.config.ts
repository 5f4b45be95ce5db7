import { defineConfig } from 'vitest/config';

/** This package's tests (`pnpm test` runs every package's through turbo). */
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
