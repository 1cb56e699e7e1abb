/**
 * How quickly the site search answers its first use: from a click on the search button (no pointer
 * over it before, as with a keyboard shortcut or a touch; the page loaded and idle) until the dialog's
 * box is focused on screen, until a character typed straight after the click shows in it, and until
 * the first results show. Measured in Chromium at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate),
 * each run in a fresh browser context (nothing cached). Used by scripts/bench.ts.
 */
import type { Browser, Page } from 'playwright-core';

/** Pages measured: a plain page and the heaviest guide. */
const ROUTES = ['about/', 'microsoft/'] as const;
const CPU_RATES = [1, 4] as const;
const RUNS = 5;
/** Typed straight after the click; both languages' indexes find it. */
const QUERY = 'sendgrid';

/** Milliseconds from the click (its pointerdown) to each moment; undefined if it never came. */
export interface SearchTiming {
  /** The dialog's search box has focus, and a frame has been drawn since. */
  box?: number;
  /** The first typed character is in the box, and a frame has been drawn since. */
  firstCharacter?: number;
  /** The first result link is on screen. */
  results?: number;
  /** What the box held at the end (to see that no character was lost). */
  typed: string;
}

type Marks = { click?: number; box?: number; firstCharacter?: number; results?: number };

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
    // Pressed and released where the pointer was not before: no hover ahead of the click.
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', clickCount: 1, ...at });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', clickCount: 1, ...at });
    await page.keyboard.type(QUERY);
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
      typed,
    };
  } finally {
    await context.close();
  }
}

/** The median and the middle half of the runs (milliseconds), or `never` if a run never got there. */
function spread(values: readonly (number | undefined)[]): string {
  if (values.some((value) => value === undefined)) return 'never';
  const sorted = (values as number[]).toSorted((a, b) => a - b);
  const at = (share: number) => Math.round(sorted[Math.round((sorted.length - 1) * share)]!);
  return `${at(0.5)} ms (${at(0.25)}–${at(0.75)})`;
}

/** Measures every route at every CPU rate RUNS times and prints the medians as a table. */
export async function printSearchTiming(browser: Browser, siteUrl: string): Promise<void> {
  const lines = [
    `\nFirst use of the site search: a click on the button (no hover), “${QUERY}” typed at once; median (and middle half) of ${RUNS} runs, each in a fresh context.`,
    '| page | CPU | click → box focused | click → first character shown | click → first results | characters lost |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const route of ROUTES) {
    for (const rate of CPU_RATES) {
      const runs: SearchTiming[] = [];
      for (let run = 0; run < RUNS; run++)
        runs.push(await measureSearchTiming(browser, siteUrl, route, rate));
      const lost = runs.filter((run) => run.typed !== QUERY).length;
      lines.push(
        `| /${route} | ${rate}× | ${spread(runs.map((r) => r.box))} | ${spread(runs.map((r) => r.firstCharacter))} | ${spread(runs.map((r) => r.results))} | ${lost} of ${RUNS} runs |`,
      );
    }
  }
  console.log(lines.join('\n'));
}
