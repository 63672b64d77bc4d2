import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/api/**/*.test.ts'],
    pool: 'forks',
    // Each file opens its own database (~100 MB for PGlite); 2 cores on CI machines.
    maxWorkers: 2,
    // generous: CI machines have 2 cores; speed goals live in `npm run bench`, not in timeouts
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
