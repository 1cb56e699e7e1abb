import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

const STORAGE_KEY = 'starlight-theme';

/** Stored values the site never writes; each must count as "auto" (follow the system). */
const UNKNOWN_VALUES = ['x"]', '<b>', 'auto'];

declare global {
  interface Window {
    /** Every value `data-theme` had after a script changed it, in order (see recordThemes). */
    themeHistory?: (string | undefined)[];
  }
}

/**
 * Records each value the page's scripts give `data-theme` while it loads: the theme provider's
 * inline script in the head, then the theme select's script. A wrong value in between would show
 * as a flash of the wrong theme.
 */
function recordThemes(): void {
  window.themeHistory = [];
  new MutationObserver(() => {
    window.themeHistory?.push(document.documentElement.dataset.theme);
  }).observe(document, { attributes: true, attributeFilter: ['data-theme'], subtree: true });
}

/** Starts a context with the given system colour scheme, recording the theme of every page. */
async function contextWith(colorScheme: 'light' | 'dark'): Promise<BrowserContext> {
  const context = await pages.freshContext({ colorScheme });
  await context.addInitScript(recordThemes);
  return context;
}

/** The values shown by the theme selects of the page (the header's and the mobile menu's). */
const selectValues = (page: Page) =>
  page
    .locator('starlight-theme-select select')
    .evaluateAll((selects) =>
      selects.map((select) => (select instanceof HTMLSelectElement ? select.value : '')),
    );

/** Expects the page to be in `theme` since its first script ran, and its selects to show `choice`. */
async function expectTheme(page: Page, theme: 'light' | 'dark', choice: 'light' | 'dark' | 'auto') {
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  const history = await page.evaluate(() => window.themeHistory ?? []);
  expect(history.length).toBeGreaterThan(0);
  expect(new Set(history)).toEqual(new Set([theme]));
  const values = await selectValues(page);
  expect(values.length).toBeGreaterThan(0);
  expect(new Set(values)).toEqual(new Set([choice]));
}

describe('a stored theme preference the site does not know', () => {
  it.each(
    UNKNOWN_VALUES.flatMap((value) => (['dark', 'light'] as const).map((scheme) => [value, scheme] as const)),
  )('starlight-theme = %j counts as auto on every page, in a %s system', async (value, scheme) => {
    const context = await contextWith(scheme);
    // Before every page load, so that each page meets the value (the select would clear it).
    await context.addInitScript(([key, stored]) => localStorage.setItem(key, stored), [
      STORAGE_KEY,
      value,
    ] as const);
    const page = await pages.newPage();
    for (const path of ['', 'en/hp/', 'troubleshooting/']) {
      await page.goto(site + path);
      await expectTheme(page, scheme, 'auto');
    }
    // Any uncaught error or console error on these pages fails the test (useTestPages).
  });

  it('still lets the user choose a theme, which the next pages keep', async () => {
    const context = await contextWith('dark');
    // Only once, before the first page: the choice must then replace the corrupt value.
    await context.addInitScript((key) => {
      if (sessionStorage.getItem('seeded') !== null) return;
      sessionStorage.setItem('seeded', 'yes');
      localStorage.setItem(key, 'x"]');
    }, STORAGE_KEY);
    const page = await pages.newPage();
    await page.goto(site);
    await expectTheme(page, 'dark', 'auto');

    await page.locator('starlight-theme-select select').first().selectOption('light');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe('light');
    expect(new Set(await selectValues(page))).toEqual(new Set(['light']));

    await page.goto(site + 'en/hp/');
    await expectTheme(page, 'light', 'light');

    await page.locator('starlight-theme-select select').first().selectOption('auto');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(site + 'troubleshooting/');
    await expectTheme(page, 'dark', 'auto');

    await page.locator('starlight-theme-select select').first().selectOption('dark');
    await page.reload();
    await expectTheme(page, 'dark', 'dark');
  });
});
