import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { listRoutes } from '../support/page-weight';

const site = inject('siteUrl');
const routes = listRoutes(fileURLToPath(new URL('../../dist/', import.meta.url)));

const browser = useBrowser();

async function openInTheme(route: string, theme: 'light' | 'dark'): Promise<Page> {
  const context = await browser().newContext({ colorScheme: theme });
  const page = await context.newPage();
  await page.goto(site + route);
  await page.waitForLoadState('networkidle');
  return page;
}

// Every rule in the light theme; the dark theme changes only colours, so it runs the colour rules.
describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (theme) => {
  it.each(routes)('/%s has no axe violations', async (route) => {
    const page = await openInTheme(route, theme);
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
    expect(await axeViolations(page, { coloursOnly: theme === 'dark' })).toEqual([]);
    await page.context().close();
  });
});

it.each(['light', 'dark'] as const)(
  'guides with ticks, waits running and overdue, records and a refused value have no axe violations (%s)',
  async (theme) => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const progress = JSON.stringify({
      version: 2,
      guides: {
        microsoft: {
          'ms-account-open-signup-page': { tickedAt: daysAgo(12) },
          'ms-csp-confirm-contact-email': { tickedAt: daysAgo(10) },
        },
        hp: { 'hp-create-account': { tickedAt: daysAgo(0) } },
      },
      records: { 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: daysAgo(12) } },
    });
    const context = await browser().newContext({ colorScheme: theme });
    await context.addInitScript((value) => localStorage.setItem('partner-guides:progress', value), progress);
    const page = await context.newPage();
    await page.goto(`${site}microsoft/`);
    await page.locator('.wait-notice--late').first().waitFor();
    const partnerId = page.getByLabel('パートナー ID（グローバル）', { exact: true });
    await partnerId.fill('abc');
    await partnerId.press('Tab');
    await page.locator('.record-field__message--error').waitFor();
    expect(await axeViolations(page, { coloursOnly: theme === 'dark' })).toEqual([]);

    await page.goto(`${site}en/hp/`);
    await expect.poll(() => page.locator('.wait-notice').count()).toBe(2);
    expect(await axeViolations(page, { coloursOnly: theme === 'dark' })).toEqual([]);
    await context.close();
  },
);
