import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

/** A time in Japan, e.g. `jst('2026-04-28T10:00')`. */
const jst = (local: string) => new Date(`${local}:00+09:00`);

/**
 * Opens a page whose clock reads `time` until the test moves it (timers keep running, so the page
 * hydrates and its countdowns re-read the clock): countdowns can be checked to the second.
 */
async function openAt(path: string, time: Date, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await pages.freshContext(options);
  await context.clock.setFixedTime(time);
  const page = await pages.newPage();
  await page.goto(site + path);
  await waitForHydration(page);
  return page;
}

/** Opens the Japanese home page with nothing stored, its clock reading `time`. */
async function openHome(time: Date): Promise<Page> {
  const context = await pages.freshContext();
  await context.clock.setFixedTime(time);
  const page = await pages.newPage();
  await page.goto(site);
  return page;
}

async function waitForHydration(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBeGreaterThan(0);
}

const notice = (page: Page, stepId: string) => page.locator(`[data-step-id="${stepId}"] .wait-notice`);
const text = async (page: Page, stepId: string) => (await notice(page, stepId).allTextContents()).join('\n');

describe('waits and deadlines', () => {
  it('shows the review window across Golden Week, then the overdue notice, in both languages', async () => {
    const page = await openAt('microsoft/', jst('2026-04-28T10:00'));
    expect(await notice(page, 'ms-review-check-status').count()).toBe(0);

    await page.locator('#check-ms-csp-confirm-contact-email').check();
    await expect
      .poll(() => text(page, 'ms-review-check-status'))
      .toContain('審査完了の目安: 5月7日（木）〜5月11日（月）');
    expect(await text(page, 'ms-review-check-status')).toContain(
      '「リセラー」タブが表示されない場合の再確認: 4月29日（水） 10:00 以降',
    );
    expect(await page.locator('.wait-notice--late').count()).toBe(0);

    // The English page reads the same progress and shows the same window in English.
    await page.goto(`${site}en/microsoft/`);
    await waitForHydration(page);
    await expect
      .poll(() => text(page, 'ms-review-check-status'))
      .toContain('Expected: Thu 7 May – Mon 11 May');

    // Five business days later, on Tue 12 May, the review is overdue: say what to do, with links. (A
    // notice out of view sleeps; it is brought up to date as it comes into view.)
    await page.clock.setFixedTime(jst('2026-05-12T00:01'));
    await notice(page, 'ms-review-check-status').first().scrollIntoViewIfNeeded();
    const late = page.locator(
      '[data-step-id="ms-review-check-status"] .wait-notice--late[data-wait="ms-review"]',
    );
    await expect.poll(() => late.textContent()).toContain('The expected 3–5 business days have passed.');
    const links = await late
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual([
      '/en/microsoft/#ms-review-contact-support',
      '/en/troubleshooting/#ms-review-pending',
      'https://learn.microsoft.com/ja-jp/partner-center/verification-responses',
    ]);

    // The home page lists what the guide is waiting for.
    await page.goto(`${site}en/`);
    const home = page.locator('.home-progress__guide[data-guide="microsoft"] .home-progress__waits');
    await expect.poll(() => home.textContent()).toContain("Microsoft's review: overdue");
    expect(await home.textContent()).toContain('The 「リセラー」 (Reseller) tab: time to check again');

    // Ticking the waiting step ends the wait.
    await page.goto(`${site}en/microsoft/`);
    await waitForHydration(page);
    await page.locator('#check-ms-review-check-status').check();
    await expect.poll(() => notice(page, 'ms-review-check-status').count()).toBe(0);
  });

  it('counts down the 15-minute code and the 48-hour link, then says what to do', async () => {
    const page = await openAt('hp/', jst('2026-11-24T10:00'));
    await page.locator('#check-hp-create-account').check();
    await expect
      .poll(() => text(page, 'hp-confirm-with-code'))
      .toContain('確認コードの入力期限: 11月24日（火） 10:15（残り 15分00秒）');
    expect(await text(page, 'hp-confirm-with-mail-button')).toContain(
      'メール内のボタン・リンクの期限: 11月26日（木） 10:00（残り 48時間0分）',
    );

    // A countdown counts while it is in view.
    await notice(page, 'hp-confirm-with-code').scrollIntoViewIfNeeded();
    await page.clock.setFixedTime(new Date('2026-11-24T10:01:01+09:00'));
    await expect.poll(() => text(page, 'hp-confirm-with-code')).toContain('残り 13分59秒');

    await page.clock.setFixedTime(jst('2026-11-24T10:15'));
    await expect
      .poll(() => text(page, 'hp-confirm-with-code'))
      .toContain(
        '確認コードの入力期限（メール送付後15分）が切れました。画面上の「確認コードの再送信」をクリック',
      );
    await notice(page, 'hp-confirm-with-mail-button').scrollIntoViewIfNeeded();
    await expect.poll(() => text(page, 'hp-confirm-with-mail-button')).toContain('残り 47時間45分');

    // The home page shows both deadlines of the HP guide.
    await page.goto(site);
    const home = page.locator('.home-progress__guide[data-guide="hp"] .home-progress__waits');
    await expect.poll(() => home.textContent()).toContain('確認コードの入力期限: 目安・期限を過ぎています');
    expect(await home.textContent()).toContain(
      '確認メールのボタン・リンクの期限 — メール内のボタン・リンクの期限: 11月26日（木） 10:00',
    );
  });

  it('home page: loads the wait code once a wait starts, and lists it live when another tab starts it', async () => {
    const home = await openHome(jst('2026-11-24T10:00'));
    const requested: string[] = [];
    home.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const count = home.locator('.home-progress__guide[data-guide="hp"] .checklist-panel__count');
    await expect.poll(() => count.textContent()).toMatch(/^0 \/ \d+/);
    expect(await home.locator('.home-progress__waits').count()).toBe(0);

    const guide = await pages.newPage();
    await guide.goto(`${site}hp/`);
    await waitForHydration(guide);
    await guide.locator('#check-hp-create-account').check();

    const waits = home.locator('.home-progress__guide[data-guide="hp"] .home-progress__waits');
    await expect
      .poll(() => waits.textContent())
      .toContain('確認コードの入力期限 — 確認コードの入力期限: 11月24日（火） 10:15');
    expect(requested.some((path) => /\/_astro\/waits\.[\w-]+\.js$/.test(path))).toBe(true);
  });

  it('uses Japan time whatever the computer is set to, and copes without holiday data', async () => {
    // 00:30 on Tue 28 Apr in Japan is the evening of Mon 27 Apr in New York.
    const page = await openAt('en/microsoft/', jst('2026-04-28T00:30'), {
      timezoneId: 'America/New_York',
      locale: 'en-US',
    });
    await page.route('**/holidays/*.json', (route) => route.abort());
    await page.locator('#check-ms-csp-confirm-contact-email').check();
    // Without the holiday file only weekends and the year-end closure are skipped.
    await expect
      .poll(() => text(page, 'ms-review-check-status'))
      .toContain('Expected: Fri 1 May – Tue 5 May');
    expect(await text(page, 'ms-review-check-status')).toContain('Public holidays could not be loaded');
    expect(await text(page, 'ms-review-check-status')).toContain('(Tue 28 Apr, 0:30)');

    // The browser logs the blocked request; that error is the point of this test, not a fault.
    pages.forgive(/net::ERR_FAILED/);
    await page.unroute('**/holidays/*.json');
    await page.reload();
    await waitForHydration(page);
    await expect
      .poll(() => text(page, 'ms-review-check-status'))
      .toContain('Expected: Thu 7 May – Mon 11 May');
  });
});
