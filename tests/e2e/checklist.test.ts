import { afterEach, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser, openPage, type PageErrors } from './support/browser';
import { GUIDE_IDS } from '../../src/lib/guides';
import { stepCount } from '../support/site';

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
const BACKUP = 'partner-guides:progress-backup';
/** Where progress seeded under KEY (as stored before registrations) is once a page moved it: registration 1. */
const FIRST_REGISTRATION = 'partner-guides:progress:1';
const FIRST_HP_STEP = 'hp-open-registration-page';
const SECOND_HP_STEP = 'hp-download-application-form';

const browser = useBrowser();
let context: BrowserContext;
let errors: PageErrors[] = [];

afterEach(async () => {
  await context?.close();
  // No uncaught error and no console error in any scenario, broken storage included.
  const logged = errors.flatMap((e) => e.list);
  errors = [];
  expect(logged).toEqual([]);
});

async function newPage(options: Parameters<ReturnType<typeof browser>['newContext']>[0] = {}): Promise<Page> {
  context ??= await browser().newContext(options);
  const opened = await openPage(context);
  errors.push(opened.errors);
  return opened.page;
}

async function freshContext(
  options: Parameters<ReturnType<typeof browser>['newContext']>[0] = {},
): Promise<Page> {
  context = await browser().newContext(options);
  return newPage();
}

/** Opens a page and waits until its checkboxes are live (hydrated). */
async function openGuide(page: Page, path: string): Promise<void> {
  await page.goto(site + path);
  await page.locator('.guide-step__check').first().waitFor();
  await expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBeGreaterThan(0);
}

const box = (page: Page, stepId: string) => page.locator(`#check-${stepId}`);
const count = (page: Page) => page.locator('.checklist-panel__count').textContent();

