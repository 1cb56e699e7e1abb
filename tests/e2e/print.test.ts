import { describe, expect, inject, it } from 'vitest';
import { useBrowser, useTestPages } from './support/browser';

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

const PROGRESS = JSON.stringify({
  version: 2,
  guides: { hp: { 'hp-open-registration-page': { tickedAt: '2026-11-20T01:00:00.000Z' } } },
  records: { 'hp-account-email': { value: 'taro@example.co.jp', updatedAt: '2026-11-20T01:00:00.000Z' } },
});

describe('printing a guide', () => {
  it('prints a clean checklist: ticks, tick times and records, without navigation or explanations', async () => {
    const context = await pages.freshContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((progress) => {
      localStorage.setItem('partner-guides:progress', progress);
      // Record the print request instead of opening the dialog.
      Object.assign(window, { printed: 0 });
      window.print = () =>
        Object.assign(window, { printed: (window as unknown as { printed: number }).printed + 1 });
    }, PROGRESS);
    const page = await pages.newPage();
    await page.goto(`${site}hp/`);
    await expect.poll(() => page.locator('#check-hp-open-registration-page').isChecked()).toBe(true);

    const printButton = page.getByRole('button', { name: 'チェックリストを印刷' });
    await printButton.click();
    // The dialog opens once the record fields and wait notices further down have been drawn.
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator('astro-island[ssr]').count()).toBe(0);

    const visible = (selector: string) => page.locator(selector).first().isVisible();
    expect(await visible('.sidebar-content')).toBe(true);
    expect(await visible('[data-step-id="hp-fill-in-account-form"] .guide-step__body p')).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await visible('.sidebar-content')).toBe(false);
    expect(await visible('header.header')).toBe(false);
    expect(await visible('.right-sidebar-container')).toBe(false);
    expect(await printButton.isVisible()).toBe(false);
    expect(await visible('[data-step-id="hp-fill-in-account-form"] .guide-step__body p')).toBe(false);
    expect(await visible('.guide-step__help')).toBe(false);

    expect(await page.locator('#check-hp-open-registration-page').isVisible()).toBe(true);
    expect(await page.locator('#check-hp-open-registration-page').isChecked()).toBe(true);
    expect(await page.locator('#check-hp-download-application-form').isVisible()).toBe(true);
    const tickTime = page.locator('[data-step-id="hp-open-registration-page"] .guide-step__status');
    expect(await tickTime.isVisible()).toBe(true);
    expect(await tickTime.textContent()).toBe('2026/11/20(金) 10:00 に完了');
    const email = page.getByLabel('HPアカウントのメールアドレス', { exact: true });
    expect(await email.isVisible()).toBe(true);
    expect(await email.inputValue()).toBe('taro@example.co.jp');
    expect(await visible('.checklist-panel__count')).toBe(true);
    // Phases print as headings; a section without steps does not.
    expect(await page.locator('h2#ユーザー登録を申請する').isVisible()).toBe(true);
    expect(await page.locator('h2#始める前に').isVisible()).toBe(false);

    // The page fits A4 and its PDF has a sensible number of pages.
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pdfPages).toBeGreaterThanOrEqual(1);
    expect(pdfPages).toBeLessThanOrEqual(4);
  });

  /** A long name (58 characters), wider than a line of the A4 page: the screen cuts it short, paper may not. */
  const LONG_NAME =
    '株式会社サンプル・パートナーソリューションズ・ジャパン（東日本統括本部 ライセンス販売推進部 第一営業グループ所属）';

  /** Registrations (issue 16): the one printed is named at the top of the page. */
  const REGISTRATIONS = JSON.stringify({
    version: 1,
    registrations: {
      sample1: {
        name: '株式会社サンプル',
        createdAt: '2026-11-01T00:00:00.000Z',
        changedAt: '2026-11-01T00:00:00.000Z',
      },
      example2: { name: '', createdAt: '2026-11-02T00:00:00.000Z', changedAt: '2026-11-02T00:00:00.000Z' },
      long3: {
        name: LONG_NAME,
        createdAt: '2026-11-03T00:00:00.000Z',
        changedAt: '2026-11-03T00:00:00.000Z',
      },
    },
    removed: {},
  });

  it.each([
    ['', 'sample1', '登録先: 株式会社サンプル'],
    ['en/', 'example2', 'Registration: Registration 2'],
    ['', 'long3', `登録先: ${LONG_NAME}`],
  ])('names the registration on the printed checklist (/%shp/?r=%s)', async (prefix, id, line) => {
    await pages.freshContext({
      storageState: {
        cookies: [],
        origins: [
          {
            origin: new URL(site).origin,
            localStorage: [
              { name: 'partner-guides:registrations', value: REGISTRATIONS },
              { name: `partner-guides:progress:${id}`, value: PROGRESS },
            ],
          },
        ],
      },
    });
    const page = await pages.newPage();
    await page.goto(`${site}${prefix}hp/?r=${id}`);
    const switcher = page.locator('.registration-switcher');
    await expect.poll(() => switcher.locator('p').first().textContent()).toBe(line);
    await page.emulateMedia({ media: 'print' });
    expect(await switcher.locator('p').first().isVisible()).toBe(true);
    // The whole name, however long: nothing cut short.
    expect(
      await switcher
        .locator('p')
        .first()
        .evaluate((line) => line.scrollWidth <= line.clientWidth),
    ).toBe(true);
    expect(await switcher.getByRole('button').isVisible()).toBe(false);
    expect(await page.locator('#check-hp-open-registration-page').isChecked()).toBe(true);
  });

  it('prints no name for the single unnamed registration of a browser, as before registrations', async () => {
    await pages.freshContext();
    const page = await pages.newPage();
    await page.goto(`${site}hp/`);
    const switcher = page.locator('.registration-switcher');
    await expect.poll(() => switcher.locator('strong').textContent()).toBe('登録先 1');
    expect(await switcher.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await switcher.isVisible()).toBe(false);
  });
});
