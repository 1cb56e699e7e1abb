import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { islandsNearViewportHydrated, useBrowser, useTestPages } from './support/browser';

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
const pages = useTestPages(useBrowser());

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

/**
 * Microsoft's enrollments confirmed and HP's account created an hour ago: the review and the
 * 「リセラー」 tab notices show on the Microsoft review step, HP's two email deadlines on its two
 * confirmation steps.
 */
function waitsRunning(): string {
  const tick = { tickedAt: hourAgo() };
  return JSON.stringify({
    version: 3,
    guides: {
      microsoft: { 'ms-csp-confirm-contact-email': tick },
      hp: { 'hp-create-account': tick },
    },
    records: {},
  });
}

/** Every Microsoft step up to the review ticked an hour ago: no wait runs, the next step is support. */
function reviewDone(stepIds: string[]): string {
  const ticks = stepIds.slice(0, stepIds.indexOf('ms-review-check-status') + 1);
  return JSON.stringify({
    version: 3,
    guides: { microsoft: Object.fromEntries(ticks.map((id) => [id, { tickedAt: hourAgo() }])) },
    records: {},
  });
}

/** A page in a fresh browser profile holding `progress`, `width` px wide. */
async function openPage(progress: string | undefined, width = 1280): Promise<Page> {
  const context = await pages.freshContext({ viewport: { width, height: 800 } });
  if (progress)
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, progress] as const);
  return pages.newPage();
}

/** Waits until the islands near the viewport have hydrated and the holiday files have arrived, with or without notices. */
async function settle(page: Page, notices: boolean): Promise<void> {
  await islandsNearViewportHydrated(page);
  await page.waitForLoadState('networkidle');
  if (notices) await expect.poll(() => page.locator('.wait-notice').count()).toBeGreaterThan(0);
  else expect(await page.locator('.wait-notice').count()).toBe(0);
}

/**
 * How far the element `id` is from where following a link to it puts it: right under the sticky
 * header (the root's scroll padding) and its own scroll margin, or as near as the end of the page
 * allows. NaN when there is no such element.
 */
const offsetFromLanding = (page: Page, id: string) =>
  page.evaluate((id) => {
    const target = document.getElementById(id);
    if (!target) return NaN;
    const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    const offset = Math.round(target.getBoundingClientRect().top - padding - margin);
    // A target near the end of the page stays lower: the page cannot scroll past its end.
    const atEnd = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight;
    return offset > 0 && atEnd ? 0 : offset;
  }, id);

/** The target is at the top of the viewport once the page has settled, and stays there. */
async function expectAtTop(page: Page, id: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${id}`);
  await expect.poll(async () => Math.abs(await offsetFromLanding(page, id))).toBeLessThanOrEqual(2);
  await page.waitForLoadState('networkidle');
  expect(Math.abs(await offsetFromLanding(page, id))).toBeLessThanOrEqual(2);
}

describe('links land where they point', () => {
  describe.each([
    ['ja', ''],
    ['en', 'en/'],
  ] as const)('%s', (_lang, prefix) => {
    it.each([
      ['with wait notices above it', true],
      ['without notices', false],
    ] as const)('a bookmark to a step puts the step at the top, %s', async (_case, notices) => {
      const page = await openPage(notices ? waitsRunning() : undefined);
      await page.goto(`${site}${prefix}microsoft/#ms-mpa-accept`);
      await settle(page, notices);
      await expectAtTop(page, 'ms-mpa-accept');
    });

    it('a bookmark on a phone puts the step at the top with notices above it', async () => {
      const page = await openPage(waitsRunning(), 390);
      await page.goto(`${site}${prefix}microsoft/#ms-mpa-accept`);
      await settle(page, true);
      await expectAtTop(page, 'ms-mpa-accept');
    });

    it("the home page's link to a wait lands on its step with another notice above it", async () => {
      const page = await openPage(waitsRunning());
      await page.goto(site + prefix);
      const link = page.locator(
        '.home-progress__guide[data-guide="hp"] .home-progress__waits [data-wait="hp-confirmation-code"] a',
      );
      await link.click();
      await page.waitForURL((url) => url.hash !== '');
      await settle(page, true);
      // The other deadline's notice is on the step before, above the target.
      expect(await page.locator('[data-step-id="hp-confirm-with-mail-button"] .wait-notice').count()).toBe(1);
      await expectAtTop(page, 'hp-confirm-with-code');
    });

    it("the home page's next step link lands on the step without notices", async () => {
      const probe = await openPage(undefined);
      await probe.goto(`${site}${prefix}microsoft/`);
      const stepIds = await probe
        .locator('.guide-step')
        .evaluateAll((steps) => steps.map((step) => step.getAttribute('data-step-id') ?? ''));
      const page = await openPage(reviewDone(stepIds));
      await page.goto(site + prefix);
      const next = page.locator('.home-progress__guide[data-guide="microsoft"] .checklist-panel__next a');
      const target = (await next.evaluate((link: HTMLAnchorElement) => link.hash)).slice(1);
      await next.click();
      await page.waitForURL((url) => url.hash !== '');
      await settle(page, false);
      await expectAtTop(page, target);
    });

    it.each([
      ['with wait notices above it', true],
      ['without notices', false],
    ] as const)("/handoff/'s links about a record land on the record's field, %s", async (_case, notices) => {
      const page = await openPage(notices ? waitsRunning() : undefined);
      await page.goto(`${site}${prefix}handoff/`);
      const fromTable = page.locator('.handoff-records tr[data-field="ms-mpa-accepted-on"] a');
      await fromTable.click();
      await page.waitForURL((url) => url.hash !== '');
      await settle(page, notices);
      await expectAtTop(page, 'record-field-ms-mpa-accepted-on');
      expect(await page.locator('#record-field-ms-mpa-accepted-on #record-ms-mpa-accepted-on').count()).toBe(
        1,
      );

      // The list of values the message still needs links each of them to its field too.
      await page.goto(`${site}${prefix}handoff/`);
      await page.locator('.handoff-message[data-state="missing"]').waitFor();
      const missing = await page
        .locator('.handoff-message[data-state="missing"] a')
        .evaluateAll((links) =>
          links.map((link) => new URL(link.getAttribute('href') ?? '', location.href).hash),
        );
      expect(missing.length).toBeGreaterThan(0);
      for (const hash of missing) expect(hash).toMatch(/^#record-field-/);
      await page
        .locator(`.handoff-message[data-state="missing"] a[href$="#record-field-ms-mpa-accepted-on"]`)
        .click();
      await page.waitForURL((url) => url.hash !== '');
      await settle(page, notices);
      await expectAtTop(page, 'record-field-ms-mpa-accepted-on');
    });
  });
  it('leaves the page where the reader scrolled to before the notices appeared', async () => {
    const page = await openPage(waitsRunning());
    // The review's notice waits for the holidays: hold them until the reader has scrolled.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/holidays/*.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site}microsoft/#ms-mpa-accept`);
    await islandsNearViewportHydrated(page);
    const landed = await page.evaluate(() => scrollY);
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(landed);
    const scrolled = await page.evaluate(() => scrollY);

    release();
    await expect.poll(() => page.locator('.wait-notice[data-wait="ms-review"]').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  });
});