describe('checklist', () => {
  it('ticks a step, shows its time and the progress, and keeps it after a reload', async () => {
    const page = await freshContext();
    await openGuide(page, 'hp/');
    const total = stepCount('hp.mdx');
    await expect.poll(() => count(page)).toBe(`0 / ${total} ステップ完了`);

    await box(page, FIRST_HP_STEP).check();
    await expect.poll(() => count(page)).toBe(`1 / ${total} ステップ完了`);
    const status = page.locator(`[data-step-id="${FIRST_HP_STEP}"] .guide-step__status`);
    await expect.poll(() => status.textContent()).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2}\(.\) \d\d:\d\d に完了$/);
    expect(await page.locator('.checklist-panel progress').getAttribute('value')).toBe('1');
    expect(await page.locator('.checklist-panel__next a').getAttribute('href')).toBe(`#${SECOND_HP_STEP}`);

    await page.reload();
    await expect.poll(() => box(page, FIRST_HP_STEP).isChecked()).toBe(true);
    expect(await box(page, SECOND_HP_STEP).isChecked()).toBe(false);
    await expect.poll(() => count(page)).toBe(`1 / ${total} ステップ完了`);
    expect(await status.textContent()).toMatch(/に完了$/);
  });

  it('clicking the step title toggles its box (the title is the label)', async () => {
    const page = await freshContext();
    await openGuide(page, 'redhat/');
    await page.locator('label[for="check-rh-open-partner-connect"]').click();
    expect(await box(page, 'rh-open-partner-connect').isChecked()).toBe(true);
  });

  it('shares ticks between the Japanese and English pages of a guide', async () => {
    const page = await freshContext();
    await openGuide(page, 'microsoft/');
    await box(page, 'ms-account-create-new').check();
    await openGuide(page, 'en/microsoft/');
    await expect.poll(() => box(page, 'ms-account-create-new').isChecked()).toBe(true);
    await expect.poll(() => count(page)).toMatch(/^1 of \d+ steps done$/);
    await expect
      .poll(() => page.locator('[data-step-id="ms-account-create-new"] .guide-step__status').textContent())
      .toMatch(/^Done \w{3}, \d{1,2} \w{3} \d{4}, \d\d:\d\d$/);

    await box(page, 'ms-account-create-new').uncheck();
    await openGuide(page, 'microsoft/');
    await expect.poll(() => count(page)).toMatch(/^0 \/ \d+ ステップ完了$/);
  });

  it('keeps two open tabs in step without a reload', async () => {
    const first = await freshContext();
    const second = await newPage();
    await openGuide(first, 'hp/');
    await openGuide(second, 'en/hp/');
    await box(first, FIRST_HP_STEP).check();
    await expect.poll(() => box(second, FIRST_HP_STEP).isChecked()).toBe(true);
    await box(second, FIRST_HP_STEP).uncheck();
    await expect.poll(() => box(first, FIRST_HP_STEP).isChecked()).toBe(false);
  });

  it('shows the current state after back/forward navigation', async () => {
    const page = await freshContext();
    await openGuide(page, 'hp/');
    await openGuide(page, 'en/hp/');
    await box(page, FIRST_HP_STEP).check();
    await page.goBack();
    await expect.poll(() => box(page, FIRST_HP_STEP).isChecked()).toBe(true);
  });

  it('is usable with the keyboard, announcing changes politely on user action only', async () => {
    const page = await freshContext();
    await page.goto(site + 'hp/');
    await page.evaluate(
      (key) =>
        localStorage.setItem(
          key,
          JSON.stringify({
            version: 1,
            guides: { hp: { 'hp-fill-in-application-form': { tickedAt: '2026-05-01T01:00:00Z' } } },
          }),
        ),
      KEY,
    );
    await openGuide(page, 'hp/');
    const status = page.locator('.checklist-panel [role="status"]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toBe('');

    let reached = false;
    for (let presses = 0; presses < 80 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((id) => document.activeElement?.id === id, `check-${FIRST_HP_STEP}`);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Space');
    expect(await box(page, FIRST_HP_STEP).isChecked()).toBe(true);
    await expect
      .poll(() => status.textContent())
      .toMatch(/^「.+」を完了にしました。2 \/ \d+ ステップ完了です。$/);

    // Past the links of the first step's body, Tab reaches the next box.
    let next = false;
    for (let presses = 0; presses < 5 && !next; presses++) {
      await page.keyboard.press('Tab');
      next = await page.evaluate((id) => document.activeElement?.id === id, `check-${SECOND_HP_STEP}`);
    }
    expect(next).toBe(true);
    await page.keyboard.press('Space');
    expect(await box(page, SECOND_HP_STEP).isChecked()).toBe(true);
  });

  it('links the next step and asks before resetting a guide', async () => {
    const page = await freshContext();
    await openGuide(page, 'redhat/');
    await box(page, 'rh-open-partner-connect').check();
    await page.locator('.checklist-panel__next a').click();
    expect(new URL(page.url()).hash).toBe('#rh-choose-business-partner-login');

    await page.getByRole('button', { name: 'このガイドの進捗をリセット' }).click();
    await page.getByRole('button', { name: 'キャンセル' }).click();
    expect(await box(page, 'rh-open-partner-connect').isChecked()).toBe(true);

    await page.getByRole('button', { name: 'このガイドの進捗をリセット' }).click();
    await page.getByRole('button', { name: 'リセットする' }).click();
    await expect.poll(() => box(page, 'rh-open-partner-connect').isChecked()).toBe(false);
    expect(await page.locator('.checklist-panel [role="status"]').textContent()).toBe(
      'このガイドの進捗をリセットしました。 「元に戻す」を選ぶと元に戻せます。',
    );
  });

  it('shows every guide’s progress on the home page, linking each next step', async () => {
    const page = await freshContext();
    await openGuide(page, 'en/redhat/');
    await box(page, 'rh-open-partner-connect').check();
    await page.goto(site + 'en/');
    const redhat = page.locator('.home-progress__guide[data-guide="redhat"]');
    await expect
      .poll(() => redhat.locator('.checklist-panel__count').textContent())
      .toMatch(/^1 of \d+ steps done$/);
    expect(await redhat.locator('.checklist-panel__next a').getAttribute('href')).toBe(
      '/en/redhat/#rh-choose-business-partner-login',
    );
    expect(await page.locator('.home-progress__guide').count()).toBe(GUIDE_IDS.length);
    await redhat.locator('.checklist-panel__next a').click();
    await page.waitForURL(/\/en\/redhat\/#rh-choose-business-partner-login$/);
  });

  it('restores progress without moving the page (no layout shift)', async () => {
    const page = await freshContext();
    await page.goto(site + 'microsoft/');
    const ticks = Object.fromEntries(
      ['ms-account-open-signup-page', 'ms-account-create-new', 'ms-account-verify-identity'].map((id) => [
        id,
        { tickedAt: '2026-05-01T01:00:00Z' },
      ]),
    );
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [KEY, JSON.stringify({ version: 1, guides: { microsoft: ticks } })],
    );
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[]) {
          if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Served locally, the islands hydrate before the page is first drawn, where no shift can be
    // seen: their code is held until the server-rendered page has been drawn, as on a slow network.
    let drawn = () => {};
    const held = new Promise<void>((resolve) => (drawn = resolve));
    await page.route('**/_astro/ChecklistPanel.*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site + 'microsoft/', { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    expect(await count(page)).toBe(`全 ${stepCount('microsoft.mdx')} ステップ`);
    const firstStep = page.locator('.guide-step').first();
    const before = (await firstStep.boundingBox())?.y;
    drawn();
    await expect.poll(() => count(page)).toBe(`3 / ${stepCount('microsoft.mdx')} ステップ完了`);
    await expect.poll(() => box(page, 'ms-account-verify-identity').isChecked()).toBe(true);
    expect(await page.locator('.checklist-panel__next a').getAttribute('href')).toBe('#ms-account-save');
    // A shift is measured as a frame is drawn and reaches observers in a task after it: read the
    // total once two frames have been drawn with the restored progress, and a task has run since.
    const shifts = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve((window as unknown as { shifts: number }).shifts);
              channel.port2.postMessage(null);
            }),
          ),
        ),
    );
    expect(shifts).toBeLessThanOrEqual(0.01);
    // The panel kept the space of what it shows now: the steps under it have not moved at all.
    expect((await firstStep.boundingBox())?.y).toBe(before);
  });
});

