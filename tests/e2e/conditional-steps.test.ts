import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';
import { declaredSteps, stepCount } from '../support/site';

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

/** A time in Japan, e.g. `jst('2026-04-28T10:00')`. */
const jst = (local: string) => new Date(`${local}:00+09:00`);

/** Opens a guide whose clock reads `time`, once its checkboxes are live. */
async function openGuide(path: string, time = jst('2026-04-28T10:00')): Promise<Page> {
  const context = await pages.freshContext();
  await context.clock.setFixedTime(time);
  const page = await pages.newPage();
  await page.goto(site + path);
  await expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBeGreaterThan(0);
  return page;
}

const box = (page: Page, stepId: string) => page.locator(`#check-${stepId}`);
const count = (page: Page) => page.locator('.checklist-panel__count').textContent();
const next = (page: Page) => page.locator('.checklist-panel__next').textContent();
const nextHref = (page: Page) => page.locator('.checklist-panel__next a').getAttribute('href');
const notices = (page: Page, stepId: string) =>
  page.locator(`[data-step-id="${stepId}"] .wait-notice`).allTextContents();

const LANGS = [
  {
    prefix: '',
    count: (done: number, total: number) => `${done} / ${total} ステップ完了`,
    allDone: 'すべてのステップが完了しました。',
    onlyIf: '該当する場合のみ：',
  },
  {
    prefix: 'en/',
    count: (done: number, total: number) => `${done} of ${total} steps done`,
    allDone: 'All steps are done.',
    onlyIf: 'Only if ',
  },
];

describe('conditional steps', () => {
  it.each(LANGS)(
    'the Microsoft guide is complete with every step but the conditional ones ($prefix)',
    async ({ prefix, count: counted, allDone, onlyIf }) => {
      const page = await openGuide(`${prefix}microsoft/`);
      const steps = declaredSteps(`${prefix}microsoft.mdx`);
      const total = stepCount(`${prefix}microsoft.mdx`);
      // Contacting support is for those whose review is stuck: everything else done, the guide is.
      const everyoneDoes = steps.filter(
        (step) => !step.conditional && step.id !== 'ms-review-contact-support',
      );
      for (const step of everyoneDoes) await box(page, step.id).check();
      await expect.poll(() => count(page)).toBe(counted(total, total));
      expect(await next(page)).toBe(allDone);
      expect(await box(page, 'ms-review-contact-support').isChecked()).toBe(false);

      // Each conditional step says so, with its condition, in its title (the label of its box).
      const conditional = steps.filter((step) => step.conditional);
      expect(conditional.map((step) => step.id)).toContain('ms-review-contact-support');
      for (const step of conditional) {
        expect(await page.locator(`label[for="check-${step.id}"]`).textContent()).toContain(onlyIf);
      }
      // The printed checklist shows the condition too.
      await page.emulateMedia({ media: 'print' });
      const when = page.locator('[data-step-id="ms-review-contact-support"] .guide-step__when');
      expect(await when.isVisible()).toBe(true);
      expect(await when.textContent()).toContain(onlyIf);
      await page.emulateMedia({ media: 'screen' });

      // A conditional step can still be ticked; the count does not change.
      await box(page, 'ms-review-contact-support').check();
      await expect.poll(() => box(page, 'ms-review-contact-support').isChecked()).toBe(true);
      expect(await count(page)).toBe(counted(total, total));
    },
  );

  it('never offers a conditional step as the next one', async () => {
    const page = await openGuide('microsoft/');
    const steps = declaredSteps('microsoft.mdx');
    const support = steps.findIndex((step) => step.id === 'ms-review-contact-support');
    for (const step of steps.slice(0, support)) await box(page, step.id).check();
    const after = steps.slice(support + 1).find((step) => !step.conditional);
    await expect.poll(() => nextHref(page)).toBe(`#${after?.id}`);

    // The home page's card says the same.
    await page.goto(site);
    const card = page.locator('.home-progress__guide[data-guide="microsoft"] .checklist-panel__next a');
    await expect.poll(() => card.getAttribute('href')).toBe(`/microsoft/#${after?.id}`);
  });

  it('keeps the review estimate until the step that says 「アクティブ」 is shown is ticked', async () => {
    const page = await openGuide('microsoft/');
    await box(page, 'ms-csp-confirm-contact-email').check();
    await expect
      .poll(() => notices(page, 'ms-review-check-status'))
      .toContainEqual(expect.stringContaining('審査完了の目安: 5月7日（木）〜5月11日（月）'));

    // The step that ends the wait says in its title what ticking it means.
    expect(await page.locator('label[for="check-ms-review-check-status"]').textContent()).toContain(
      '「アクティブ」',
    );
    // Contacting support while the review is pending does not end it.
    await box(page, 'ms-review-contact-support').check();
    await expect.poll(() => box(page, 'ms-review-contact-support').isChecked()).toBe(true);
    expect(await notices(page, 'ms-review-check-status')).toContainEqual(
      expect.stringContaining('審査完了の目安: 5月7日（木）〜5月11日（月）'),
    );
    expect(await count(page)).toBe(`1 / ${stepCount('microsoft.mdx')} ステップ完了`);

    await box(page, 'ms-review-check-status').check();
    await expect.poll(() => notices(page, 'ms-review-check-status')).toEqual([]);
  });

  it('keeps the 15-minute code deadline of method 2 when method 1 is only clicked', async () => {
    const page = await openGuide('hp/', jst('2026-11-24T10:00'));
    await box(page, 'hp-create-account').check();
    await expect
      .poll(() => notices(page, 'hp-confirm-with-code'))
      .toContainEqual(expect.stringContaining('確認コードの入力期限: 11月24日（火） 10:15'));

    // Clicking the button may not work (then method 2 is needed): the code's deadline stays.
    await box(page, 'hp-confirm-with-mail-button').check();
    await expect.poll(() => notices(page, 'hp-confirm-with-mail-button')).toEqual([]);
    expect(await notices(page, 'hp-confirm-with-code')).toContainEqual(
      expect.stringContaining('確認コードの入力期限'),
    );

    // Reaching the confirmation-complete screen, by either method, ends it.
    await box(page, 'hp-wait-for-automatic-login').check();
    await expect.poll(() => notices(page, 'hp-confirm-with-code')).toEqual([]);
  });
});
