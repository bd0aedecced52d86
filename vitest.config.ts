import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // End-to-end tests start hosts and Chromium; two cores do not like many at once.
    maxWorkers: 2,
    // Ceilings, not expectations: beside two CPU burners (npm run test:loaded) and other work on
    // a 2-core machine the suite runs about three times slower, and a test must still pass.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    globalSetup: ['tests/global-setup.ts', 'tests/support/postgres-global-setup.ts'],
    passWithNoTests: false,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
