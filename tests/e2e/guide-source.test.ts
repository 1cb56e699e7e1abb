import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

/** Whole years from the start of an edition (January when it gives only a year) to today. */
function yearsSince(year: number, month = 1): number {
  const now = new Date();
  return Math.floor(((now.getUTCFullYear() - year) * 12 + now.getUTCMonth() + 1 - month) / 12);
}
const hpAge = yearsSince(2014);
const msAge = yearsSince(2024, 7);

const sourceNote = (page: Page) => page.locator('.guide-source');

const NOT_CHECKED_JA = 'このガイドは、まだ実際の画面と照合していません。';
const MAY_HAVE_CHANGED_JA = 'ベンダーの画面・アドレス・期限は、その後変更されている可能性があります。';
const NOT_CHECKED_EN = 'This guide has not been checked against the live screens yet.';
const MAY_HAVE_CHANGED_EN = 'The vendor’s screens, addresses and deadlines may have changed since.';
const LABELS_EN = [
  'How screen labels are shown: labels are quoted as the Japanese screen shows them',
  'with an English gloss',
  'Labels that are in English on the screen are in bold.',
  'The vendor’s English screen may word them differently.',
];

describe('the top of each guide', () => {
  it.each([
    [
      'hp/',
      [
        `出典：HP パートナーポータルのご紹介（スライド資料）（2014年、約${hpAge}年前の資料）。`,
        '資料には、記載内容は予告なく変更されることがあると明記されています。',
        NOT_CHECKED_JA,
        MAY_HAVE_CHANGED_JA,
      ],
    ],
    [
      'microsoft/',
      [
        `出典：販売店様の MPNID 取得/MPA 同意手順（販売代理店の手順書）（2024年7月版、約${msAge}年前の資料）。`,
        NOT_CHECKED_JA,
        MAY_HAVE_CHANGED_JA,
      ],
    ],
    [
      'redhat/',
      [
        '出典：Red Hat Partner Connect アカウント作成手順（版・作成日の記載なし）。',
        '手順書の画面キャプチャは失われているため',
        NOT_CHECKED_JA,
        MAY_HAVE_CHANGED_JA,
      ],
    ],
    [
      'en/hp/',
      [
        `Source: HP Partner Portal introduction (slide deck) (2014, about ${hpAge} years old).`,
        'The deck states that the information in it is subject to change without notice.',
        NOT_CHECKED_EN,
        MAY_HAVE_CHANGED_EN,
        ...LABELS_EN,
      ],
    ],
    [
      'en/microsoft/',
      [
        `Source: MPN ID and MPA acceptance procedure for resellers (a distributor's guide) (July 2024 edition, about ${msAge} year${msAge === 1 ? '' : 's'} old).`,
        NOT_CHECKED_EN,
        MAY_HAVE_CHANGED_EN,
        ...LABELS_EN,
      ],
    ],
    [
      'en/redhat/',
      [
        'Source: Red Hat Partner Connect account creation procedure (no edition or date given).',
        'Its screenshots are lost',
        NOT_CHECKED_EN,
        MAY_HAVE_CHANGED_EN,
        ...LABELS_EN,
      ],
    ],
  ])(
    '/%s says which source it follows, how old it is and that it is not checked yet',
    async (path, texts) => {
      const page = await pages.newPage();
      await page.goto(site + path);
      expect(await sourceNote(page).count()).toBe(1);
      const text = (await sourceNote(page).textContent()) ?? '';
      for (const expected of texts) expect(text).toContain(expected);
      // Only English pages explain how they quote the Japanese screens.
      if (!path.startsWith('en/')) expect(text).not.toContain('太字');

      // At the top: right under the title, above the guide's text, which no longer has its own note.
      const noteTop = (await sourceNote(page).boundingBox())?.y ?? Infinity;
      const contentTop = (await page.locator('.sl-markdown-content').boundingBox())?.y ?? -Infinity;
      expect(noteTop).toBeLessThan(contentTop);
      expect(
        await page.locator('.sl-markdown-content .starlight-aside__title').allTextContents(),
      ).not.toContain(path.startsWith('en/') ? 'Source' : '出典');
    },
  );
});

describe('waits say where their figures come from', () => {
  it.each([
    ['', '出典：HP パートナーポータルのご紹介（スライド資料）（2014年'],
    ['en/', 'Source: HP Partner Portal introduction (slide deck) (2014'],
  ])('in the wait notices and on the home page (/%s)', async (prefix, source) => {
    const page = await pages.newPage();
    await page.goto(`${site}${prefix}hp/`);
    await expect.poll(() => page.locator('#check-hp-create-account:enabled').count()).toBe(1);
    await page.locator('#check-hp-create-account').check();
    const notice = page.locator('[data-step-id="hp-confirm-with-code"] .wait-notice');
    await expect.poll(() => notice.textContent()).toContain(source);

    await page.goto(site + prefix);
    const home = page.locator('.home-progress__guide[data-guide="hp"] .home-progress__source');
    await expect.poll(() => home.textContent()).toContain(source);
  });
});
