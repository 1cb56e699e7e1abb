/**
 * Ticking and the home page with many registrations stored: for 1, 10 and 50 registrations, each
 * with every step of the three guides ticked and every record noted (the documents of
 * scripts/support/storage-size.ts), the click-to-next-frame of a tick on /microsoft/ opened on one of
 * them by its link (`?r=<id>`; that one still working through the guide), and the home page's first
 * drawing of its overview. Used by scripts/bench.ts (`npm run bench -- --only=registrations`).
 */
import type { Browser } from 'playwright-core';
import { seedStorage } from '../../tests/e2e/support/registrations.ts';
import {
  REGISTRATION_COUNTS,
  readGuideContent,
  registrationIdOf,
  registrationNameOf,
  storedRegistrations,
  withGuideUnticked,
  type GuideContent,
} from './storage-size.ts';
import { measureTickTiming, median } from './tick-timing.ts';

/** The guide ticked: the one with the most steps and waits, as in the tick measure of one registration. */
const GUIDE_ROUTE = 'microsoft/';

/** CPU throttling rates: full speed and an old PC. */
const RATES = [1, 4] as const;

/** The registration a link opens, and what localStorage holds, for `count` registrations. */
export function registrationsSetup(
  guides: GuideContent[],
  count: number,
): { storage: Map<string, string>; opened: { id: string; name: string } } {
  const storage = storedRegistrations(guides, count);
  // The middle one: from three on, neither the oldest nor the one a new tab starts on, so the link decides.
  const place = Math.floor(count / 2);
  const opened = { id: registrationIdOf(place), name: registrationNameOf(place) };
  const key = `partner-guides:progress:${opened.id}`;
  const guide = GUIDE_ROUTE.replace(/\/$/, '');
  const progress = storage.get(key);
  if (progress !== undefined) storage.set(key, withGuideUnticked(progress, guide));
  return { storage, opened };
}

/** When the home page first drew its overview, from the start of the navigation, at one CPU rate. */
export interface OverviewTiming {
  rate: number;
  /** Median ms to the frame after the overview's sections were first in the page. */
  drawnMs: number;
  /** Median ms to the page's first contentful paint, for comparison. */
  firstPaintMs: number;
  /** How many registrations the overview showed. */
  sections: number;
}

/** What the page notes of its overview (set by the script every load of a measured page runs first). */
interface OverviewMark {
  drawnAt: number;
  sections: number;
}

/**
 * Loads the home page `loads` times with `storage` in localStorage (after one load that fills the
 * HTTP cache) and returns, at each CPU rate, the medians of when the overview was first drawn.
 * Undefined at a rate where the page showed no overview (a single registration).
 */
export async function measureOverviewTiming(
  browser: Browser,
  siteUrl: string,
  storage: ReadonlyMap<string, string>,
  rates: readonly number[] = RATES,
  loads = 5,
): Promise<(OverviewTiming | undefined)[]> {
  const results: (OverviewTiming | undefined)[] = [];
  for (const rate of rates) {
    const context = await browser.newContext();
    await seedStorage(context, Object.fromEntries(storage));
    await context.addInitScript(() => {
      // The overview appends all its sections at once, their counts already filled in.
      const observer = new MutationObserver(() => {
        const sections = document.querySelectorAll('.home-overview:not([hidden]) > section').length;
        if (sections === 0) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          (window as unknown as { overviewMark: OverviewMark }).overviewMark = {
            drawnAt: performance.now(),
            sections,
          };
        });
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const drawn: number[] = [];
    const painted: number[] = [];
    let sections = 0;
    for (let load = 0; load <= loads; load++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(siteUrl, { waitUntil: 'load' });
      await page.locator('.home-progress__list').first().waitFor({ state: 'attached' });
      // Either the overview is drawn, or the page keeps its list of one registration.
      const mark = await page
        .waitForFunction(
          () => (window as unknown as { overviewMark?: OverviewMark }).overviewMark,
          undefined,
          { timeout: 30_000 },
        )
        .then((handle) => handle.jsonValue())
        .catch(() => undefined);
      const firstPaint = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      );
      await page.close();
      if (!mark) break;
      if (load === 0) continue;
      drawn.push(mark.drawnAt);
      painted.push(firstPaint);
      sections = mark.sections;
    }
    await context.close();
    results.push(
      drawn.length === 0
        ? undefined
        : { rate, drawnMs: median(drawn), firstPaintMs: median(painted), sections },
    );
  }
  return results;
}

/**
 * Prints, for each number of registrations, what they take in storage, the tick's click-to-next-frame
 * on /microsoft/ opened on one of them, and when the home page first drew its overview.
 */
export async function printRegistrationTiming(
  browser: Browser,
  siteUrl: string,
  counts: readonly number[] = REGISTRATION_COUNTS,
): Promise<void> {
  const guides = readGuideContent();
  console.log(
    `\nWith registrations stored, each with every step of the ${guides.length} guides ticked and every record noted; /${GUIDE_ROUTE} opened by its link on the middle one, which has not started that guide. Tick: click to next frame, median of 5. Home: the frame after the overview is first in the page, from the start of the navigation, median of 5 loads (the page's first contentful paint in brackets).\n`,
  );
  console.log(
    `| registrations | tick at ${RATES[0]}× CPU | tick at ${RATES[1]}× CPU | home overview at ${RATES[0]}× | home overview at ${RATES[1]}× | page on |`,
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | --- |');
  for (const count of counts) {
    const { storage, opened } = registrationsSetup(guides, count);
    const ticks = await measureTickTiming(browser, siteUrl, {
      route: `${GUIDE_ROUTE}?r=${opened.id}`,
      rates: RATES,
      storage,
    });
    const overview = count > 1 ? await measureOverviewTiming(browser, siteUrl, storage) : [];
    const shown = ticks.map((tick) => tick.registration).find((name) => name !== opened.name);
    const overviewCell = (index: number) => {
      const timing = overview[index];
      if (!timing) return count > 1 ? 'no overview' : '(list of one)';
      const missing = timing.sections === count ? '' : `, ${timing.sections} shown`;
      return `${timing.drawnMs.toFixed(0)} ms (${timing.firstPaintMs.toFixed(0)}${missing})`;
    };
    console.log(
      `| ${count} | ${ticks.map(({ ms }) => `${ms.toFixed(1)} ms`).join(' | ')} | ${overviewCell(0)} | ${overviewCell(1)} | ${shown === undefined ? opened.name : `${shown || '(none)'}, not ${opened.name}`} |`,
    );
  }
}
