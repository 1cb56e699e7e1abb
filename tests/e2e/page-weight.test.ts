/**
 * Every built page, loaded once: what it requests and weighs, whether it moves while it loads, and
 * axe in both themes (tests/e2e/support/every-page.ts). Each page's checks are tests of their own.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser';
import { pageChecker } from './support/every-page';
import { GUIDE_IDS } from '../../src/lib/guides';
import {
  BASELINE_ROUTE,
  BUDGETS,
  FIRST_SEARCH_BUDGET,
  SEARCH_INTERFACE_BUDGET,
  LIGHT_PAGES,
  NAMED_JS_BUDGETS,
  WAITS_SCRIPT,
  listRoutes,
  measureFirstSearch,
  routesWithWaits,
  type PageWeight,
} from '../support/page-weight';

const site = inject('siteUrl');
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const routes = listRoutes(distDir);
const withWaits = routesWithWaits(fileURLToPath(new URL('../../', import.meta.url)));

const browser = useBrowser();
/** Each page is loaded and checked when the first test about it runs, and only then. */
const checked = pageChecker(browser, site, distDir);
const weightOf = async (route: string) => (await checked(route)).weight;
const weights = new Map<string, PageWeight>();

// A page's first test loads it and runs axe twice: allow for a busy machine.
describe('every page', { timeout: 60_000 }, () => {
  it.each(routes)('/%s requests nothing from another origin', async (route) => {
    expect((await weightOf(route)).foreignRequests).toEqual([]);
  });

  it.each(routes)(
    '/%s does not move while it loads (cumulative layout shift at most 0.01)',
    async (route) => {
      expect((await weightOf(route)).layoutShift).toBeLessThanOrEqual(0.01);
    },
  );

  /**
   * Every rule in the light theme; then the page switches to the dark theme as it does when the
   * system's preference changes, and the colour rules run again (the structure is the same).
   */
  it.each(routes)('/%s has no axe violations in the light and the dark theme', async (route) => {
    const page = await checked(route);
    expect(page.themeOnLoad).toBe('light');
    expect(page.lightViolations, 'light theme, every rule').toEqual([]);
    expect(page.themeAfterSwitch, 'the page follows the system into the dark theme').toBe('dark');
    expect(page.darkViolations, 'dark theme, colour rules').toEqual([]);
  });
});

describe('page weight budgets (gzip)', () => {
  // The pages were loaded by the tests above (or now, if only these run).
  beforeAll(async () => {
    for (const route of routes) weights.set(route, await weightOf(route));
  }, 600_000);

  it('measures every page, the baseline among them', () => {
    expect(routes).toContain(BASELINE_ROUTE);
    expect(routes).toContain('en/microsoft/');
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });

  it.each(routes)('/%s loads at most its budget of JavaScript beyond a page without islands', (route) => {
    const baseline = weights.get(BASELINE_ROUTE)!;
    const weight = weights.get(route)!;
    const isGuide = GUIDE_IDS.some((guide) => route === `${guide}/` || route === `en/${guide}/`);
    const budget =
      NAMED_JS_BUDGETS[route] ??
      (isGuide ? BUDGETS.guideJsOverBaseline : BUDGETS.otherJsOverBaseline) +
        (withWaits.has(route) ? BUDGETS.waitsJs : 0);
    expect(weight.jsAtLoad - baseline.jsAtLoad).toBeLessThanOrEqual(budget);
    expect(weight.jsAfterIdle - baseline.jsAfterIdle).toBeLessThanOrEqual(budget);
  });

  it.each(routes.filter((route) => GUIDE_IDS.some((guide) => [`${guide}/`, `en/${guide}/`].includes(route))))(
    '/%s loads at most 8 KiB of JavaScript at load beyond a page without islands',
    (route) => {
      const atLoad = weights.get(route)!.jsAtLoad - weights.get(BASELINE_ROUTE)!.jsAtLoad;
      expect(atLoad).toBeLessThanOrEqual(BUDGETS.guideJsAtLoadOverBaseline);
    },
  );

  it.each(routes.filter((route) => GUIDE_IDS.some((guide) => [`${guide}/`, `en/${guide}/`].includes(route))))(
    '/%s loads at most 30 KiB of JavaScript in all by idle',
    (route) => {
      expect(weights.get(route)!.jsAfterIdle).toBeLessThanOrEqual(BUDGETS.guideJsByIdle);
    },
  );

  it.each(LIGHT_PAGES)(
    '/%s loads at most its budget (10 KiB; home 10.5) of JavaScript by idle beyond a page without islands',
    (route) => {
      const byIdle = weights.get(route)!.jsAfterIdle - weights.get(BASELINE_ROUTE)!.jsAfterIdle;
      const isHome = route === '' || route === 'en/';
      expect(byIdle).toBeLessThanOrEqual(
        isHome ? BUDGETS.homeJsByIdleOverBaseline : BUDGETS.pageJsByIdleOverBaseline,
      );
    },
  );

  it.each(routes)('/%s loads the wait code only if it shows waits', (route) => {
    const waitScripts = weights.get(route)!.scripts.filter((name) => WAITS_SCRIPT.test(name));
    if (withWaits.has(route)) expect(waitScripts.length).toBeGreaterThan(0);
    else expect(waitScripts).toEqual([]);
  });

  it.each(routes)('/%s keeps its HTML and CSS within budget', (route) => {
    const weight = weights.get(route)!;
    const isTroubleshooting = route.endsWith('troubleshooting/');
    expect(weight.html).toBeLessThanOrEqual(
      isTroubleshooting ? BUDGETS.htmlTroubleshooting : BUDGETS.htmlPerPage,
    );
    expect(weight.css).toBeLessThanOrEqual(BUDGETS.css);
  });
});

describe('the first site search (transfer from opening the dialog until results show)', () => {
  it.each([
    ['', '確認コード'],
    ['en/', 'verification code'],
  ])('from /%s for “%s” stays within its budget', async (route, query) => {
    const search = await measureFirstSearch(browser(), site, distDir, query, route);
    expect(search.indexBytes, 'Pagefind’s index files').toBeLessThanOrEqual(FIRST_SEARCH_BUDGET);
    expect(search.interfaceBytes, 'the search interface').toBeLessThanOrEqual(SEARCH_INTERFACE_BUDGET);
  });
});
