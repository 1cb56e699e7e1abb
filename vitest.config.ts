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
          // Serves the builds and starts the one Chromium every file connects to.
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // Two files at a time: most of a browser test's time is spent waiting for the page, so on
          // two cores the e2e files took 1,157 s one after another and 410–748 s two at a time (the
          // machine shared with other builds); three or four at a time were no faster (394–571 s)
          // and brought the longest axe checks near their time limits.
          maxWorkers: 2,
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
