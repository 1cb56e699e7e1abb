import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hydrateIslandsAtLoad, useBrowser, useTestPages } from './support/browser';

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
/** Where progress seeded under KEY (as stored before registrations) is once a page moved it: registration 1. */
const FIRST_REGISTRATION = 'partner-guides:progress:1';
const pages = useTestPages(useBrowser());

async function open(path: string, init?: string): Promise<Page> {
  const context = await pages.freshContext();
  // Record fields are drawn as they come near (see 'drawn when they come near' below); here, at once.
  await hydrateIslandsAtLoad(context);
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
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown, FIRST_REGISTRATION);
const status = (page: Page) => page.locator('.record-fields [role="status"]').allTextContents();
const storedRecord = async (page: Page, id: string) =>
  ((await stored(page)) as { records?: Record<string, { value: string }> } | null)?.records?.[id]?.value;

/** Progress stored by hand, as another application or an older version could have written it. */
function storeRecords(records: Record<string, string>): string {
  const at = '2026-11-20T01:00:00.000Z';
  const data = {
    version: 3,
    guides: {},
    records: Object.fromEntries(Object.entries(records).map(([id, value]) => [id, { value, updatedAt: at }])),
  };
  return `if (localStorage.getItem(${JSON.stringify(KEY)}) === null) localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(JSON.stringify(data))})`;
}

const RANGE_JA = '2000年1月1日から明日までの日付を入力してください。';
const RANGE_EN = 'Enter a date from 1 January 2000 to tomorrow.';

describe('record fields', () => {
  it('show their stored values once the page is idle, wherever they are, so that the browser’s own print has them', async () => {
    // Ctrl+P prints at once: record fields that hydrated only on coming near printed empty.
    const context = await pages.freshContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(storeRecords({ 'ms-partner-id-global': '1234567' }));
    const page = await pages.newPage();
    await page.goto(site + 'microsoft/');
    await page.locator('.guide-step__check:enabled').first().waitFor();
    const field = page.locator('#record-ms-partner-id-global');
    expect(await field.evaluate((input) => input.getBoundingClientRect().top > innerHeight * 2)).toBe(true);
    await expect.poll(() => field.inputValue()).toBe('1234567');
    await page.emulateMedia({ media: 'print' });
    expect(await field.isVisible()).toBe(true);
  });

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
    await expect
      .poll(() => message.textContent())
      .toBe('このサイトでは、パートナー ID を数字のみで控えます。数字以外の文字を除いて入力してください。');
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

  it('saves a free-mail address for HP without a warning (the HP source has no such rule), and offers the partner types of the seed', async () => {
    const page = await open('en/hp/');
    const email = page.getByLabel('HP account email address', { exact: true });
    await email.fill('taro@gmail.com');
    await email.press('Tab');
    await expect.poll(() => storedRecord(page, 'hp-account-email')).toBe('taro@gmail.com');
    expect(await page.locator('#record-hp-account-email-message').allTextContents()).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/\S/)]),
    );
    expect(await page.locator('[data-step-id="hp-fill-in-account-form"]').textContent()).not.toMatch(
      /company|free email/i,
    );

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

  it('shows briefly, next to the field, that a value was saved or cleared', async () => {
    const page = await open('microsoft/');
    const partnerId = page.getByLabel('パートナー ID（ロケーション）', { exact: true });
    const field = page.locator('.record-field', { has: partnerId });
    await partnerId.fill('6123456');
    await partnerId.press('Tab');
    const saved = field.getByText('保存しました', { exact: true });
    await expect.poll(() => saved.isVisible()).toBe(true);
    // Only the other fields' confirmations would be elsewhere: this one belongs to this field.
    expect(await page.getByText('保存しました', { exact: true }).count()).toBe(1);
    // It is visual only: screen readers hear the status message, once.
    expect(await saved.getAttribute('aria-hidden')).toBe('true');
    // Focus went where Tab sent it, not to the confirmation.
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('record-ms-partner-id-location');
    await expect.poll(() => saved.count()).toBe(0);

    await page.goto(`${site}en/microsoft/`);
    const english = page.getByLabel('Partner ID (location)', { exact: true });
    await expect.poll(() => english.isEnabled()).toBe(true);
    await english.fill('');
    await english.press('Tab');
    await expect
      .poll(() =>
        page.locator('.record-field', { has: english }).getByText('Cleared', { exact: true }).isVisible(),
      )
      .toBe(true);
    await english.fill('7000001');
    await english.press('Tab');
    await expect
      .poll(() =>
        page.locator('.record-field', { has: english }).getByText('Saved', { exact: true }).isVisible(),
      )
      .toBe(true);
  });
});

