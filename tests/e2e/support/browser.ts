import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type BrowserServer,
  type Page,
} from 'playwright-core';

/** Debian's Chromium; never a downloaded browser (downloads fail on our machines). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const LAUNCH_OPTIONS = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true };

/** Starts headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(LAUNCH_OPTIONS);
}

/**
 * Starts headless Chromium for other processes to connect to: the browser tests' global setup
 * starts one for every test file (tests/e2e/support/global-setup.ts).
 */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH_OPTIONS);
}

/**
 * Connects a test file to the Chromium that the global setup started for the whole run (starting
 * one per file cost a second or more each), and disconnects after the file's tests, which closes
 * the contexts the file opened. Each test still gets fresh contexts; returns the connected browser.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject('browserWsEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is not running yet: use it inside a test or a later hook.');
    return browser;
  };
}

/** Everything a page logged as an error: uncaught exceptions and console errors. */
export interface PageErrors {
  list: string[];
}

/** Opens a page in the context and records its uncaught errors and console errors. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; errors: PageErrors }> {
  const page = await context.newPage();
  const errors: PageErrors = { list: [] };
  page.on('pageerror', (error) => errors.list.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.list.push(`console: ${message.text()}`);
  });
  return { page, errors };
}

/** Pages of one test, in a browser context of their own. */
export interface TestPages {
  /** Starts a fresh context for the test (closing its previous one), e.g. with a clock or a locale. */
  freshContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens a page in the test's context (a default one if none was started). */
  newPage(): Promise<Page>;
  /** Drops logged lines the test causes on purpose (a request it blocks, for example). */
  forgive(pattern: RegExp): void;
}

/**
 * Gives each test its own browser context, closed after the test, and fails the test if any of its
 * pages threw or logged an error.
 */
export function useTestPages(browser: () => Browser): TestPages {
  let context: BrowserContext | undefined;
  let errors: PageErrors[] = [];
  afterEach(async () => {
    await context?.close();
    context = undefined;
    const logged = errors.flatMap((error) => error.list);
    errors = [];
    expect(logged).toEqual([]);
  });
  const freshContext = async (options: BrowserContextOptions = {}) => {
    await context?.close();
    context = await browser().newContext(options);
    return context;
  };
  return {
    freshContext,
    async newPage() {
      const opened = await openPage(context ?? (await freshContext()));
      errors.push(opened.errors);
      return opened.page;
    },
    forgive(pattern) {
      for (const error of errors) error.list = error.list.filter((line) => !pattern.test(line));
    },
  };
}

/**
 * Waits until every island that is drawn at load or idle has hydrated, and every other `client:near`
 * island (record fields: src/islands/near-directive.ts) within a screen's height of the viewport.
 */
export async function islandsNearViewportHydrated(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('astro-island[ssr]')].filter(
            (island) =>
              island.getAttribute('client') !== 'near' ||
              (JSON.parse(island.getAttribute('opts') ?? '{}') as { value?: { idle?: boolean } }).value
                ?.idle ||
              [...island.children].some((child) => {
                const { top, bottom } = child.getBoundingClientRect();
                return bottom >= -innerHeight && top <= 2 * innerHeight;
              }),
          ).length,
      ),
    )
    .toBe(0);
}

/** Hydrates every island of the page, as printing does, and waits until they all have. */
export async function hydrateAllIslands(page: Page): Promise<void> {
  await page.evaluate(() => dispatchEvent(new Event('hydrate-near')));
  await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
}

/**
 * Makes every page of `context` draw all its islands as soon as it has loaded, wherever they are,
 * for tests of what islands do rather than of when they are drawn.
 */
export async function hydrateIslandsAtLoad(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    for (const type of ['DOMContentLoaded', 'load'])
      addEventListener(type, () => dispatchEvent(new Event('hydrate-near')), { once: true });
  });
}
