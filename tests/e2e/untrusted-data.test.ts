import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';

/**
 * Stored progress and progress files are data from outside (any application on the same intranet
 * origin can write localStorage): they get the checks typing gets, and a page never breaks on them.
 * Full storage is said to be full, and nothing claims to be saved when it was not.
 */

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
const BACKUP = 'partner-guides:progress-backup';
/**
 * Where registration 1's stored value is kept aside when the record checks refuse one of its
 * records: old progress moves there as read, and its records are checked where they are shown.
 */
const FIRST_BACKUP = 'partner-guides:progress-backup:1';
/** Where progress seeded under KEY (as stored before registrations) is once a page moved it: registration 1. */
const FIRST_REGISTRATION = 'partner-guides:progress:1';
const AT = '2026-11-20T01:00:00.000Z';
const FORGED_NAME = 'X\nパートナー ID（ロケーション）: 9999999';

const pages = useTestPages(useBrowser());

/** A context whose storage holds `raw` under `key` (old progress unless told) before any page of the site runs. */
async function contextWithStored(raw: string, key = KEY): Promise<BrowserContext> {
  const context = await pages.freshContext();
  await context.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [key, raw] as const,
  );
  return context;
}

async function openHandoff(page: Page, path = 'handoff/'): Promise<void> {
  await page.goto(site + path);
  await page.locator('#handoff-import-file:enabled').waitFor();
}

async function openGuide(page: Page, path: string): Promise<void> {
  await page.goto(site + path);
  await expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBeGreaterThan(0);
}

const stored = (page: Page, key = FIRST_REGISTRATION) =>
  page.evaluate((name) => localStorage.getItem(name), key);

/** Every record the hand-off message needs, valid, plus the given ones over them. */
function records(overrides: Record<string, string>): Record<string, { value: string; updatedAt: string }> {
  const values: Record<string, string> = {
    'ms-partner-id-location': '6123456',
    'ms-mpa-accepted-on': '2026-11-19',
    'ms-mpa-accepted-by': '山田 太郎',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, updatedAt: AT }]));
}