describe('dates', () => {
  it.each([
    ['microsoft/', 'MPA に同意した日', '0506-02-02', RANGE_JA],
    ['microsoft/', 'MPA に同意した日', '2999-01-01', RANGE_JA],
    ['en/microsoft/', 'Date the MPA was accepted', '0506-02-02', RANGE_EN],
    ['en/microsoft/', 'Date the MPA was accepted', '2999-01-01', RANGE_EN],
  ])(
    'on /%s, refuses %s set to %s, says which dates it takes and stores nothing',
    async (path, label, value, text) => {
      const page = await open(path);
      const date = page.getByLabel(label, { exact: true });
      await date.fill(value);
      await date.blur();
      await expect.poll(() => page.locator('#record-ms-mpa-accepted-on-message').textContent()).toBe(text);
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      expect(await storedRecord(page, 'ms-mpa-accepted-on')).toBeUndefined();
    },
  );

  it('saves none of the years a date passes through while its digits are typed', async () => {
    const page = await open('microsoft/');
    const date = page.getByLabel('MPA に同意した日', { exact: true });
    await date.focus();
    // Whatever the order of the parts on this machine, the year typed is 0202 or 0506.
    await page.keyboard.type('02020506');
    expect(await page.locator('.record-fields', { has: date }).locator('[role="status"]').textContent()).toBe(
      '',
    );
    await date.blur();
    await expect.poll(() => page.locator('#record-ms-mpa-accepted-on-message').textContent()).toBe(RANGE_JA);
    expect(await stored(page)).toBeNull();
  });

  it('keeps the saved date when a wrong year is typed, and the message keeps using it', async () => {
    const page = await open(
      'microsoft/',
      storeRecords({
        'ms-partner-id-location': '6123456',
        'ms-mpa-accepted-on': '2025-04-01',
        'ms-mpa-accepted-by': '山田　太郎',
      }),
    );
    const date = page.getByLabel('MPA に同意した日', { exact: true });
    await date.fill('0506-02-02');
    await date.blur();
    await expect.poll(() => page.locator('#record-ms-mpa-accepted-on-message').textContent()).toBe(RANGE_JA);
    expect(await storedRecord(page, 'ms-mpa-accepted-on')).toBe('2025-04-01');

    // The message is offered once the steps it reports are done.
    await page.locator('#check-ms-csp-link-partner-id').check();
    await page.locator('#check-ms-mpa-accept').check();
    await page.goto(`${site}handoff/`);
    const message = page.locator('#handoff-message-text');
    await expect.poll(() => message.inputValue()).toContain('同意日: 2025年4月1日');
    expect(await message.inputValue()).not.toContain('506年');
  });

  it('says a partly typed date is incomplete, in both languages, and keeps the saved one', async () => {
    const page = await open('microsoft/', storeRecords({ 'ms-mpa-accepted-on': '2025-04-01' }));
    const date = page.getByLabel('MPA に同意した日', { exact: true });
    await expect.poll(() => date.inputValue()).toBe('2025-04-01');
    // Clearing one part of the date (year, month or day) leaves the others.
    await date.focus();
    await page.keyboard.press('Backspace');
    await date.blur();
    const message = page.locator('#record-ms-mpa-accepted-on-message');
    await expect
      .poll(() => message.textContent())
      .toBe('日付が途中までしか入力されていないため、保存していません。年・月・日をすべて入力してください。');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await storedRecord(page, 'ms-mpa-accepted-on')).toBe('2025-04-01');

    await page.goto(`${site}en/microsoft/`);
    const english = page.getByLabel('Date the MPA was accepted', { exact: true });
    await expect.poll(() => english.isEnabled()).toBe(true);
    await english.fill('');
    await english.press('Tab');
    await expect.poll(() => storedRecord(page, 'ms-mpa-accepted-on')).toBeUndefined();
    // From an empty field: only the first part typed.
    await english.focus();
    await page.keyboard.type('02');
    await english.blur();
    await expect
      .poll(() => page.locator('#record-ms-mpa-accepted-on-message').textContent())
      .toBe('The date is incomplete, so it was not saved: enter the year, month and day.');
    expect(await storedRecord(page, 'ms-mpa-accepted-on')).toBeUndefined();
  });

  it('neither shows nor uses a stored date outside the range', async () => {
    const page = await open(
      'microsoft/',
      storeRecords({
        'ms-partner-id-location': '6123456',
        'ms-mpa-accepted-on': '0506-02-02',
        'ms-mpa-accepted-by': '山田　太郎',
      }),
    );
    await expect
      .poll(() => page.getByLabel('パートナー ID（ロケーション）', { exact: true }).inputValue())
      .toBe('6123456');
    expect(await page.getByLabel('MPA に同意した日', { exact: true }).inputValue()).toBe('');

    await page.goto(`${site}handoff/`);
    await expect
      .poll(() => page.locator('.handoff-message[data-state="missing"] li a').allTextContents())
      .toEqual(['MPA に同意した日']);
    expect(await page.locator('#handoff-message-text').count()).toBe(0);
    expect(
      await page.locator('.handoff-records tr[data-field="ms-mpa-accepted-on"] td').first().textContent(),
    ).toBe('未入力');
    expect(await page.locator('main').textContent()).not.toContain('506年');
  });
});

