import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';
import { countTimerCallbacks, timerCallbacksRun } from '../support/timer-callbacks';

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
const pages = useTestPages(useBrowser());

/** A time in Japan, e.g. `jst('2026-04-28T10:00')`. */
const jst = (local: string) => new Date(`${local}:00+09:00`);
/** `time` plus minutes and seconds. */
const later = (time: Date, minutes: number, seconds = 0) =>
  new Date(time.getTime() + minutes * 60_000 + seconds * 1000);

/** Every element that shows waits: the steps' notices, the panel's line, the home page's list. */
const WAIT_DISPLAYS = '.wait-notices, .checklist-panel__wait, .home-progress';

/**
 * Opens `path` with Playwright's clock installed at `time` (running until a test pauses it) and the
 * page's timer callbacks counted, optionally with progress stored; returns once the page is settled,
 * 5 s later by its clock.
 */
async function openAt(path: string, time: Date, progress?: object): Promise<Page> {
  const context = await pages.freshContext();
  await context.clock.install({ time });
  await context.addInitScript(countTimerCallbacks);
  if (progress)
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      KEY,
      JSON.stringify(progress),
    ] as const);
  const page = await pages.newPage();
  await page.goto(site + path);
  await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
  await page.waitForLoadState('networkidle');
  // Stores read once while loading stop a second later (nanostores' unmount delay): let those go.
  await page.clock.runFor(5_000);
  return page;
}

