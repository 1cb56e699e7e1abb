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

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (theme) => {
  it.each(routes)('/%s has no axe violations', async (route) => {
    const page = await openInTheme(route, theme);
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

it('a guide with ticked steps has no axe violations', async () => {
  const page = await openInTheme('microsoft/', 'light');
  for (const id of ['ms-account-open-signup-page', 'ms-account-create-new'])
    await page.locator(`#check-${id}`).check();
  await expect.poll(() => page.locator('.guide-step__status').first().textContent()).toMatch(/完了/);
  expect(await axeViolations(page)).toEqual([]);
  await page.context().close();
});
