import { describe, expect, inject, it } from 'vitest';
import { useBrowser, openPage } from './support/browser';

/** The site built with BASE_PATH=/partner-guides/ and served under that path only. */
const site = inject('subPathUrl');

const browser = useBrowser();

describe('hosted under /partner-guides/', () => {
  it('links every page under the sub-path', async () => {
    const context = await browser().newContext();
    const { page, errors } = await openPage(context);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(site);
    const links = await page
      .locator('a[href^="/"]')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((href) => !href.startsWith('/partner-guides/'))).toEqual([]);
    for (const path of ['hp/', 'en/microsoft/', 'troubleshooting/', 'handoff/']) {
      await page.goto(site + path);
      const pageLinks = await page
        .locator('a[href^="/"]')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      expect(pageLinks.filter((href) => !href.startsWith('/partner-guides/'))).toEqual([]);
    }
    expect(failed).toEqual([]);
    expect(errors.list).toEqual([]);
    await context.close();
  });

  it('keeps checklist progress and shows it on the home page', async () => {
    const context = await browser().newContext();
    const { page, errors } = await openPage(context);
    await page.goto(site + 'redhat/');
    const box = page.locator('#check-rh-open-partner-connect');
    await expect.poll(() => box.isEnabled()).toBe(true);
    await box.check();
    await page.reload();
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.goto(site);
    const next = page.locator('.home-progress__guide[data-guide="redhat"] .checklist-panel__next a');
    await expect
      .poll(() => next.getAttribute('href'))
      .toBe('/partner-guides/redhat/#rh-choose-business-partner-login');
    expect(errors.list).toEqual([]);
    await context.close();
  });

  it('loads the holidays a wait needs from under the sub-path', async () => {
    const context = await browser().newContext();
    await context.clock.setFixedTime(new Date('2026-04-28T10:00:00+09:00'));
    const { page, errors } = await openPage(context);
    const holidayFiles: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/holidays/')) holidayFiles.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(site + 'microsoft/');
    const start = page.locator('#check-ms-csp-confirm-contact-email');
    await expect.poll(() => start.isEnabled()).toBe(true);
    await start.check();
    await expect
      .poll(() => page.locator('[data-wait="ms-review"] .wait-notice__when').textContent())
      .toBe('審査完了の目安: 5月7日（木）〜5月11日（月）');
    expect(holidayFiles).toEqual([`200 ${site}holidays/2026.json`]);
    expect(errors.list).toEqual([]);
    await context.close();
  });

  it('loads the search interface from under the sub-path only when asked, and searches what is typed at once', async () => {
    const context = await browser().newContext();
    const { page, errors } = await openPage(context);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const searchFiles = () => requested.filter((url) => /\/_astro\/site-search-ui\.|\/pagefind\//.test(url));
    await page.goto(site + 'en/');
    await page.waitForLoadState('networkidle');
    await page.evaluate(
      () => new Promise((resolve) => requestIdleCallback(() => resolve(undefined), { timeout: 2000 })),
    );
    await page.waitForLoadState('networkidle');
    expect(searchFiles()).toEqual([]);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('sendgrid');
    await expect
      .poll(() =>
        page
          .locator('#starlight__search .pagefind-ui__result-link')
          .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? '')),
      )
      .toContain('/partner-guides/en/troubleshooting/#hp-confirmation-mail-not-arriving');
    expect(await page.locator('#starlight__search input').inputValue()).toBe('sendgrid');
    expect(searchFiles().length).toBeGreaterThan(2);
    expect(searchFiles().filter((url) => !url.startsWith(site))).toEqual([]);
    expect(errors.list).toEqual([]);
    await context.close();
  });

  it('searches and filters troubleshooting entries', async () => {
    const context = await browser().newContext();
    const { page, errors } = await openPage(context);
    await page.goto(site + 'en/troubleshooting/');
    await page.locator('#faq-filter-query:not([disabled])').fill('sendgrid');
    await expect
      .poll(() =>
        page
          .locator('.faq-entry')
          .evaluateAll((entries) => entries.filter((e) => e.getClientRects().length > 0).length),
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#starlight__search input').fill('sendgrid');
    const results = page.locator('#starlight__search .pagefind-ui__result-link');
    await expect
      .poll(() => results.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? '')))
      .toContain('/partner-guides/en/troubleshooting/#hp-confirmation-mail-not-arriving');
    expect(errors.list).toEqual([]);
    await context.close();
  });
});
