import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { useBrowser, useTestPages } from './support/browser';
import { DIALOG } from '../support/search-quality';

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

/**
 * Files of the search interface: the chunk with Pagefind's interface and our subclass of it
 * (src/islands/site-search-ui.ts), and anything of Pagefind's own folder (its script, index, WebAssembly).
 */
const INTERFACE_FILE = /\/_astro\/site-search-ui\.[\w-]+\.js$|\/pagefind\//;

/** The search box of Pagefind's interface (in its form; the box that stands in for it has none). */
const INTERFACE_BOX = '#starlight__search form .pagefind-ui__search-input';

/** Every dialog input, whichever builds it: what each holds. */
const dialogInputValues = (page: Page) =>
  page
    .locator('site-search dialog input')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

/** Opens a page in a fresh context and records the URLs it requests. */
async function openRecorded(
  path: string,
  prepare?: (context: BrowserContext) => Promise<unknown>,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; requested: string[] }> {
  const context = await pages.freshContext(options);
  await prepare?.(context);
  const page = await pages.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(site + path, { waitUntil: 'load' });
  await page.locator(`${DIALOG.open}:not([disabled])`).waitFor();
  return { page, requested };
}

/** Waits until the page has loaded everything it loads by itself and the browser has been idle. */
async function waitForIdle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => resolve(undefined), { timeout: 2000 })),
  );
  await page.waitForLoadState('networkidle');
}

/** Presses and releases the mouse on the search button without moving the pointer over it first. */
async function clickWithoutHover(page: Page): Promise<void> {
  const box = await page.locator(DIALOG.open).boundingBox();
  if (!box) throw new Error('The search button is not on screen.');
  const cdp = await page.context().newCDPSession(page);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left' as const, clickCount: 1 };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
  await cdp.detach();
}

/** Holds back the interface's script until `release` is called (as on a slow network or computer). */
async function holdInterface(context: BrowserContext): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/_astro\/site-search-ui\.[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return () => release();
}

/** The ways a person starts a search: each must give a working search with the page's strings. */
const OPENINGS = {
  'a click with no pointer over the button before it': clickWithoutHover,
  'Ctrl+K': (page: Page) => page.keyboard.press('Control+k'),
  'Cmd+K': (page: Page) => page.keyboard.press('Meta+k'),
  'focus on the button, then Enter': async (page: Page) => {
    await page.locator(DIALOG.open).focus();
    await page.keyboard.press('Enter');
  },
  'a tap': (page: Page) => page.locator(DIALOG.open).tap(),
} as const;

const LANGUAGES = [
  {
    prefix: '',
    query: '確認コード',
    label: 'サイト内検索',
    message: /^「確認コード」の検索結果: \d+ 件$/,
  },
  {
    prefix: 'en/',
    query: 'verification code',
    label: 'Search this site',
    message: /^\d+ results for “verification code”$/,
  },
] as const;

describe('the search interface loads on intent, not on idle', () => {
  it.each(['', 'en/', 'about/', 'microsoft/', 'en/troubleshooting/'])(
    '/%s requests nothing of it by the time it is idle, and requests it when the pointer comes over the search button',
    async (path) => {
      const { page, requested } = await openRecorded(path);
      await waitForIdle(page);
      expect(requested.filter((url) => INTERFACE_FILE.test(url))).toEqual([]);

      await page.locator(DIALOG.open).hover();
      await expect.poll(() => requested.filter((url) => INTERFACE_FILE.test(url)).length).toBeGreaterThan(0);
      // Built in the closed dialog, ready for the click that usually follows.
      await expect.poll(() => page.locator(INTERFACE_BOX).count()).toBe(1);
      expect(await page.locator('site-search dialog input').count()).toBe(1);
    },
  );

  it('requests it when the search button gets keyboard focus', async () => {
    const { page, requested } = await openRecorded('hp/');
    await waitForIdle(page);
    expect(requested.filter((url) => INTERFACE_FILE.test(url))).toEqual([]);
    const buttonFocused = () =>
      page.evaluate(() => document.activeElement?.matches('site-search button[data-open-modal]') === true);
    for (let tab = 0; tab < 10 && !(await buttonFocused()); tab++) await page.keyboard.press('Tab');
    expect(await buttonFocused()).toBe(true);
    await expect.poll(() => requested.filter((url) => INTERFACE_FILE.test(url)).length).toBeGreaterThan(0);
  });

  it('works on a browser that is never idle', async () => {
    const { page } = await openRecorded('en/', (context) =>
      context.addInitScript(() => {
        window.requestIdleCallback = () => 0;
      }),
    );
    await clickWithoutHover(page);
    await page.keyboard.type('sendgrid');
    await expect.poll(() => page.locator(DIALOG.result).count()).toBeGreaterThan(0);
    expect(await dialogInputValues(page)).toEqual(['sendgrid']);
  });
});

