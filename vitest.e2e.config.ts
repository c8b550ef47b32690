/**
 * Browser end-to-end tests (e2e/*.e2e.test.ts): Debian's Chromium driven by playwright-core against
 * the server as `npm start` runs it. scripts/test.sh builds the web app first.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
