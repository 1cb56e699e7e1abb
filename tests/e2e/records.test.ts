import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
const pages = useTestPages(useBrowser());

async function open(path: string, init?: string): Promise<Page> {
  const context = await pages.freshContext();
  if (init) await context.addInitScript(init);
  const page = await pages.newPage();
  await page.goto(site + path);
  await page.locator('.record-field input:enabled, .record-field select:enabled').first().waitFor();
  return page;
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.record-field input:enabled').first().waitFor();
}

const stored = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown, KEY);
const status = (page: Page) => page.locator('.record-fields [role="status"]').allTextContents();

describe('record fields', () => {
  it('saves a value when the field is left, keeps it after a reload and shows it in English too', async () => {
    const page = await open('microsoft/');
    const domain = page.getByLabel('組織アカウントのドメイン', { exact: true });
    await domain.fill('Contoso.onmicrosoft.com');
    await domain.press('Tab');
    await expect.poll(() => status(page)).toContain('「組織アカウントのドメイン」を保存しました。');
    expect(await stored(page)).toMatchObject({
      version: 3,
      records: { 'ms-domain': { value: 'contoso.onmicrosoft.com' } },
    });

    await reload(page);
    expect(await page.getByLabel('組織アカウントのドメイン', { exact: true }).inputValue()).toBe(
      'contoso.onmicrosoft.com',
    );
    await page.goto(`${site}en/microsoft/`);
    await expect
      .poll(() => page.getByLabel('Organization account domain', { exact: true }).inputValue())
      .toBe('contoso.onmicrosoft.com');
  });

  it('refuses a bad Partner ID with a clear message and keeps the saved one', async () => {
    const page = await open('microsoft/');
    const partnerId = page.getByLabel('パートナー ID（ロケーション）', { exact: true });
    await partnerId.fill('1234567');
    await partnerId.press('Enter');
    await expect.poll(() => status(page)).toContain('「パートナー ID（ロケーション）」を保存しました。');

    await partnerId.fill('12-34A');
    await partnerId.press('Tab');
    const message = page.locator('#record-ms-partner-id-location-message');
    await expect.poll(() => message.textContent()).toBe('パートナー ID は数字のみで入力してください。');
    expect(await partnerId.getAttribute('aria-invalid')).toBe('true');
    expect(await partnerId.getAttribute('aria-describedby')).toContain(
      'record-ms-partner-id-location-message',
    );
    expect(await partnerId.inputValue()).toBe('12-34A');
    expect(await stored(page)).toMatchObject({ records: { 'ms-partner-id-location': { value: '1234567' } } });

    await reload(page);
    expect(await page.getByLabel('パートナー ID（ロケーション）', { exact: true }).inputValue()).toBe(
      '1234567',
    );
  });

  it('warns about a free-mail address but saves it, and offers the partner types of the seed', async () => {
    const page = await open('en/hp/');
    const email = page.getByLabel('HP account email address', { exact: true });
    await email.fill('taro@gmail.com');
    await email.press('Tab');
    await expect
      .poll(() => page.locator('#record-hp-account-email-message').textContent())
      .toContain('This looks like a free email address.');
    expect(await stored(page)).toMatchObject({
      records: { 'hp-account-email': { value: 'taro@gmail.com' } },
    });

    await page.goto(`${site}redhat/`);
    const type = page.getByLabel('パートナータイプ', { exact: true });
    await type.selectOption('Solution Provider');
    await expect.poll(() => status(page)).toContain('「パートナータイプ」を保存しました。');
    expect(await type.locator('option:checked').textContent()).toBe('リセラー（Solution Provider）');
  });

  it('upgrades progress saved by the previous version and keeps its ticks', async () => {
    const v1 = JSON.stringify({
      version: 1,
      guides: { microsoft: { 'ms-account-open-signup-page': { tickedAt: '2026-11-20T01:00:00.000Z' } } },
    });
    const page = await open(
      'microsoft/',
      `localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(v1)})`,
    );
    expect(await page.locator('#check-ms-account-open-signup-page').isChecked()).toBe(true);
    const userName = page.getByLabel('組織アカウントのユーザー名（サインイン名）', { exact: true });
    await userName.fill('taro@contoso.onmicrosoft.com');
    await userName.press('Tab');
    await expect
      .poll(() => stored(page))
      .toMatchObject({
        version: 3,
        guides: { microsoft: { 'ms-account-open-signup-page': { tickedAt: '2026-11-20T01:00:00.000Z' } } },
        records: { 'ms-user-name': { value: 'taro@contoso.onmicrosoft.com' } },
      });
  });

  it('never asks for a password', async () => {
    const page = await open('microsoft/');
    for (const path of ['hp/', 'microsoft/', 'redhat/', 'en/microsoft/']) {
      await page.goto(site + path);
      await page.locator('.record-field').first().waitFor();
      expect(await page.locator('input[type="password"]').count()).toBe(0);
      const labels = (await page.locator('.record-field label').allTextContents()).join(' ');
      expect(labels).not.toMatch(/パスワード|password/i);
    }
  });
});
