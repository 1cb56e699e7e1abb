import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';

/**
 * Registrations in Chromium, as far as the pages go without the switcher: progress stored before
 * registrations opens as registration 1, a link's `?r=` opens a registration and keeps it for the
 * tab, two tabs work on two registrations without touching each other, and a tab whose registration
 * another tab removed turns read-only. (Unit tests: tests/unit/registrations-store.test.ts.)
 */

const site = inject('siteUrl');
const LEGACY = 'partner-guides:progress';
const INDEX = 'partner-guides:registrations';
const MARKER = '{"version":4,"movedTo":"partner-guides:registrations"}';
const progressKey = (id: string) => `partner-guides:progress:${id}`;
const AT = '2026-11-20T01:00:00.000Z';
const LATER = '2026-11-21T01:00:00.000Z';
const FIRST = 'hp-open-registration-page';
const SECOND = 'hp-download-application-form';
const OTHER = 'b2c3d4e5';

const pages = useTestPages(useBrowser());

const box = (page: Page, stepId: string) => page.locator(`#check-${stepId}`);
const stored = (page: Page, key: string) =>
  page.evaluate((name) => JSON.parse(localStorage.getItem(name) ?? 'null') as unknown, key);

async function openGuide(page: Page, path: string): Promise<void> {
  await page.goto(site + path);
  await expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBeGreaterThan(0);
}

/** Progress of the HP guide with the given steps ticked, as stored. */
const ticked = (...steps: string[]) =>
  JSON.stringify({
    version: 3,
    guides: { hp: Object.fromEntries(steps.map((step) => [step, { tickedAt: AT }])) },
    records: {},
  });

/** A context whose storage holds registration 1 (FIRST ticked) and OTHER (SECOND ticked) before any page runs. */
async function contextWithTwoRegistrations(): Promise<BrowserContext> {
  const context = await pages.freshContext();
  const items = {
    [INDEX]: JSON.stringify({
      version: 1,
      registrations: {
        1: { name: '', createdAt: AT, changedAt: AT },
        [OTHER]: { name: '株式会社サンプル', createdAt: LATER, changedAt: LATER },
      },
      removed: {},
    }),
    [progressKey('1')]: ticked(FIRST),
    [progressKey(OTHER)]: ticked(SECOND),
  };
  await context.addInitScript((values) => {
    if (localStorage.getItem('partner-guides:registrations') !== null) return;
    for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
  }, items);
  return context;
}

describe('progress stored before registrations', () => {
  it.each([
    ['', 2, 'パートナー ID（グローバル）'],
    ['en/', 2, 'Partner ID (global)'],
    ['en/', 1, undefined],
  ])(
    '/%smicrosoft/ opens version %s as registration 1 with its ticks and records, leaving the marker in the old key',
    async (prefix, version, fieldLabel) => {
      const context = await pages.freshContext();
      // Version 1 had no records.
      const records = version === 1 ? {} : { 'ms-partner-id-global': { value: '1234567', updatedAt: AT } };
      const old = JSON.stringify({
        version,
        guides: { microsoft: { 'ms-account-open-signup-page': { tickedAt: AT } } },
        ...(version === 1 ? {} : { records }),
      });
      await context.addInitScript(
        ([key, value]) => {
          if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
        },
        [LEGACY, old] as const,
      );
      const page = await pages.newPage();
      await openGuide(page, `${prefix}microsoft/`);
      await expect.poll(() => box(page, 'ms-account-open-signup-page').isChecked()).toBe(true);
      if (fieldLabel) {
        const field = page.getByLabel(fieldLabel, { exact: true });
        await field.scrollIntoViewIfNeeded();
        await expect.poll(() => field.inputValue()).toBe('1234567');
      }
      expect(await page.evaluate((key) => localStorage.getItem(key), LEGACY)).toBe(MARKER);
      expect(await stored(page, progressKey('1'))).toEqual({
        version: 3,
        guides: { microsoft: { 'ms-account-open-signup-page': { tickedAt: AT } } },
        records,
      });
      // A guide never writes the index: registration 1 exists by its progress, and the registrations
      // store lists it where registrations are shown.
      expect(await stored(page, INDEX)).toBeNull();
      expect(await page.locator('[data-testid="storage-notice"]').count()).toBe(0);
    },
  );

  it('has no registration in a fresh browser until the first tick creates registration 1', async () => {
    await pages.freshContext();
    const page = await pages.newPage();
    await openGuide(page, 'hp/');
    const ours = () =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('partner-guides:')));
    expect(await ours()).toEqual([]);
    await box(page, FIRST).check();
    await expect
      .poll(() => stored(page, progressKey('1')))
      .toMatchObject({ guides: { hp: { [FIRST]: {} } } });
    expect(await ours()).toEqual([progressKey('1')]);
    // The next page of the same tab works on it too.
    await openGuide(page, 'en/hp/');
    await expect.poll(() => box(page, FIRST).isChecked()).toBe(true);
  });
});

