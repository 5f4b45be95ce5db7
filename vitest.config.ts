import { defineConfig } from 'vitest/config';

/** One vitest project per workspace package (run `pnpm test` for the turbo-orchestrated run). */
export default defineConfig({
  test: { projects: ['spec', 'conformance', 'packages/*'] },
});
