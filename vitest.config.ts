import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure logic and stores, no DOM, no browser) and `e2e` (real Chromium against
 * the built site in dist/, which `npm test` builds first).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Says once when the source documents are absent (tests/unit/support/seeds.ts).
          globalSetup: ['tests/unit/support/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // One browser, two cores: run files one after another and give real pages time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Pages hydrate and search loads at their own pace on a busy machine: wait for states,
          // up to a generous bound, rather than for fixed times.
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
    ],
  },
});