/** Fills the browser's storage until not even one more character fits, as a full disk would. */
async function fillStorage(page: Page): Promise<void> {
  await page.evaluate(() => {
    let size = 1024 * 1024;
    for (let i = 0; size >= 1; i++) {
      try {
        localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** A record's value in what was kept aside of registration 1, or undefined. */
async function keptAsideRecord(page: Page, fieldId: string): Promise<string | undefined> {
  const kept = await stored(page, FIRST_BACKUP);
  return (JSON.parse(kept ?? '{}') as { records?: Record<string, { value: string }> }).records?.[fieldId]
    ?.value;
}

/** A record's value in registration 1's stored progress, or undefined. */
async function storedRecord(page: Page, fieldId: string): Promise<string | undefined> {
  const kept = await stored(page, FIRST_REGISTRATION);
  return (JSON.parse(kept ?? '{}') as { records?: Record<string, { value: string }> }).records?.[fieldId]
    ?.value;
}

describe('values stored by something else', () => {
  it('keeps a forged, multi-line name out of the hand-off message and sets it aside', async () => {
    const raw = JSON.stringify({
      version: 2,
      guides: {},
      records: records({ 'ms-mpa-accepted-by': FORGED_NAME }),
    });
    await contextWithStored(raw);
    const page = await pages.newPage();
    await openHandoff(page);

    const message = page.locator('.handoff-message');
    await expect.poll(() => message.getAttribute('data-state')).toBe('missing');
    expect(await page.locator('body').textContent()).not.toContain('9999999');
    expect(await message.locator('li a').allTextContents()).toEqual(['MPA に同意した方のお名前']);
    await expect
      .poll(() => page.locator('[data-testid="storage-notice"]').first().textContent())
      .toContain(FIRST_BACKUP);
    expect(await keptAsideRecord(page, 'ms-mpa-accepted-by')).toBe(FORGED_NAME);
    expect(await storedRecord(page, 'ms-mpa-accepted-by')).toBeUndefined();
  });

  it('removes on a guide a stored record the checks refuse, once its fields load, keeping ticks and the value aside', async () => {
    const raw = JSON.stringify({
      version: 3,
      guides: { microsoft: { 'ms-account-open-signup-page': { tickedAt: AT } } },
      records: records({ 'ms-partner-id-location': '６１２３４５６' }),
      removed: { ticks: {}, records: {} },
    });
    await contextWithStored(raw, FIRST_REGISTRATION);
    const page = await pages.newPage();
    await openGuide(page, 'microsoft/');
    await expect.poll(() => storedRecord(page, 'ms-partner-id-location')).toBeUndefined();
    expect(await keptAsideRecord(page, 'ms-partner-id-location')).toBe('６１２３４５６');
    expect(await storedRecord(page, 'ms-mpa-accepted-by')).toBe('山田 太郎');
    await page.locator('#record-ms-partner-id-location').scrollIntoViewIfNeeded();
    expect(await page.locator('#record-ms-partner-id-location').inputValue()).toBe('');
    expect(await page.locator('#check-ms-account-open-signup-page').isChecked()).toBe(true);
    await expect
      .poll(() => page.locator('[data-testid="storage-notice"]').first().textContent())
      .toContain(FIRST_BACKUP);
  });

  it('does not show a non-numeric Partner ID, a future date or a huge name as recorded', async () => {
    const raw = JSON.stringify({
      version: 2,
      guides: {},
      records: records({
        'ms-partner-id-location': '12AB',
        'ms-mpa-accepted-on': '2999-01-01',
        'ms-mpa-accepted-by': '名'.repeat(300_000),
      }),
    });
    await contextWithStored(raw);
    const page = await pages.newPage();
    await openHandoff(page);
    const table = page.locator('.handoff-records');
    await expect
      .poll(() => table.locator('[data-field="ms-partner-id-location"] td').first().textContent())
      .toBe('未入力');
    expect(await table.locator('[data-field="ms-mpa-accepted-on"] td').first().textContent()).toBe('未入力');
    expect(await table.locator('[data-field="ms-mpa-accepted-by"] td').first().textContent()).toBe('未入力');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(10_000);
    expect(await keptAsideRecord(page, 'ms-partner-id-location')).toBe('12AB');
    expect(await keptAsideRecord(page, 'ms-mpa-accepted-on')).toBe('2999-01-01');
  });

  it('sets aside a tick time out of range: no page error, no NaN, no holiday file of year 275760', async () => {
    const raw = JSON.stringify({
      version: 2,
      guides: { hp: { 'hp-create-account': { tickedAt: '+275760-09-12T00:00:00.000Z' } } },
      records: {},
    });
    const context = await contextWithStored(raw);
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await pages.newPage();
    await openGuide(page, 'hp/');
    await expect
      .poll(() => page.locator('.checklist-panel [data-testid="storage-notice"]').textContent())
      .toContain(BACKUP);
    expect(await page.locator('#check-hp-create-account').isChecked()).toBe(false);
    expect(await page.locator('main').textContent()).not.toMatch(/NaN|undefined/);
    expect(requested.filter((url) => url.includes('/holidays/275760'))).toEqual([]);

    // The value was moved to registration 1 without the tick, the original kept aside: the home page
    // shows what could be read, with nothing to repair left (the notice came with the move).
    await page.goto(site);
    const hp = page.locator('.home-progress__guide[data-guide="hp"] .checklist-panel__count');
    await expect.poll(() => hp.textContent()).toMatch(/^0 \//);
    expect(await stored(page, BACKUP)).toBe(raw);
    expect(await page.locator('main').textContent()).not.toMatch(/NaN|undefined/);
  });
});

describe('a progress file with bad entries', () => {
  it('lists each refused value with its reason, bounds unknown guides, and imports only the rest', async () => {
    await pages.freshContext();
    const page = await pages.newPage();
    await openHandoff(page);
    const unknownGuides = Object.fromEntries(
      Array.from({ length: 15_000 }, (_, i) => [`other-${i}`, { step: { tickedAt: AT } }]),
    );
    const file = {
      format: 'partner-guides-progress',
      version: 2,
      exportedAt: AT,
      guides: {
        ...unknownGuides,
        microsoft: {
          'ms-account-save': { tickedAt: AT },
          'ms-account-open-signup-page': { tickedAt: '+275760-09-12T00:00:00.000Z' },
        },
      },
      records: {
        ...records({
          'ms-mpa-accepted-by': FORGED_NAME,
          'ms-partner-id-location': '12AB',
          'ms-mpa-accepted-on': '2999-01-01',
        }),
        'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT },
      },
    };
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });

    const refused = page.locator('.handoff-preview__refused');
    await expect.poll(() => refused.locator('h4').textContent()).toBe('取り込まない項目');
    const lines = await refused.locator('li').allTextContents();
    expect(lines).toContain('MPA に同意した方のお名前 複数行になっています。この欄は 1 行で入力します。');
    expect(
      lines.some((line) => line.startsWith('パートナー ID（ロケーション）') && line.includes('数字')),
    ).toBe(true);
    expect(
      lines.some((line) => line.startsWith('MPA に同意した日') && line.includes('2000年1月1日から明日まで')),
    ).toBe(true);
    expect(lines.some((line) => line.includes('範囲外'))).toBe(true);
    expect(lines).toContain('このサイトにないガイドの項目 14997 件（取り込めるのは 3 ガイドまでです）');
    expect(lines.length).toBeLessThanOrEqual(21);
    expect(await stored(page)).toBeNull();

    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await expect
      .poll(() => page.locator('#handoff-import-status').textContent())
      .toMatch(/^取り込みました。/);
    const data = JSON.parse((await stored(page)) ?? '{}') as {
      guides: Record<string, Record<string, unknown>>;
      records: Record<string, { value: string }>;
    };
    expect(Object.keys(data.records)).toEqual(['ms-domain']);
    expect(Object.keys(data.guides.microsoft ?? {})).toEqual(['ms-account-save']);
    expect(Object.keys(data.guides).filter((guide) => guide.startsWith('other-'))).toHaveLength(3);
    expect(await page.locator('.handoff-message').getAttribute('data-state')).toBe('missing');
    expect(await page.locator('body').textContent()).not.toContain('9999999');
  });
});

describe('storage that is full', () => {
  it('says storage is full, not that settings block it, and keeps ticking for the visit', async () => {
    await pages.freshContext();
    const page = await pages.newPage();
    await openGuide(page, 'hp/');
    await fillStorage(page);
    await page.locator('#check-hp-open-registration-page').check();
    const notice = page.locator('.checklist-panel [data-testid="storage-notice"]');
    await expect.poll(() => notice.textContent()).toContain('保存領域がいっぱい');
    expect(await notice.textContent()).not.toContain('プライベート');
    expect(await page.locator('#check-hp-open-registration-page').isChecked()).toBe(true);
  });

  it('does not overwrite an unreadable value it could not set aside, and says so', async () => {
    const original = `{"version":2,"guides":${'x'.repeat(200_000)}`;
    await contextWithStored(original);
    const page = await pages.newPage();
    await page.goto(site + 'about/');
    await fillStorage(page);
    await openGuide(page, 'hp/');
    const notice = page.locator('.checklist-panel [data-testid="storage-notice"]');
    await expect.poll(() => notice.textContent()).toContain('保存しません');
    await page.locator('#check-hp-open-registration-page').check();
    await page.locator('#check-hp-download-application-form').check();
    await expect.poll(() => page.locator('.checklist-panel__count').textContent()).toMatch(/^2 \//);
    // Left where it was, not moved to registration 1.
    expect(await stored(page, KEY)).toBe(original);
  });

  it('says a record was not saved, instead of 「保存しました」', async () => {
    await pages.freshContext();
    const page = await pages.newPage();
    await openGuide(page, 'microsoft/');
    await fillStorage(page);
    const field = page.getByLabel('パートナー ID（グローバル）', { exact: true });
    // Record fields are drawn as the reader scrolls to them.
    await field.scrollIntoViewIfNeeded();
    await field.fill('1234567');
    await field.press('Tab');
    const message = page.locator('#record-ms-partner-id-global-message');
    await expect.poll(() => message.textContent()).toContain('保存できませんでした');
    expect(await page.locator('.record-fields [role="status"]').first().textContent()).not.toContain(
      '保存しました',
    );
  });

  it('says an import was not saved, instead of reporting success', async () => {
    await pages.freshContext();
    const page = await pages.newPage();
    await openHandoff(page);
    await fillStorage(page);
    const file = {
      format: 'partner-guides-progress',
      version: 2,
      exportedAt: AT,
      guides: { hp: { 'hp-open-registration-page': { tickedAt: AT } } },
      records: {},
    };
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'progress.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await expect
      .poll(() => page.locator('#handoff-import-status').textContent())
      .toContain('保存できませんでした');
  });
});
