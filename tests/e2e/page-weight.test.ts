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
  WAITS_SCRIPT,
  isTroubleshootingRoute,
  jsBudgetOf,
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

  /** Each limit a route has (jsBudgetOf), as a test of its own. */
  const limits = routes.flatMap((route) => {
    const budget = jsBudgetOf(route);
    return [
      ...(budget.atLoadOverBaseline === undefined
        ? []
        : [[route, 'at load beyond the baseline', budget.atLoadOverBaseline] as const]),
      ...(budget.byIdle === undefined ? [] : [[route, 'by idle in all', budget.byIdle] as const]),
      ...(budget.byIdleOverBaseline === undefined
        ? []
        : [[route, 'by idle beyond the baseline', budget.byIdleOverBaseline] as const]),
    ];
  });

  it.each(limits)('/%s loads JavaScript %s within its budget (%d bytes)', (route, limit, bytes) => {
    const weight = weights.get(route)!;
    const baseline = weights.get(BASELINE_ROUTE)!;
    const measured =
      limit === 'at load beyond the baseline'
        ? weight.jsAtLoad - baseline.jsAtLoad
        : limit === 'by idle in all'
          ? weight.jsAfterIdle
          : weight.jsAfterIdle - baseline.jsAfterIdle;
    expect(measured).toBeLessThanOrEqual(bytes);
  });

  it('holds the home and hand-off pages to 10 KiB by idle and every guide to 8 KiB at load', () => {
    for (const route of ['', 'en/', 'handoff/', 'en/handoff/'])
      expect(jsBudgetOf(route).byIdleOverBaseline, route).toBe(10 * 1024);
    for (const guide of GUIDE_IDS) {
      expect(jsBudgetOf(`${guide}/`).atLoadOverBaseline, guide).toBe(8 * 1024);
      expect(jsBudgetOf(`en/${guide}/`).byIdle, guide).toBe(30 * 1024);
    }
  });

  it.each(routes)('/%s loads the wait code with nothing ticked only if it is a guide with waits', (route) => {
    const waitScripts = weights.get(route)!.scripts.filter((name) => WAITS_SCRIPT.test(name));
    if (withWaits.has(route)) expect(waitScripts.length).toBeGreaterThan(0);
    else expect(waitScripts).toEqual([]);
  });

  it.each(routes)('/%s keeps its HTML and CSS within budget', (route) => {
    const weight = weights.get(route)!;
    expect(weight.html).toBeLessThanOrEqual(
      isTroubleshootingRoute(route) ? BUDGETS.htmlTroubleshooting : BUDGETS.htmlPerPage,
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
