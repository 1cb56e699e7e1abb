import type { Browser } from 'playwright-core';
import { axeViolations } from './axe';
import { loadAndMeasure, type PageWeight } from '../../support/page-weight';

/** What one load of a built page gives every check of tests/e2e/page-weight.test.ts. */
export interface PageChecks {
  /** Bytes, requests and layout shift from load until idle (tests/support/page-weight.ts). */
  weight: PageWeight;
  /** The page's `data-theme` once loaded in a light system. */
  themeOnLoad: string | null;
  /** axe, every rule of the tags, in the light theme. */
  lightViolations: string[];
  /** The page's `data-theme` after the system switched to dark (it follows within the poll timeout). */
  themeAfterSwitch: string | null;
  /** axe, the colour rules, in the dark theme. */
  darkViolations: string[];
}

/** How long the page may take to follow the system into the dark theme. */
const THEME_SWITCH_TIMEOUT = 10_000;

/**
 * Loads a page of the built site once, in a fresh context of a light system: measures its weight
 * and layout shift until idle, runs every axe rule, then switches the system to dark, as when the
 * user changes the preference, and runs the colour rules again (the structure is the same).
 */
export async function checkPage(
  browser: Browser,
  siteUrl: string,
  distDir: string,
  route: string,
): Promise<PageChecks> {
  const context = await browser.newContext({ colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const weight = await loadAndMeasure(page, siteUrl, distDir, route);
    const theme = () => page.locator('html').getAttribute('data-theme');
    const themeOnLoad = await theme();
    const lightViolations = await axeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page
      .waitForFunction(() => document.documentElement.dataset.theme === 'dark', undefined, {
        timeout: THEME_SWITCH_TIMEOUT,
      })
      .catch(() => undefined);
    const themeAfterSwitch = await theme();
    const darkViolations = await axeViolations(page, { coloursOnly: true });
    return { weight, themeOnLoad, lightViolations, themeAfterSwitch, darkViolations };
  } finally {
    await context.close();
  }
}

/**
 * Checks each page at most once however many tests ask about it, when the first of them asks: a
 * page that cannot be checked fails the tests about it, each naming the page.
 */
export function pageChecker(
  browser: () => Browser,
  siteUrl: string,
  distDir: string,
): (route: string) => Promise<PageChecks> {
  const checked = new Map<string, Promise<PageChecks>>();
  return (route) => {
    let checks = checked.get(route);
    if (!checks) {
      checks = checkPage(browser(), siteUrl, distDir, route).catch((error: unknown) => {
        throw new Error(`/${route} could not be loaded and checked: ${String(error)}`, { cause: error });
      });
      checked.set(route, checks);
    }
    return checks;
  };
}
