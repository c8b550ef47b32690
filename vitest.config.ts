import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.{ts,tsx}', 'fuzz/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
