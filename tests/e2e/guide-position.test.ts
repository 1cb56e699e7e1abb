import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';
import { declaredSteps } from '../support/site';

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

/** A time in Japan, e.g. `jst('2026-04-28T10:00')`. */
const jst = (local: string) => new Date(`${local}:00+09:00`);

const hydrated = (page: Page) =>
  expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBeGreaterThan(0);

/**
 * The Microsoft guide in the middle of the review: every step up to the CSP enrollment's last one
 * ticked on 28 April 2026 at 10:00 in Japan, so the review is expected on 7–11 May (Golden Week).
 */
async function duringReview(): Promise<Page> {
  const context = await pages.freshContext();
  await context.clock.setFixedTime(jst('2026-04-28T10:00'));
  const page = await pages.newPage();
  await page.goto(`${site}microsoft/`);
  await hydrated(page);
  const steps = declaredSteps('microsoft.mdx');
  const last = steps.findIndex((step) => step.id === 'ms-csp-confirm-contact-email');
  for (const step of steps.slice(0, last + 1)) await page.locator(`#check-${step.id}`).check();
  return page;
}

/** Each phase of the timeline: the mark it shows (visible text, if any) and its aria-current. */
function phases(page: Page) {
  return page.locator('.tl li[data-steps]').evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector('a')!;
      const shown = [...item.querySelectorAll('i')].filter((mark) => mark.checkVisibility());
      return {
        mark: shown.map((mark) => mark.textContent).join(),
        current: link.getAttribute('aria-current'),
      };
    }),
  );
}

describe('the top of a guide says where you are', () => {
  it.each([
    { prefix: '', headline: '審査完了の目安: 5月7日（木）〜5月11日（月）', done: '完了', current: '現在' },
    { prefix: 'en/', headline: 'Expected: Thu 7 May – Mon 11 May', done: 'Done', current: 'Current' },
  ])('shows the running wait in the panel and marks the phases ($prefix)', async (lang) => {
    const page = await duringReview();
    if (lang.prefix) {
      await page.goto(`${site}${lang.prefix}microsoft/`);
      await hydrated(page);
    }
    const wait = page.locator('.checklist-panel .checklist-panel__wait a');
    await expect.poll(() => wait.textContent()).toBe(lang.headline);
    expect(await wait.getAttribute('href')).toBe('#ms-review-check-status');

    await expect
      .poll(async () => (await phases(page)).map((phase) => phase.mark))
      .toEqual([lang.done, lang.done, lang.done, lang.done, lang.current, '', '']);
    const marked = await phases(page);
    expect(marked.map((phase) => phase.current)).toEqual([null, null, null, null, 'step', null, null]);
    // The accessible name of the current phase's link says so.
    const currentLink = page.locator('.tl a[aria-current="step"]');
    expect(await currentLink.textContent()).toContain(lang.current);

    // Printed, the marks are there too.
    await page.emulateMedia({ media: 'print' });
    expect((await phases(page)).map((phase) => phase.mark)).toEqual(marked.map((phase) => phase.mark));
  });

  it('shows no wait and no mark before anything is ticked, and no wait once the review is over', async () => {
    const context = await pages.freshContext();
    await context.clock.setFixedTime(jst('2026-04-28T10:00'));
    const page = await pages.newPage();
    await page.goto(`${site}microsoft/`);
    await hydrated(page);
    expect(await page.locator('.checklist-panel__wait').textContent()).toBe('');
    await expect
      .poll(async () => (await phases(page)).map((phase) => phase.mark).join('|'))
      .toBe(['現在', '', '', '', '', '', ''].join('|'));

    const during = await duringReview();
    await during.locator('#check-ms-review-check-status').check();
    await expect.poll(() => during.locator('.checklist-panel__wait').textContent()).toBe('');
  });
});
