import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { islandsNearViewportHydrated, useBrowser, useTestPages } from './support/browser';

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
const pages = useTestPages(useBrowser());

/** A time in Japan, e.g. `jst('2026-04-28T10:00')`. */
const jst = (local: string) => new Date(`${local}:00+09:00`);

/** What live regions hold now (the page's, or those of one step): what a screen reader would announce. */
const liveText = (page: Page, stepId?: string) =>
  (stepId ? page.locator(`[data-step-id="${stepId}"]`) : page)
    .locator('[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]')
    .evaluateAll((regions) => regions.map((region) => region.textContent?.trim() ?? '').filter(Boolean));

/** Opens a guide whose clock reads `time`, optionally with progress stored, once it is settled. */
async function openAt(path: string, time: Date, progress?: object): Promise<Page> {
  const context = await pages.freshContext();
  await context.clock.setFixedTime(time);
  if (progress)
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      KEY,
      JSON.stringify(progress),
    ] as const);
  const page = await pages.newPage();
  await page.goto(site + path);
  await islandsNearViewportHydrated(page);
  await page.waitForLoadState('networkidle');
  return page;
}

describe('what screen readers hear of waits', () => {
  it('announces nothing on load while waits are shown, in both languages', async () => {
    const started = { tickedAt: jst('2026-04-28T10:00').toISOString() };
    const progress = {
      version: 3,
      guides: {
        microsoft: { 'ms-csp-confirm-contact-email': started },
        hp: { 'hp-create-account': started },
      },
      records: {},
    };
    for (const path of ['microsoft/', 'en/microsoft/', 'hp/', 'en/hp/']) {
      const page = await openAt(path, jst('2026-04-28T10:05'), progress);
      await expect.poll(() => page.locator('.wait-notice').count()).toBe(2);
      expect(await liveText(page), path).toEqual([]);
    }
  });

  it.each([
    [
      'ja',
      'microsoft/',
      [
        '「リセラー」タブが表示されない場合の再確認: 4月29日（水） 10:00 以降',
        '審査完了の目安: 5月7日（木）〜5月11日（月）',
      ],
      ['「リセラー」タブの表示: 完了しました', 'Microsoft の審査: 完了しました'],
    ],
    [
      'en',
      'en/microsoft/',
      [
        'If the 「リセラー」 (Reseller) tab is missing, check again after Wed 29 Apr, 10:00',
        'Expected: Thu 7 May – Mon 11 May',
      ],
      ['The 「リセラー」 (Reseller) tab: done', "Microsoft's review: done"],
    ],
  ])(
    '%s: a tick that starts or ends a wait announces its headline only',
    async (_lang, path, started, ended) => {
      const page = await openAt(path, jst('2026-04-28T10:00'));
      expect(await liveText(page)).toEqual([]);

      await page.locator('#check-ms-csp-confirm-contact-email').check();
      await expect.poll(() => page.locator('.wait-notice').count()).toBe(2);
      // The checklist says the step is done; the waiting step says only what started.
      await expect.poll(() => liveText(page, 'ms-review-check-status')).toEqual([started.join(' ')]);

      await page.locator('#check-ms-review-check-status').check();
      await expect.poll(() => page.locator('.wait-notice').count()).toBe(0);
      await expect.poll(() => liveText(page, 'ms-review-check-status')).toEqual([ended.join(' ')]);
    },
  );

  it.each([
    ['ja', 'hp/', '確認コードの入力期限: 目安・期限を過ぎました'],
    ['en', 'en/hp/', 'Confirmation code deadline: now overdue'],
  ])(
    '%s: a deadline that runs out while its notice is in view is announced as it runs out',
    async (_lang, path, late) => {
      const progress = {
        version: 3,
        guides: { hp: { 'hp-create-account': { tickedAt: jst('2026-11-24T10:00').toISOString() } } },
        records: {},
      };
      const page = await openAt(path, jst('2026-11-24T10:14'), progress);
      await page.locator('[data-step-id="hp-confirm-with-code"] .wait-notice').scrollIntoViewIfNeeded();
      expect(await liveText(page)).toEqual([]);
      await page.clock.setFixedTime(jst('2026-11-24T10:15'));
      await expect.poll(() => liveText(page, 'hp-confirm-with-code')).toEqual([late]);
    },
  );
});
