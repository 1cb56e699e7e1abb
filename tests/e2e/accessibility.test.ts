import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { INDEX_KEY, progressKey, seedStorage, storedIndex } from './support/registrations';

// Every built page, as it loads, in both themes: tests/e2e/page-weight.test.ts, which loads each
// page once for axe, its weight and its layout shift. Here: states a page reaches after loading.

const site = inject('siteUrl');

const browser = useBrowser();

/** Every rule in the light theme, then the colour rules once the system has switched to dark. */
async function expectNoViolationsInBothThemes(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
  expect(await axeViolations(page), 'light theme, every rule').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
  expect(await axeViolations(page, { coloursOnly: true }), 'dark theme, colour rules').toEqual([]);
}

it('guides with ticks, waits running and overdue, records and a refused value have no axe violations in the light and the dark theme', async () => {
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
  const context = await browser().newContext({ colorScheme: 'light' });
  await context.addInitScript((value) => localStorage.setItem('partner-guides:progress', value), progress);
  const page = await context.newPage();
  await page.goto(`${site}microsoft/`);
  await page.locator('.wait-notice--late').first().waitFor();
  const partnerId = page.getByLabel('パートナー ID（グローバル）', { exact: true });
  // Record fields are drawn as the reader scrolls to them.
  await partnerId.scrollIntoViewIfNeeded();
  await partnerId.fill('abc');
  await partnerId.press('Tab');
  await page.locator('.record-field__message--error').waitFor();
  await expectNoViolationsInBothThemes(page);

  await page.goto(`${site}en/hp/`);
  await expect.poll(() => page.locator('.wait-notice').count()).toBe(2);
  await expectNoViolationsInBothThemes(page);
  await context.close();
  // Two pages, each checked twice: allow for a busy machine.
}, 60_000);

it.each([
  ['', '審査 保留中', 'light'],
  ['', '先週の月曜から審査が保留中のまま', 'dark'],
  ['en/', 'review pending', 'dark'],
  ['en/', 'review pending since last monday', 'light'],
] as const)(
  '/%stroubleshooting/ filtered by “%s” (matches or closest entries, best first) has no axe violations (%s)',
  async (prefix, query, theme) => {
    const context = await browser().newContext({ colorScheme: theme });
    const page = await context.newPage();
    await page.goto(`${site}${prefix}troubleshooting/?q=${encodeURIComponent(query)}`);
    await page.locator('.faq-ranked:not([hidden]) .faq-entry').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  },
);

it.each([
  ['', '切り替え・管理', '登録先の切り替え・管理', '名前を変更', '削除'],
  ['en/', 'Switch or manage', 'Switch or manage registrations', 'Rename', 'Delete'],
] as const)(
  '/%shp/ with the registration switcher’s dialog open, a rename and a delete asked, has no axe violations in the light and the dark theme',
  async (prefix, open, title, rename, remove) => {
    const at = '2026-11-01T00:00:00.000Z';
    const index = JSON.stringify({
      version: 1,
      registrations: {
        sample1: { name: '株式会社サンプル', createdAt: at, changedAt: at },
        example2: { name: '', createdAt: '2026-11-02T00:00:00.000Z', changedAt: '2026-11-02T00:00:00.000Z' },
      },
      removed: {},
    });
    const context = await browser().newContext({
      colorScheme: 'light',
      storageState: {
        cookies: [],
        origins: [
          {
            origin: new URL(site).origin,
            localStorage: [{ name: 'partner-guides:registrations', value: index }],
          },
        ],
      },
    });
    const page = await context.newPage();
    // A link naming a registration this browser lacks: its notice is shown too.
    await page.goto(`${site}${prefix}hp/?r=unknown9`);
    await page.locator('[data-testid="registration-notice"]').waitFor();
    await page.getByRole('button', { name: open }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    const [first, second] = [dialog.getByRole('listitem').nth(0), dialog.getByRole('listitem').nth(1)];
    await first.getByRole('button', { name: rename }).click();
    await first.locator('input').fill('x'.repeat(81));
    await first.locator('form').evaluate((form: HTMLFormElement) => form.requestSubmit());
    await first.locator('.registration-dialog__error').waitFor();
    await second.getByRole('button', { name: remove, exact: true }).click();
    await second.getByRole('group').waitFor();
    await expectNoViolationsInBothThemes(page);
    await context.close();
  },
  60_000,
);

it.each([
  ['', '取り込む登録先'],
  ['en/', 'Registration to import into'],
] as const)(
  '/%s with several registrations (the overview) and /%shandoff/ with an import’s choice of registration have no axe violations in the light and the dark theme',
  async (prefix, existingLabel) => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    // One registration past the HP code's deadline, the other waiting for Microsoft's review.
    const progress = (guide: string, step: string, tickedAt: string) =>
      JSON.stringify({ version: 3, guides: { [guide]: { [step]: { tickedAt } } }, records: {} });
    const context = await browser().newContext({ colorScheme: 'light' });
    await seedStorage(context, {
      [INDEX_KEY]: storedIndex({ id: 'sample1', name: '株式会社サンプル' }, { id: 'example2', name: '' }),
      [progressKey('sample1')]: progress('hp', 'hp-create-account', hoursAgo(1)),
      [progressKey('example2')]: progress('microsoft', 'ms-csp-confirm-contact-email', hoursAgo(2)),
    });
    const page = await context.newPage();
    await page.goto(`${site}${prefix}`);
    await expect
      .poll(() => page.locator('.home-overview__registration .home-progress__waits').count())
      .toBe(2);
    await expectNoViolationsInBothThemes(page);

    await page.goto(`${site}${prefix}handoff/`);
    await page.locator('#handoff-import-file:enabled').waitFor();
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'partner-guides-progress',
          version: 3,
          registrations: [
            {
              name: 'Other K.K.',
              guides: { hp: { 'hp-create-account': { tickedAt: hoursAgo(3) } } },
              records: {},
            },
          ],
        }),
      ),
    });
    await page.getByLabel(existingLabel, { exact: true }).waitFor();
    await expectNoViolationsInBothThemes(page);
    await context.close();
  },
  60_000,
);
