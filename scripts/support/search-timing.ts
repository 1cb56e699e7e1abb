/**
 * How quickly the site search answers its first use: from a click on the search button (no pointer
 * over it before, as with a keyboard shortcut or a touch; the page loaded and idle) until the dialog's
 * box is focused on screen, until a character typed straight after the click shows in it, and until
 * the first results show. Measured in Chromium at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate),
 * each run in a fresh browser context (nothing cached). Used by scripts/bench.ts.
 */
import type { Browser, Page } from 'playwright-core';

/** Pages measured: a plain page and the heaviest guide. */
export const SEARCH_TIMING_ROUTES = ['about/', 'microsoft/'] as const;
const CPU_RATES = [1, 4] as const;
const RUNS = 5;
/** Typed straight after the click; both languages' indexes find it. */
export const SEARCH_TIMING_QUERY = 'sendgrid';

/** Milliseconds from the click (its pointerdown) to each moment; undefined if it never came. */
export interface SearchTiming {
  /** The dialog's search box has focus, and a frame has been drawn since. */
  box?: number;
  /** The first typed character is in the box, and a frame has been drawn since. */
  firstCharacter?: number;
  /**
   * The frame that shows the opened dialog has been presented, as the browser's Event Timing reports
   * it for the click (the measure behind Interaction to Next Paint): unlike `box`, not delayed by
   * tasks that run after that frame. Undefined when the click took under 16 ms to paint (the API
   * reports no shorter event).
   */
  boxPainted?: number;
  /** The same for the first typed key: the frame that shows its character has been presented. */
  firstCharacterPainted?: number;
  /** The first result link is on screen. */
  results?: number;
  /** What the box held at the end (to see that no character was lost). */
  typed: string;
}

type Marks = {
  click?: number;
  box?: number;
  firstCharacter?: number;
  results?: number;
  boxPainted?: number;
  firstCharacterPainted?: number;
};

/** Records the moments of SearchTiming in the page, from its first script on. */
function recordMarks(): void {
  const marks: Marks = {};
  Object.assign(window, { __searchMarks: marks });
  const inSearchBox = (target: EventTarget | null) =>
    target instanceof HTMLInputElement && target.closest('site-search dialog') !== null;
  // After the next frame has been produced: a task queued from the frame's animation callback.
  const afterNextFrame = (mark: (time: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => mark(performance.now());
      channel.port2.postMessage(undefined);
    });
  window.addEventListener('pointerdown', (event) => (marks.click ??= event.timeStamp), true);
  // Event Timing: each event's start plus its duration is when the frame after its handlers was
  // presented. The first click after the pointerdown, and the first key typed after it.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (marks.click === undefined || entry.startTime < marks.click) continue;
      const painted = entry.startTime + entry.duration;
      if (entry.name === 'click') marks.boxPainted ??= painted;
      if (entry.name === 'keydown') marks.firstCharacterPainted ??= painted;
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  document.addEventListener(
    'focusin',
    (event) => {
      if (inSearchBox(event.target) && marks.box === undefined)
        afterNextFrame((time) => (marks.box ??= time));
    },
    true,
  );
  document.addEventListener(
    'input',
    (event) => {
      if (inSearchBox(event.target) && (event.target as HTMLInputElement).value !== '')
        afterNextFrame((time) => (marks.firstCharacter ??= time));
    },
    true,
  );
  new MutationObserver(() => {
    if (marks.results === undefined && document.querySelector('site-search .pagefind-ui__result-link'))
      marks.results = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

/** Waits until the page has loaded and the browser has been idle, as page-weight.ts's measurePage does. */
async function loadAndIdle(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => resolve(undefined), { timeout: 2000 })),
  );
  await page.waitForLoadState('networkidle');
}

/** One first search on `route` at `cpuRate`× CPU, in a fresh context. */
export async function measureSearchTiming(
  browser: Browser,
  siteUrl: string,
  route: string,
  cpuRate: number,
): Promise<SearchTiming> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.addInitScript(recordMarks);
    await loadAndIdle(page, siteUrl + route);
    const button = await page.locator('site-search button[data-open-modal]:not([disabled])').boundingBox();
    if (!button) throw new Error(`/${route}: the search button is not on screen`);
    const at = { x: button.x + button.width / 2, y: button.y + button.height / 2, button: 'left' as const };
    // Pressed and released where the pointer was not before: Chromium reports it over the button a
    // few milliseconds before the press, so the interface starts loading with the click.
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', clickCount: 1, ...at });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', clickCount: 1, ...at });
    await page.keyboard.type(SEARCH_TIMING_QUERY);
    await page
      .waitForFunction(
        () => (window as unknown as { __searchMarks: Marks }).__searchMarks.results !== undefined,
        undefined,
        { timeout: 30_000 },
      )
      .catch(() => undefined);
    const marks = await page.evaluate(() => (window as unknown as { __searchMarks: Marks }).__searchMarks);
    const typed = await page
      .locator('site-search dialog input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value).join(''));
    const since = (time: number | undefined) =>
      time === undefined || marks.click === undefined ? undefined : time - marks.click;
    return {
      box: since(marks.box),
      firstCharacter: since(marks.firstCharacter),
      results: since(marks.results),
      boxPainted: since(marks.boxPainted),
      firstCharacterPainted: since(marks.firstCharacterPainted),
      typed,
    };
  } finally {
    await context.close();
  }
}

/**
 * The median and the middle half of the runs (milliseconds), or `never` if a run never got there.
 * With `missingIsQuick`, a missing value is one the browser did not report because it was quick
 * (Event Timing reports 16 ms and more): it sorts first and prints as `fast`.
 */
export function spread(values: readonly (number | undefined)[], missingIsQuick = false): string {
  if (!missingIsQuick && values.some((value) => value === undefined)) return 'never';
  const sorted = values.toSorted((a, b) => (a ?? -1) - (b ?? -1));
  const at = (share: number) => {
    const value = sorted[Math.round((sorted.length - 1) * share)];
    return value === undefined ? 'fast' : String(Math.round(value));
  };
  return `${at(0.5)} (${at(0.25)}–${at(0.75)}) ms`;
}

/** Measures every route at every CPU rate RUNS times and prints the medians as a table. */
export async function printSearchTiming(browser: Browser, siteUrl: string): Promise<void> {
  const lines = [
    `\nFirst use of the site search: a click on the button (the pointer arriving with it), “${SEARCH_TIMING_QUERY}” typed at once; median (and middle half) of ${RUNS} runs, each in a fresh context.`,
    '| page | CPU | click → box focused (next task) | click → box painted (Event Timing) | click → first character shown (next task) | click → first character painted (Event Timing) | click → first results | characters lost |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const route of SEARCH_TIMING_ROUTES) {
    for (const rate of CPU_RATES) {
      const runs: SearchTiming[] = [];
      for (let run = 0; run < RUNS; run++)
        runs.push(await measureSearchTiming(browser, siteUrl, route, rate));
      const lost = runs.filter((run) => run.typed !== SEARCH_TIMING_QUERY).length;
      lines.push(
        `| /${route} | ${rate}× | ${spread(runs.map((r) => r.box))} | ${spread(
          runs.map((r) => r.boxPainted),
          true,
        )} | ${spread(runs.map((r) => r.firstCharacter))} | ${spread(
          runs.map((r) => r.firstCharacterPainted),
          true,
        )} | ${spread(runs.map((r) => r.results))} | ${lost} of ${RUNS} runs |`,
      );
    }
  }
  console.log(lines.join('\n'));
}