describe('a tick shows everywhere at once', () => {
  it.each([
    ['microsoft/', /^1 \/ \d+ ステップ完了$/, /^「.+」を完了にしました。1 \/ \d+ ステップ完了です。$/],
    ['en/microsoft/', /^1 of \d+ steps done$/, /^“.+” marked as done\. 1 of \d+ steps done\.$/],
  ])(
    '/%s: the box, the panel’s count and bar and the announcement change in the task of the click',
    async (path, countText, announcement) => {
      const page = await freshContext();
      await openGuide(page, path);
      // Clicked and read in one task: nothing can be left for a timer or a later frame.
      const seen = await page.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>('#check-ms-account-open-signup-page')!;
        box.click();
        return {
          checked: box.checked,
          count: document.querySelector('.checklist-panel__count')?.textContent,
          bar: document.querySelector('.checklist-panel progress')?.getAttribute('value'),
          status: document.querySelector('.checklist-panel [role="status"]')?.textContent,
          time: box.closest('.guide-step')?.querySelector('.guide-step__status')?.textContent,
        };
      });
      expect(seen.checked).toBe(true);
      expect(seen.count).toMatch(countText);
      expect(seen.bar).toBe('1');
      expect(seen.status).toMatch(announcement);
      expect(seen.time).not.toBe('');
    },
  );
});

describe('checklist without JavaScript', () => {
  it('still lists every step as readable text, with inactive boxes and a note', async () => {
    const page = await freshContext({ javaScriptEnabled: false });
    await page.goto(site + 'microsoft/');
    const steps = page.locator('.guide-step');
    expect(await steps.count()).toBeGreaterThan(10);
    expect(await page.locator('.guide-step__check:disabled').count()).toBe(await steps.count());
    expect(await page.locator('#ms-account-create-new').textContent()).toContain(
      '代わりに新しいアカウントを作成',
    );
    expect(await page.locator('.noscript-note').isVisible()).toBe(true);
  });
});

describe('checklist with broken storage', () => {
  it('keeps an unreadable value aside, says so, and goes on working', async () => {
    const page = await freshContext();
    await page.goto(site + 'hp/');
    await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"guides":{'), KEY);
    await openGuide(page, 'hp/');
    const notice = page.locator('.checklist-panel [data-testid="storage-notice"]');
    await expect.poll(() => notice.textContent()).toContain(BACKUP);
    expect(await page.evaluate((key) => localStorage.getItem(key), BACKUP)).toBe('{"version":1,"guides":{');
    await box(page, FIRST_HP_STEP).check();
    await page.reload();
    await expect.poll(() => box(page, FIRST_HP_STEP).isChecked()).toBe(true);
  });

  it('works for the visit and says progress will not be kept when storage throws', async () => {
    const page = await freshContext();
    await page.addInitScript(() => {
      // As Chromium does when a policy blocks site data: both storages throw on access.
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      }
    });
    await openGuide(page, 'en/hp/');
    await box(page, FIRST_HP_STEP).check();
    await expect.poll(() => count(page)).toMatch(/^1 of \d+ steps done$/);
    await expect
      .poll(() => page.locator('.checklist-panel [data-testid="storage-notice"]').textContent())
      .toContain('do not let the site save your progress');
  });

  it('keeps ticking when the browser refuses writes (quota)', async () => {
    const page = await freshContext();
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await openGuide(page, 'hp/');
    await box(page, FIRST_HP_STEP).check();
    await box(page, SECOND_HP_STEP).check();
    await expect.poll(() => count(page)).toMatch(/^2 \/ \d+ ステップ完了$/);
    await expect
      .poll(() => page.locator('.checklist-panel [data-testid="storage-notice"]').textContent())
      .toContain('進捗を保存できません');
  });

  it('shows progress from a newer version read-only and leaves it untouched', async () => {
    const page = await freshContext();
    await page.goto(site + 'hp/');
    const newer = JSON.stringify({
      version: 99,
      guides: { hp: { [FIRST_HP_STEP]: { tickedAt: '2026-05-01T01:00:00Z' } } },
    });
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [FIRST_REGISTRATION, newer]);
    await page.goto(site + 'hp/');
    await expect.poll(() => box(page, FIRST_HP_STEP).isChecked()).toBe(true);
    expect(await box(page, SECOND_HP_STEP).isDisabled()).toBe(true);
    // A record field cannot be typed in either, and looks so.
    const field = page.locator('#record-hp-account-email');
    await field.scrollIntoViewIfNeeded();
    await expect.poll(() => field.isDisabled()).toBe(true);
    expect(await field.evaluate((element) => getComputedStyle(element).opacity)).toBe('0.7');
    await expect
      .poll(() => page.locator('.checklist-panel [data-testid="storage-notice"]').textContent())
      .toContain('新しい版');
    expect(await page.evaluate((key) => localStorage.getItem(key), FIRST_REGISTRATION)).toBe(newer);
  });
});