describe('links and tabs', () => {
  it('opens the registration a link names, and keeps it for the tab after a reload without the link', async () => {
    await contextWithTwoRegistrations();
    const page = await pages.newPage();
    await openGuide(page, `hp/?r=${OTHER}`);
    await expect.poll(() => box(page, SECOND).isChecked()).toBe(true);
    expect(await box(page, FIRST).isChecked()).toBe(false);
    await openGuide(page, 'en/hp/');
    await expect.poll(() => box(page, SECOND).isChecked()).toBe(true);
    await page.reload();
    await expect.poll(() => box(page, SECOND).isChecked()).toBe(true);
    expect(await box(page, FIRST).isChecked()).toBe(false);
  });

  it('stays on the tab’s registration when a link names one this browser does not have', async () => {
    await contextWithTwoRegistrations();
    const page = await pages.newPage();
    await openGuide(page, 'hp/');
    await expect.poll(() => box(page, FIRST).isChecked()).toBe(true);
    await openGuide(page, 'hp/?r=nothere');
    await expect.poll(() => box(page, FIRST).isChecked()).toBe(true);
    expect(await box(page, SECOND).isChecked()).toBe(false);
    expect(await box(page, SECOND).isEnabled()).toBe(true);
  });

  it('lets two tabs tick two registrations at once, each showing only its own', async () => {
    await contextWithTwoRegistrations();
    const first = await pages.newPage();
    const second = await pages.newPage();
    await openGuide(first, 'hp/?r=1');
    await openGuide(second, `hp/?r=${OTHER}`);
    await box(first, 'hp-fill-in-application-form').check();
    await box(second, 'hp-send-application-form').check();
    await expect
      .poll(() => stored(first, progressKey(OTHER)))
      .toMatchObject({ guides: { hp: { 'hp-send-application-form': {} } } });
    // Each tab heard the other's change and left its own registration as it was.
    expect(await box(first, 'hp-send-application-form').isChecked()).toBe(false);
    expect(await box(second, 'hp-fill-in-application-form').isChecked()).toBe(false);
    expect(
      Object.keys(((await stored(first, progressKey('1'))) as { guides: { hp: object } }).guides.hp).sort(),
    ).toEqual([FIRST, 'hp-fill-in-application-form'].sort());
    expect(
      Object.keys(((await stored(first, progressKey(OTHER))) as { guides: { hp: object } }).guides.hp).sort(),
    ).toEqual([SECOND, 'hp-send-application-form'].sort());
    // A third tab on the same registration as the second sees its ticks live.
    const third = await pages.newPage();
    await openGuide(third, `hp/?r=${OTHER}`);
    await box(second, FIRST).check();
    await expect.poll(() => box(third, FIRST).isChecked()).toBe(true);
    expect(await box(first, 'hp-send-application-form').isChecked()).toBe(false);
  });

  it('turns a tab read-only when another tab removes its registration, and nothing comes back', async () => {
    await contextWithTwoRegistrations();
    const page = await pages.newPage();
    const other = await pages.newPage();
    await openGuide(page, `hp/?r=${OTHER}`);
    await other.goto(site + 'about/');
    // What removing it in another tab writes (stores/registrations.ts removeRegistration).
    await other.evaluate(
      ([index, key, id, at]) => {
        const value = JSON.parse(localStorage.getItem(index!)!) as {
          registrations: Record<string, unknown>;
          removed: Record<string, string>;
        };
        delete value.registrations[id!];
        value.removed[id!] = at!;
        localStorage.setItem(index!, JSON.stringify(value));
        localStorage.removeItem(key!);
      },
      [INDEX, progressKey(OTHER), OTHER, new Date().toISOString()],
    );
    await expect.poll(() => box(page, FIRST).isDisabled()).toBe(true);
    // What it showed stays, read-only.
    expect(await box(page, SECOND).isChecked()).toBe(true);
    await page.reload();
    await expect.poll(() => box(page, FIRST).count()).toBe(1);
    await expect.poll(() => box(page, FIRST).isDisabled()).toBe(true);
    expect(await stored(page, progressKey(OTHER))).toBeNull();
  });
});