/** Starts counting DOM changes inside the elements matching `selector`; returns how to read the count. */
async function countMutations(page: Page, selector: string): Promise<() => Promise<number>> {
  const name = `__mutations${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ([selector, name]) => {
      const counter = { records: 0 };
      Object.assign(window, { [name]: counter });
      const observer = new MutationObserver((records) => (counter.records += records.length));
      for (const element of document.querySelectorAll(selector))
        observer.observe(element, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    [selector, name] as const,
  );
  return () =>
    page.evaluate((name) => (window as unknown as Record<string, { records: number }>)[name]!.records, name);
}

/**
 * Resolves once the browser has delivered the intersection changes of the last scroll: a new
 * observer's first report comes in the same rendering update as the page's own observers' reports.
 */
function intersectionsDelivered(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const observer = new IntersectionObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body);
      }),
  );
}

/**
 * How far the clock must move for the islands to catch up with a change of their store: they
 * re-render from a 0 ms timer (@nanostores/preact batches) and run their effects after the next
 * frame (Preact), which a paused clock runs only as it moves.
 */
const CATCH_UP_MS = 20;

/** Moves the paused clock on by `ms`, then lets the islands catch up. */
async function runFor(page: Page, ms: number): Promise<void> {
  await page.clock.runFor(ms);
  await page.clock.runFor(CATCH_UP_MS);
}

/** Pretends the tab is hidden (`true`) or shown again, as switching tabs or minimising does. */
function setHidden(page: Page, hidden: boolean): Promise<void> {
  return page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', {
      value: hidden ? 'hidden' : 'visible',
      configurable: true,
    });
    Object.defineProperty(document, 'hidden', { value: hidden, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/** The HP guide, its account created at `STARTED`: the 15-minute code and the 48-hour link are running. */
const STARTED = jst('2026-11-24T10:00');
const HP_STARTED = {
  version: 3,
  guides: { hp: { 'hp-create-account': { tickedAt: STARTED.toISOString() } } },
  records: {},
};
const codeLine = (page: Page) => page.locator('[data-step-id="hp-confirm-with-code"] .wait-notice__when');

/**
 * The HP guide counting down, the code's notice scrolled into view and the clock paused `minutes`
 * and half a second in (half-way through a second, so that catching up does not cross one).
 */
async function hpCountingDown(minutes: number): Promise<Page> {
  const page = await openAt('hp/', STARTED, HP_STARTED);
  await codeLine(page).scrollIntoViewIfNeeded();
  await intersectionsDelivered(page);
  await page.clock.pauseAt(later(STARTED, minutes, 0.5));
  await runFor(page, 0);
  expect(await codeLine(page).textContent()).toContain(`残り ${15 - minutes}分00秒`);
  return page;
}

describe('the clock sleeps when nothing moves on screen', () => {
  it.each(['microsoft/', 'hp/', 'en/microsoft/', ''])(
    '/%s with nothing waiting runs no timer and re-renders nothing for minutes',
    async (path) => {
      const page = await openAt(path, jst('2026-04-28T10:00'));
      const mutations = await countMutations(page, WAIT_DISPLAYS);
      const timersBefore = await timerCallbacksRun(page);
      await page.clock.runFor('05:00');
      expect(await timerCallbacksRun(page), 'timer callbacks in 5 minutes').toBe(timersBefore);
      expect(await mutations()).toBe(0);
    },
  );

  it('counts a 15-minute deadline down on screen second by second, and turns it late on the second', async () => {
    const page = await hpCountingDown(1);
    for (const left of ['13分59秒', '13分58秒', '13分57秒']) {
      await runFor(page, 1000 - CATCH_UP_MS);
      expect(await codeLine(page).textContent()).toContain(`残り ${left}`);
    }
    // Each second: one change of the text, from one wake-up of the clock, one re-render of the notice
    // and one run of its effects (the panel's line, off screen, sleeps).
    const changes = await countMutations(page, '[data-step-id="hp-confirm-with-code"] .wait-notice__when');
    const timersBefore = await timerCallbacksRun(page);
    await runFor(page, 10_000 - CATCH_UP_MS);
    expect(await codeLine(page).textContent()).toContain('残り 13分47秒');
    expect(await changes()).toBe(10);
    expect(await timerCallbacksRun(page)).toBeLessThanOrEqual(timersBefore + 3 * 10);

    await page.clock.pauseAt(later(STARTED, 14, 59.5));
    await runFor(page, 0);
    expect(await codeLine(page).textContent()).toContain('残り 0分01秒');
    expect(await page.locator('[data-wait="hp-confirmation-code"].wait-notice--late').count()).toBe(0);
    await runFor(page, 1000 - CATCH_UP_MS);
    expect(
      await page
        .locator('[data-step-id="hp-confirm-with-code"] .wait-notice--late .wait-notice__late')
        .textContent(),
    ).toContain('確認コードの入力期限（メール送付後15分）が切れました。');
  });

  it('stops a countdown scrolled out of view, and shows the right time at once when it is back', async () => {
    const page = await hpCountingDown(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await intersectionsDelivered(page);
    const mutations = await countMutations(page, '[data-step-id="hp-confirm-with-code"] .wait-notices');
    const timersBefore = await timerCallbacksRun(page);
    await runFor(page, 5 * 60_000);
    expect(await mutations(), 'changes to the notice out of view').toBe(0);
    // The panel's line, on screen, counts the 48-hour link down by the minute: a wake-up and a
    // re-render each minute.
    expect(await timerCallbacksRun(page)).toBeLessThanOrEqual(timersBefore + 2 * 5);
    expect(await page.locator('.checklist-panel__wait').textContent()).toContain('残り 47時間54分');

    // Back in view, with the clock moved only for the islands to catch up: the time left is the time now.
    await codeLine(page).scrollIntoViewIfNeeded();
    await intersectionsDelivered(page);
    await runFor(page, 0);
    expect(await codeLine(page).textContent()).toContain('残り 9分00秒');
  });

  it('stops while the tab is hidden, and shows the right time at once when it is shown again', async () => {
    const page = await hpCountingDown(1);
    await setHidden(page, true);
    const mutations = await countMutations(page, WAIT_DISPLAYS);
    const timersBefore = await timerCallbacksRun(page);
    await runFor(page, 5 * 60_000);
    expect(await timerCallbacksRun(page), 'timer callbacks while hidden').toBe(timersBefore);
    expect(await mutations()).toBe(0);

    await setHidden(page, false);
    await runFor(page, 0);
    expect(await codeLine(page).textContent()).toContain('残り 9分00秒');
  });

  it('wakes for a business-day window only when it turns late, at midnight in Japan', async () => {
    // Started on Tue 28 Apr 2026: expected 7–11 May (Golden Week), late from 00:00 on Tue 12 May.
    const started = jst('2026-04-28T10:00');
    const page = await openAt('en/microsoft/', later(started, 5), {
      version: 3,
      guides: { microsoft: { 'ms-csp-confirm-contact-email': { tickedAt: started.toISOString() } } },
      records: {},
    });
    const review = page.locator('[data-step-id="ms-review-check-status"] [data-wait="ms-review"]');
    await review.scrollIntoViewIfNeeded();
    await intersectionsDelivered(page);
    await expect.poll(() => review.textContent()).toContain('Expected: Thu 7 May – Mon 11 May');
    await page.clock.pauseAt(later(started, 10));
    const timersBefore = await timerCallbacksRun(page);
    await runFor(page, 10 * 60_000);
    expect(await timerCallbacksRun(page), 'timer callbacks in 10 minutes').toBe(timersBefore);

    await page.clock.pauseAt(new Date(jst('2026-05-12T00:00').getTime() - 1000));
    await runFor(page, 0);
    expect(await review.getAttribute('class')).not.toContain('wait-notice--late');
    await runFor(page, 1000 - CATCH_UP_MS);
    expect(await review.getAttribute('class')).toContain('wait-notice--late');
    expect(await review.textContent()).toContain('The expected 3–5 business days have passed.');
  });
});
