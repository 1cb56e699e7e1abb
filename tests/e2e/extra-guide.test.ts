import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';

/**
 * The site built with one more guide that exists only as test content (tests/fixtures/extra-guide/,
 * built by `npm run build:fixture` into dist-fixture/): the invented vendor Acme, its registry file,
 * pages, wait and troubleshooting entry, added with no change to the code. Each check is what a new
 * guide must get for free.
 */
const site = inject('fixtureUrl');
const KEY = 'partner-guides:progress';
/** Where progress seeded under KEY (as stored before registrations) is once a page moved it: registration 1. */
const FIRST_REGISTRATION = 'partner-guides:progress:1';
const pages = useTestPages(useBrowser());

const STEPS = [
  'ac-open-portal',
  'ac-submit-registration',
  'ac-confirm-mail',
  'ac-note-partner-id',
  'ac-sign-in',
];

/** Stored progress (version 3) with the first Acme step ticked and its Partner ID noted. */
const PROGRESS = JSON.stringify({
  version: 3,
  guides: { acme: { 'ac-open-portal': { tickedAt: '2026-11-20T01:00:00.000Z' } } },
  records: { 'ac-partner-id': { value: '7654321', updatedAt: '2026-11-20T01:00:00.000Z' } },
});

/** Opens a page of the fixture site in a fresh context, with stored progress if given. */
async function open(path: string, options: { progress?: string; context?: BrowserContextOptions } = {}) {
  const context = await pages.freshContext(options.context);
  if (options.progress)
    await context.addInitScript(
      ([key, value]) => localStorage.setItem(key!, value!),
      [KEY, options.progress],
    );
  const page = await pages.newPage();
  await page.goto(site + path);
  return page;
}

/** Waits until the page's checkboxes are live (hydrated). */
async function hydrated(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBe(STEPS.length);
}

const stepIds = (page: Page) =>
  page.locator('.guide-step').evaluateAll((steps) => steps.map((step) => step.getAttribute('data-step-id')));
const box = (page: Page, stepId: string) => page.locator(`#check-${stepId}`);
const count = (page: Page) => page.locator('.checklist-panel__count').first().textContent();