// Issue 13: the Microsoft source's rule on reserved words concerns the 第一連絡先 email of the
// 「会社情報」 screen, not the organisation account, which cannot be changed once saved.
describe.each([
  {
    path: 'microsoft/',
    signIn: '組織アカウントのユーザー名（サインイン名）',
    contact: '第一連絡先のメールアドレス',
    admin: '「admin」',
  },
  {
    path: 'en/microsoft/',
    signIn: 'Organization account user name (sign-in name)',
    contact: 'Primary contact email address',
    admin: '“admin”',
  },
])('the reserved words of the Microsoft source on $path', ({ path, signIn, contact, admin }) => {
  it('are not held against the sign-in name', async () => {
    const page = await open(path);
    const userName = page.getByLabel(signIn, { exact: true });
    await userName.fill('admin@contoso.onmicrosoft.com');
    await userName.press('Tab');
    await expect.poll(() => storedRecord(page, 'ms-user-name')).toBe('admin@contoso.onmicrosoft.com');
    expect((await page.locator('#record-ms-user-name-message').allTextContents()).join('')).not.toContain(
      admin,
    );
    expect(await page.locator('[data-step-id="ms-account-save"]').textContent()).not.toContain('marketing@');
  });

  it('are checked on the 第一連絡先 email, at the step that asks for it', async () => {
    const page = await open(path);
    const step = page.locator('[data-step-id="ms-aicpp-enter-company-info"]');
    const email = step.getByLabel(contact, { exact: true });
    expect(await email.count()).toBe(1);
    await email.fill('admin@contoso.co.jp');
    await email.press('Tab');
    await expect
      .poll(() => step.locator('#record-ms-primary-contact-email-message').textContent())
      .toContain(admin);
    expect(await storedRecord(page, 'ms-primary-contact-email')).toBe('admin@contoso.co.jp');
  });
});
