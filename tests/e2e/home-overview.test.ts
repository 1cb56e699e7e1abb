import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { useBrowser, useTestPages } from './support/browser';
import { INDEX_KEY, progressKey, seedStorage, storedIndex } from './support/registrations';
import { declaredSteps, stepCount } from '../support/site';
import { GUIDE_IDS, type Lang } from '../../src/lib/guides';

/**
 * The home page as an overview of registrations (issue 16): with one registration (or none) it is
 * the list of guides it always was; with several, each registration's guides with their progress,
 * next step and waits, in the order of what needs attention soonest, every link opening the guide
 * on that registration (`?r=<id>`), following other tabs live. (Order: tests/unit/overview.test.ts.)
 */

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

/** A time in Japan, e.g. `jst('2026-11-24T10:00')`. */
const jst = (local: string) => new Date(`${local}:00+09:00`);
const NOW = jst('2026-11-24T10:00');

/** Three companies, created in this order: one done, one waiting for a review, one past a deadline. */
const DONE = { id: 'done1', name: '株式会社カンリョウ' };
const WAITING = { id: 'waiting2', name: '株式会社シンサチュウ' };
const LATE = { id: 'late3', name: 'Overdue Trading' };

/** Stored progress with the given ticks, by guide, each ticked at its time. */
function storedProgress(ticks: Record<string, Record<string, Date>>): string {
  return JSON.stringify({
    version: 3,
    guides: Object.fromEntries(
      Object.entries(ticks).map(([guide, steps]) => [
        guide,
        Object.fromEntries(Object.entries(steps).map(([step, at]) => [step, { tickedAt: at.toISOString() }])),
      ]),
    ),
    records: {},
  });
}

/** Every step of every guide ticked a week ago: a registration with nothing left to do. */
const everything = () =>
  Object.fromEntries(
    GUIDE_IDS.map((guide) => [
      guide,
      Object.fromEntries(declaredSteps(`${guide}.mdx`).map(({ id }) => [id, jst('2026-11-17T10:00')])),
    ]),
  );

const THREE_COMPANIES = {
  [INDEX_KEY]: storedIndex(DONE, WAITING, LATE),
  [progressKey(DONE.id)]: storedProgress(everything()),
  // The review of the Microsoft registration runs 3 to 5 business days from this tick.
  [progressKey(WAITING.id)]: storedProgress({
    microsoft: { 'ms-csp-confirm-contact-email': jst('2026-11-24T09:30') },
  }),
  // The HP confirmation code expired at 09:15.
  [progressKey(LATE.id)]: storedProgress({ hp: { 'hp-create-account': jst('2026-11-24T09:00') } }),
};

/** A browser whose storage holds `items` before any page runs (once: what pages change stays), its clock at NOW. */
async function browserWith(items: Record<string, string>): Promise<void> {
  const context = await pages.freshContext();
  await context.clock.setFixedTime(NOW);
  await seedStorage(context, items);
}

const TEXT = {
  ja: {
    prefix: '',
    thisTab: '（このタブ）',
    open: '切り替え・管理',
    add: '登録先を追加',
    addLabel: '新しい登録先の名前（会社名など）',
    late: '確認コードの入力期限: 目安・期限を過ぎています',
    review: '審査完了の目安',
    count: (done: number, total: number) => `${done} / ${total} ステップ完了`,
    current: (name: string) => `登録先: ${name}`,
  },
  en: {
    prefix: 'en/',
    thisTab: '(this tab)',
    open: 'Switch or manage',
    add: 'Add registration',
    addLabel: 'Name of the new registration (company name, for example)',
    late: 'Confirmation code deadline: overdue',
    review: 'Expected',
    count: (done: number, total: number) => `${done} of ${total} steps done`,
    current: (name: string) => `Registration: ${name}`,
  },
} as const;

const sections = (page: Page) => page.locator('.home-overview__registration');
const sectionOf = (page: Page, id: string) =>
  page.locator(`.home-overview__registration[data-registration="${id}"]`);

/** The ids of the overview's registrations, in the order shown. */
const shownOrder = (page: Page) =>
  sections(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-registration')),
  );