describe('a guide added with content and data files only', () => {
  it('gets a checklist of its five steps that ticks and keeps its ticks', async () => {
    const page = await open('acme/');
    await hydrated(page);
    expect(await stepIds(page)).toEqual(STEPS);
    await expect.poll(() => count(page)).toBe('0 / 5 ステップ完了');

    await box(page, 'ac-open-portal').check();
    await expect.poll(() => count(page)).toBe('1 / 5 ステップ完了');
    expect(await page.locator('.checklist-panel__next a').getAttribute('href')).toBe(
      '#ac-submit-registration',
    );

    await page.reload();
    await hydrated(page);
    expect(await box(page, 'ac-open-portal').isChecked()).toBe(true);
    await expect.poll(() => count(page)).toBe('1 / 5 ステップ完了');
  });

  it('has its English twin, and the home page and sidebar list it with its progress', async () => {
    const page = await open('en/acme/');
    await hydrated(page);
    expect(await stepIds(page)).toEqual(STEPS);
    expect(await page.locator('h1').textContent()).toBe('Acme Partner Portal registration');
    await box(page, 'ac-open-portal').check();
    await expect.poll(() => count(page)).toBe('1 of 5 steps done');

    await page.goto(`${site}en/`);
    const acme = page.locator('.home-progress__guide[data-guide="acme"]');
    await expect.poll(() => acme.locator('.checklist-panel__count').textContent()).toBe('1 of 5 steps done');
    expect(await acme.locator('.checklist-panel__next a').getAttribute('href')).toBe(
      '/en/acme/#ac-submit-registration',
    );
    // After the three guides of the site, in the registry's order.
    expect(
      await page
        .locator('.home-progress__guide')
        .evaluateAll((guides) => guides.map((guide) => guide.getAttribute('data-guide'))),
    ).toEqual(['hp', 'microsoft', 'redhat', 'acme']);
    const sidebarLink = page.locator('.sidebar-content a[href="/en/acme/"]');
    expect(await sidebarLink.textContent().then((text) => text?.trim())).toBe(
      'Acme Partner Portal registration',
    );
  });

  it('says at its top which source it follows and when it was last checked against the screens', async () => {
    const page = await open('acme/');
    const note = () => page.locator('.guide-source').textContent();
    await expect
      .poll(note)
      .toContain('出典：Acme パートナーポータル 登録手順（テスト用の架空の資料）（版・作成日の記載なし）。');
    expect(await note()).toContain('このガイドは 2025年3月14日 に実際の画面と照合しました。');
    expect(await note()).not.toContain('まだ実際の画面と照合していません');
    await page.goto(`${site}en/acme/`);
    await expect
      .poll(note)
      .toContain('This guide was last checked against the live screens on 14 March 2025.');
    expect(await note()).toContain('may have changed since');
  });

  it('shows its 24-hour deadline on the waiting step once the starting step is ticked', async () => {
    const context = await pages.freshContext();
    await context.clock.setFixedTime(new Date('2026-11-24T10:00:00+09:00'));
    const page = await pages.newPage();
    await page.goto(`${site}acme/`);
    await hydrated(page);
    const notice = page.locator('[data-step-id="ac-confirm-mail"] .wait-notice');
    expect(await notice.count()).toBe(0);
    expect(await page.locator('.tl .w').allTextContents()).toEqual([
      '期限：24時間以内（確認メールのリンク）',
    ]);

    await box(page, 'ac-submit-registration').check();
    await expect
      .poll(() => notice.textContent())
      .toContain('確認メールのリンクの期限: 11月25日（水） 10:00（残り 24時間0分）');

    // A notice follows the clock while it is in view.
    await notice.scrollIntoViewIfNeeded();
    await page.clock.setFixedTime(new Date('2026-11-25T10:00:00+09:00'));
    await expect
      .poll(() => notice.textContent())
      .toContain('確認メールのリンクは、送信から24時間が過ぎたため無効になりました。');
    expect(
      await notice.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href'))),
    ).toContain('/troubleshooting/#ac-confirmation-link-expired');
  });

  it('takes a valid Partner ID in its record field and refuses an invalid one', async () => {
    const page = await open('en/acme/');
    const field = page.getByLabel('Acme Partner ID', { exact: true });
    // Record fields are drawn as the reader scrolls to them.
    await field.scrollIntoViewIfNeeded();
    await expect.poll(() => field.isEnabled()).toBe(true);
    await field.fill('7654321');
    await field.press('Tab');
    await expect
      .poll(() => page.locator('.record-fields [role="status"]').allTextContents())
      .toContain('Saved “Acme Partner ID”.');

    await field.fill('AC-12');
    await field.press('Tab');
    await expect
      .poll(() => page.locator('#record-ac-partner-id-message').textContent())
      .toBe('This site notes a Partner ID as digits only: leave out any other characters.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.evaluate(
        (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown,
        FIRST_REGISTRATION,
      ),
    ).toMatchObject({ records: { 'ac-partner-id': { value: '7654321' } } });
  });

  it('links its troubleshooting entry to its step and back', async () => {
    const page = await open('troubleshooting/');
    const entry = page.locator('.faq-entry[data-faq-id="ac-confirmation-link-expired"]');
    expect(await entry.locator('h3').textContent()).toBe('確認メールのリンクの期限（24時間）が切れた');
    // Under a section of its own, named after the vendor and listed in the page's contents.
    expect(await page.locator('h2#acme').textContent()).toBe('Acme');
    expect(await page.locator('starlight-toc a[href="#acme"]').count()).toBe(1);

    await entry.locator('a[href="/acme/#ac-confirm-mail"]').first().click();
    await page.waitForURL(`${site}acme/#ac-confirm-mail`);
    const help = page.locator('[data-step-id="ac-confirm-mail"] .guide-step__help a');
    expect(await help.textContent()).toBe('確認メールのリンクの期限（24時間）が切れた');
    await help.click();
    await page.waitForURL(`${site}troubleshooting/#ac-confirmation-link-expired`);
    expect(await page.locator('#ac-confirmation-link-expired').isVisible()).toBe(true);
  });

  it('is found by the site search with a word from one of its steps', async () => {
    const page = await open('en/');
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('#starlight__search input').fill('Roadrunner');
    const results = page.locator('#starlight__search .pagefind-ui__result-link');
    await expect
      .poll(() => results.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? '')))
      .toContain('/en/acme/');
  });

  it('prints as a checklist with its ticks and its record', async () => {
    const page = await open('acme/', {
      progress: PROGRESS,
      context: { viewport: { width: 1280, height: 900 } },
    });
    await expect.poll(() => box(page, 'ac-open-portal').isChecked()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar-content').first().isVisible()).toBe(false);
    // The step's text (its first paragraph; this build's settings add a report link after it).
    expect(
      await page.locator('[data-step-id="ac-open-portal"] .guide-step__body p').first().isVisible(),
    ).toBe(false);
    for (const step of STEPS) expect(await box(page, step).isVisible()).toBe(true);
    expect(await page.locator('[data-step-id="ac-open-portal"] .guide-step__status').textContent()).toBe(
      '2026/11/20(金) 10:00 に完了',
    );
    const field = page.getByLabel('Acme パートナー ID', { exact: true });
    expect(await field.isVisible()).toBe(true);
    await expect.poll(() => field.inputValue()).toBe('7654321');
    expect(await page.locator('h2#登録を確定する').isVisible()).toBe(true);
  });

  it('has its record field in the hand-off page’s table', async () => {
    const page = await open('handoff/', { progress: PROGRESS });
    const row = page.locator('.handoff-records tr[data-field="ac-partner-id"]');
    await expect.poll(() => row.locator('.handoff-records__value').textContent()).toBe('7654321');
    expect(await row.locator('th').textContent()).toBe('Acme パートナー ID');
    expect(await row.locator('a').getAttribute('href')).toBe('/acme/#record-field-ac-partner-id');
    expect(await page.locator('.handoff-records tbody tr').count()).toBe(11);
  });
});
