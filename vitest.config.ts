import { defineConfig } from 'vitest/config';

// One runner for every suite. `npm test` (scripts/test.mjs) starts the database once and passes
// ACCORD_TEST_MONGODB_URI; run alone, the integration and e2e projects start their own.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // projects with their own maxWorkers run as groups: unit, then integration, then e2e
          sequence: { groupOrder: 0 },
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts'],
          // *.db.test.ts need the database: they run with the integration tests
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts', 'server/src/**/*.db.test.ts'],
          globalSetup: ['tests/setup/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // each file starts its own server processes; two cores run two files at a time
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/globalSetup.ts', 'tests/setup/buildClient.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
