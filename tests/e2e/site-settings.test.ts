import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { useBrowser, useTestPages } from './support/browser';

/**
 * An organisation's own settings (README "Your organisation's settings"): dist-fixture/ is built
 * with tests/fixtures/extra-guide/site.config.json (`npm run build:fixture`), dist/ with none. The
 * expected texts are written out here, from the fixture's settings and the fixture guide's pages.
 */
const withSettings = inject('fixtureUrl');
const withoutSettings = inject('siteUrl');
const KEY = 'partner-guides:progress';
const pages = useTestPages(useBrowser());

const ORGANISATION = { ja: '例示商事株式会社 情報システム部', en: 'Example Trading Co., IT Department' };
const CONTACT = 'guide-reports@example.com';

const AT = '2026-11-20T01:00:00.000Z';

/** Stored progress (version 3) with which the hand-off message can be written: steps ticked, values noted. */
async function storeReadyHandoff(): Promise<void> {
  const context = await pages.freshContext();
  await context.addInitScript(
    ([key, value]) => localStorage.setItem(key!, value!),
    [
      KEY,
      JSON.stringify({
        version: 3,
        guides: {
          microsoft: { 'ms-csp-link-partner-id': { tickedAt: AT }, 'ms-mpa-accept': { tickedAt: AT } },
        },
        records: {
          'ms-partner-id-location': { value: '6123456', updatedAt: AT },
          'ms-mpa-accepted-on': { value: '2025-04-01', updatedAt: AT },
          'ms-mpa-accepted-by': { value: 'Taro Yamada', updatedAt: AT },
        },
      }),
    ],
  );
}

async function open(url: string): Promise<Page> {
  const page = await pages.newPage();
  await page.goto(url);
  return page;
}

/** The report link of each step of a guide page, by step id. */
function reportLinks(page: Page) {
  return page
    .locator('.guide-step')
    .evaluateAll((steps) =>
      steps.map((step) => [
        step.getAttribute('data-step-id'),
        step.querySelector('.guide-step__report a')?.textContent ?? null,
      ]),
    );
}

/** A mailto: address split into its recipient, subject and body, decoded. */
function decodeMailto(href: string) {
  const url = new URL(href);
  return {
    protocol: url.protocol,
    to: decodeURIComponent(url.pathname),
    subject: url.searchParams.get('subject'),
    body: url.searchParams.get('body'),
  };
}

const reportHref = (page: Page, stepId: string) =>
  page.locator(`.guide-step[data-step-id="${stepId}"] .guide-step__report a`).getAttribute('href');