describe('each way of opening the search gives a working search, typed into at once', () => {
  for (const { prefix, query, label, message } of LANGUAGES) {
    it.each(Object.keys(OPENINGS) as (keyof typeof OPENINGS)[])(
      `on /${prefix}: %s, then typing straight away, loses no character`,
      async (opening) => {
        const { page } = await openRecorded(prefix, undefined, { hasTouch: opening === 'a tap' });
        await waitForIdle(page);
        await OPENINGS[opening](page);
        await page.keyboard.type(query);
        await expect.poll(() => page.locator('site-search dialog[open]').count()).toBe(1);
        await expect.poll(() => page.locator(DIALOG.message).textContent()).toMatch(message);
        expect(await dialogInputValues(page)).toEqual([query]);
        expect(await page.locator(DIALOG.result).count()).toBeGreaterThan(0);
        expect(await page.locator('#starlight__search form').getAttribute('aria-label')).toBe(label);
        expect(await page.evaluate(() => document.activeElement?.matches('#starlight__search input'))).toBe(
          true,
        );
      },
    );
  }
});

describe('a search box at once, before the interface has arrived', () => {
  it.each(LANGUAGES)(
    'on /$prefix, a click and what is typed straight after it are kept, and searched once the interface arrives',
    async ({ prefix, query, message }) => {
      let release = () => {};
      const { page } = await openRecorded(
        prefix,
        async (context) => (release = await holdInterface(context)),
      );
      await clickWithoutHover(page);
      await page.keyboard.type(query.slice(0, 3));
      await expect.poll(() => dialogInputValues(page)).toEqual([query.slice(0, 3)]);
      expect(await page.evaluate(() => document.activeElement?.closest('site-search dialog') != null)).toBe(
        true,
      );
      release();
      await page.keyboard.type(query.slice(3));
      await expect.poll(() => page.locator(DIALOG.message).textContent()).toMatch(message);
      expect(await dialogInputValues(page)).toEqual([query]);
      expect(await page.locator(INTERFACE_BOX).count()).toBe(1);
    },
  );

  it('looks and reads like Pagefind’s box, which then takes its place', async () => {
    let release = () => {};
    const { page } = await openRecorded('', async (context) => (release = await holdInterface(context)));
    await page.keyboard.press('Control+k');
    const describeBox = () =>
      page.locator('site-search dialog input').evaluate((input) => {
        const style = getComputedStyle(input);
        const rect = input.getBoundingClientRect();
        const form = input.closest('[role="search"]');
        return {
          rect: [rect.x, rect.y, rect.width, rect.height],
          style: [
            style.fontSize,
            style.fontWeight,
            style.fontFamily,
            style.color,
            style.backgroundColor,
            style.borderTopWidth,
            style.borderTopColor,
            style.borderRadius,
            style.paddingLeft,
          ],
          placeholder: input.getAttribute('placeholder'),
          title: input.getAttribute('title'),
          formLabel: form?.getAttribute('aria-label'),
          focused: document.activeElement === input,
        };
      });
    await expect.poll(() => page.locator('site-search dialog input').count()).toBe(1);
    const standIn = await describeBox();
    expect(standIn.focused).toBe(true);
    expect(standIn.placeholder).toBe('検索');
    expect(standIn.formLabel).toBe('サイト内検索');
    expect(await axeViolations(page)).toEqual([]);
    release();
    await expect.poll(() => page.locator(INTERFACE_BOX).count()).toBe(1);
    expect(await page.locator('site-search dialog input').count()).toBe(1);
    expect(await describeBox()).toEqual(standIn);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('keeps a word still being composed with an input method, and searches it once chosen', async () => {
    let release = () => {};
    const { page } = await openRecorded('', async (context) => (release = await holdInterface(context)));
    const interfaceLoaded = page.waitForResponse(/\/_astro\/site-search-ui\.[\w-]+\.js$/);
    await page.keyboard.press('Control+k');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'かくにん', selectionStart: 4, selectionEnd: 4 });
    release();
    await interfaceLoaded;
    await cdp.send('Input.insertText', { text: '確認' });
    await cdp.detach();
    await expect
      .poll(() => page.locator(DIALOG.message).textContent())
      .toMatch(/^「確認」の検索結果: \d+ 件$/);
    expect(await dialogInputValues(page)).toEqual(['確認']);
  });
});