describe.each(['ja', 'en'] as const)('the home page in %s', (lang: Lang) => {
  const text = TEXT[lang];

  it('is unchanged in a fresh browser: the list of every guide, no registration, no overview code', async () => {
    await pages.freshContext();
    const page = await pages.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site + text.prefix);
    const count = page.locator('.home-progress__guide[data-guide="hp"] .checklist-panel__count');
    await expect.poll(() => count.textContent()).toBe(text.count(0, stepCount('hp.mdx')));
    expect(await page.locator('.home-progress__guide').count()).toBe(GUIDE_IDS.length);
    expect(await page.locator('.home-progress h3, .home-overview').count()).toBe(0);
    expect(await page.locator('.home-progress a[href*="?r="]').count()).toBe(0);
    expect(requested.filter((path) => /home-overview/.test(path))).toEqual([]);
  });

  it('with several registrations, lists them by what needs attention soonest, each link opening its registration', async () => {
    await browserWith(THREE_COMPANIES);
    const page = await pages.newPage();
    await page.goto(site + text.prefix);
    await expect.poll(() => shownOrder(page)).toEqual([LATE.id, WAITING.id, DONE.id]);
    expect(await page.locator('.home-progress > .home-progress__list').isHidden()).toBe(true);
    expect(await sections(page).locator('h3').allInnerTexts()).toEqual([
      LATE.name,
      WAITING.name,
      // A new tab starts on the oldest registration.
      `${DONE.name}${lang === 'en' ? ' ' : ''}${text.thisTab}`,
    ]);

    // What each waits for, under the guide concerned.
    const late = sectionOf(page, LATE.id);
    await expect
      .poll(() => late.locator('[data-guide="hp"] .home-progress__waits').textContent())
      .toContain(text.late);
    const waiting = sectionOf(page, WAITING.id);
    await expect
      .poll(() => waiting.locator('[data-guide="microsoft"] .home-progress__waits').textContent())
      .toContain(text.review);
    expect(await sectionOf(page, DONE.id).locator('.home-progress__waits').count()).toBe(0);
    for (const guide of GUIDE_IDS)
      expect(
        await sectionOf(page, DONE.id)
          .locator(`[data-guide="${guide}"] .checklist-panel__count`)
          .textContent(),
      ).toBe(text.count(stepCount(`${guide}.mdx`), stepCount(`${guide}.mdx`)));
    expect(await late.locator('[data-guide="hp"] .checklist-panel__count').textContent()).toBe(
      text.count(1, stepCount('hp.mdx')),
    );

    // Every link carries the registration it belongs to.
    for (const { id } of [DONE, WAITING, LATE]) {
      const hrefs = await sectionOf(page, id)
        .locator('a')
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThanOrEqual(GUIDE_IDS.length);
      for (const href of hrefs)
        expect(href).toMatch(new RegExp(`^/${text.prefix}[a-z]+/\\?r=${id}(#[a-z0-9-]+)?$`));
    }
    // The switcher says which registration this tab is on, on both home pages.
    await expect
      .poll(() => page.locator('.registration-switcher p').first().textContent())
      .toBe(text.current(DONE.name));
    expect(await axeViolations(page)).toEqual([]);

    // Following the late registration's HP link opens the guide on that registration.
    await late.locator('[data-guide="hp"] .home-progress__title').click();
    await page.waitForURL(new RegExp(`/${text.prefix}hp/\\?r=${LATE.id}$`));
    await expect.poll(() => page.locator('#check-hp-create-account').isChecked()).toBe(true);
    await expect
      .poll(() => page.locator('.registration-switcher p').first().textContent())
      .toBe(text.current(LATE.name));
  });

  it('becomes the overview when another tab adds a second registration, and follows its ticks live', async () => {
    await browserWith({
      [INDEX_KEY]: storedIndex(WAITING),
      [progressKey(WAITING.id)]: storedProgress({
        hp: { 'hp-open-registration-page': jst('2026-11-20T10:00') },
      }),
    });
    const home = await pages.newPage();
    await home.goto(site + text.prefix);
    const count = home.locator(
      '.home-progress > .home-progress__list [data-guide="hp"] .checklist-panel__count',
    );
    await expect.poll(() => count.textContent()).toBe(text.count(1, stepCount('hp.mdx')));
    expect(await home.locator('.home-overview').count()).toBe(0);

    // Another tab adds a registration in the switcher's dialog, and ticks two HP steps on it.
    const other = await pages.newPage();
    await other.goto(`${site}${text.prefix}hp/`);
    await other.getByRole('button', { name: text.open }).click();
    await other.getByLabel(text.addLabel).fill('Second Company');
    await other.getByRole('button', { name: text.add }).click();
    await expect
      .poll(() => other.locator('.registration-switcher p').first().textContent())
      .toBe(text.current('Second Company'));
    await expect.poll(() => sections(home).count()).toBe(2);
    const second = await other.evaluate(
      () => sessionStorage.getItem('partner-guides:tab-registration') ?? '',
    );
    await expect.poll(() => shownOrder(home)).toEqual([WAITING.id, second]);
    expect(await home.locator('.home-overview__intro').isVisible()).toBe(true);

    await other.keyboard.press('Escape');
    await other.locator('#check-hp-open-registration-page').check();
    await other.locator('#check-hp-download-application-form').check();
    await expect
      .poll(() => sectionOf(home, second).locator('[data-guide="hp"] .checklist-panel__count').textContent())
      .toBe(text.count(2, stepCount('hp.mdx')));
    // Both are in progress, with nothing to wait for: creation order.
    expect(await shownOrder(home)).toEqual([WAITING.id, second]);
  });
});