describe('a build with the organisation’s settings', () => {
  it('gives every step of a Japanese guide a link that opens a prefilled message', async () => {
    const page = await open(`${withSettings}acme/`);
    expect(await reportLinks(page)).toEqual(
      ['ac-open-portal', 'ac-submit-registration', 'ac-confirm-mail', 'ac-note-partner-id', 'ac-sign-in'].map(
        (id) => [id, '画面が異なる場合はお知らせください'],
      ),
    );
    expect(decodeMailto((await reportHref(page, 'ac-confirm-mail')) ?? '')).toEqual({
      protocol: 'mailto:',
      to: CONTACT,
      subject: '画面がガイドと異なります：Acme パートナーポータル登録「確認メールのリンクをクリックします」',
      body: [
        'ガイドの内容と実際の画面が異なる点をお知らせします。',
        '',
        'ガイド: Acme パートナーポータル登録',
        'ステップ: 確認メールのリンクをクリックします（ac-confirm-mail）',
        'ページ: http://guides.example.com/acme/#ac-confirm-mail',
        '言語: 日本語',
        '日付: このメッセージの送信日',
        '',
        '異なる点（実際の画面に表示されている内容）:',
        '',
        '',
      ].join('\r\n'),
    });
  });

  it('gives every step of an English guide the English link and message', async () => {
    const page = await open(`${withSettings}en/acme/`);
    const links = await reportLinks(page);
    expect(links).toHaveLength(5);
    expect(links.every(([, text]) => text === 'Screen looks different? Tell us')).toBe(true);
    expect(decodeMailto((await reportHref(page, 'ac-note-partner-id')) ?? '')).toEqual({
      protocol: 'mailto:',
      to: CONTACT,
      subject: 'Screen differs from the guide: Acme Partner Portal registration, “Note your Partner ID”',
      body: [
        'The screen I see differs from the guide.',
        '',
        'Guide: Acme Partner Portal registration',
        'Step: Note your Partner ID (ac-note-partner-id)',
        'Page: http://guides.example.com/en/acme/#ac-note-partner-id',
        'Language: English',
        'Date: the date this message is sent',
        '',
        'What differs (what the screen shows):',
        '',
        '',
      ].join('\r\n'),
    });
  });

  it('gives the steps of the site’s own guides the link too', async () => {
    const page = await open(`${withSettings}microsoft/`);
    const links = await reportLinks(page);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter(([, text]) => text !== '画面が異なる場合はお知らせください')).toEqual([]);
  });

  it('leaves the links out of a printed guide', async () => {
    const page = await open(`${withSettings}acme/`);
    const link = page.locator('.guide-step__report').first();
    expect(await link.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await link.isVisible()).toBe(false);
  });

  it('names the organisation in the footer and on the about page, with where to write', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const prefix = lang === 'ja' ? '' : 'en/';
      const page = await open(`${withSettings}${prefix}about/`);
      expect(await page.locator('.site-organisation').allTextContents()).toEqual([
        lang === 'ja' ? `運営: ${ORGANISATION.ja}` : `Run by ${ORGANISATION.en}`,
      ]);
      expect(await page.locator('main .site-owner').allTextContents()).toEqual([
        lang === 'ja'
          ? `このサイトは、${ORGANISATION.ja}が運営しています。`
          : `This site is run by ${ORGANISATION.en}.`,
      ]);
      const contact = page.locator('main .site-contact a');
      expect(
        await contact.evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent])),
      ).toEqual([[`mailto:${CONTACT}`, CONTACT]]);
      await page.goto(`${withSettings}${prefix}hp/`);
      expect(await page.locator('.site-organisation').allTextContents()).toEqual([
        lang === 'ja' ? `運営: ${ORGANISATION.ja}` : `Run by ${ORGANISATION.en}`,
      ]);
    }
  });

  it.each(['light', 'dark'] as const)(
    'has no axe violations with the links and names (%s)',
    async (theme) => {
      await pages.freshContext({ colorScheme: theme });
      for (const path of ['acme/', 'en/about/']) {
        const page = await open(withSettings + path);
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page, { coloursOnly: theme === 'dark' }), path).toEqual([]);
      }
    },
  );

  it('addresses the hand-off message to the distributor, in both languages', async () => {
    await storeReadyHandoff();
    const page = await open(`${withSettings}handoff/`);
    const message = page.locator('#handoff-message-text');
    await expect
      .poll(() => message.inputValue())
      .toMatch(/^例示ディストリビューション株式会社\nご担当者様\n\nお世話になっております。\nMicrosoft CSP/);
    // The addressee is written already: the hint asks only for the signature.
    expect(await page.locator('#handoff-message-hint').textContent()).toBe(
      'コピーして、メールなどに貼り付けてお使いください。署名（会社名など）は、お送りになる前に追記してください。',
    );
    await page.goto(`${withSettings}en/handoff/`);
    await expect
      .poll(() => message.inputValue())
      .toMatch(/^Dear Example Distribution K\.K\. team,\n\nI am writing to let you know/);
  });
});

describe('the default build, with no settings', () => {
  it('shows no report link, no organisation and no contact', async () => {
    for (const path of ['hp/', 'microsoft/', 'redhat/', 'en/hp/', 'en/microsoft/', 'en/redhat/']) {
      const page = await open(withoutSettings + path);
      expect((await reportLinks(page)).length, path).toBeGreaterThan(0);
      expect(
        (await reportLinks(page)).filter(([, text]) => text !== null),
        path,
      ).toEqual([]);
      expect(await page.getByText('画面が異なる場合はお知らせください').count(), path).toBe(0);
      expect(await page.getByText('Screen looks different? Tell us').count(), path).toBe(0);
      expect(await page.locator('.site-organisation').count(), path).toBe(0);
    }
    for (const path of ['about/', 'en/about/']) {
      const page = await open(withoutSettings + path);
      expect(await page.locator('.site-organisation, .site-owner, .site-contact').count(), path).toBe(0);
    }
  });

  it('keeps the neutral greeting of the hand-off message', async () => {
    await storeReadyHandoff();
    const page = await open(`${withoutSettings}handoff/`);
    const message = page.locator('#handoff-message-text');
    await expect.poll(() => message.inputValue()).toMatch(/^お世話になっております。\nMicrosoft CSP/);
    await page.goto(`${withoutSettings}en/handoff/`);
    await expect.poll(() => message.inputValue()).toMatch(/^Hello,\n\nI am writing to let you know/);
  });
});
