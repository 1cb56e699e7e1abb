/**
 * Click-to-next-frame of a tick: from the click on a step's box to the first animation frame after
 * the progress panel's count shows the new value, on a guide of the built site, with the CPU at full
 * speed and slowed down 4× (Chromium's CPU throttling, as on an old PC). Used by scripts/bench.ts.
 */
import type { Browser } from 'playwright-core';
import { seedStorage } from '../../tests/e2e/support/registrations.ts';

/** The median of `values`. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What a tick is measured on. */
export interface TickTimingOptions {
  /** The guide's route, with a query if any (`microsoft/?r=<id>`). */
  route?: string;
  /** CPU throttling rates, each in a fresh browser context. */
  rates?: readonly number[];
  /** How many boxes are clicked, one after the other. */
  ticks?: number;
  /** What localStorage holds before the page loads, by key (registrations, for example). */
  storage?: ReadonlyMap<string, string>;
}

/** The median click-to-next-frame time at one CPU rate, and the registration the page showed. */
export interface TickTiming {
  rate: number;
  ms: number;
  /** The name the registration switcher showed ('' if none). */
  registration: string;
}

/**
 * Ticks the first `ticks` boxes of `route` one after the other and returns the median time, in ms,
 * from each click (its event's time stamp) to the frame after the count changed, at each CPU rate.
 */
export async function measureTickTiming(
  browser: Browser,
  siteUrl: string,
  { route = 'microsoft/', rates = [1, 4], ticks = 5, storage }: TickTimingOptions = {},
): Promise<TickTiming[]> {
  const results = [];
  for (const rate of rates) {
    const context = await browser.newContext();
    if (storage) await seedStorage(context, Object.fromEntries(storage));
    const page = await context.newPage();
    await page.goto(siteUrl + route, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    await page.locator('.guide-step__check:enabled').first().waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const ids = await page
      .locator('.guide-step:not([data-conditional]) .guide-step__check')
      .evaluateAll((boxes, count) => boxes.slice(0, count).map((box) => box.id), ticks);
    const times: number[] = [];
    for (const id of ids) {
      const measured = page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const count = document.querySelector('.checklist-panel__count')!;
            const before = count.textContent;
            let clickedAt = 0;
            addEventListener('click', (event) => (clickedAt = event.timeStamp), {
              capture: true,
              once: true,
            });
            const observer = new MutationObserver(() => {
              if (count.textContent === before) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - clickedAt));
            });
            observer.observe(count, { subtree: true, childList: true, characterData: true });
            // A limit, not a wait: a page whose count never changes fails the bench instead of hanging it.
            setTimeout(() => {
              observer.disconnect();
              reject(new Error(`The progress count still read “${before}” 10 s after the click.`));
            }, 10_000);
          }),
      );
      await page.locator(`#${id}`).click();
      times.push(await measured);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const registration = await page.evaluate(
      () => document.querySelector('.registration-switcher strong')?.textContent ?? '',
    );
    await context.close();
    results.push({ rate, ms: median(times), registration });
  }
  return results;
}

/** Prints the click-to-next-frame of a tick on /microsoft/ at 1× and 4× CPU. */
export async function printTickTiming(browser: Browser, siteUrl: string): Promise<void> {
  const timings = await measureTickTiming(browser, siteUrl);
  const figures = timings.map(({ rate, ms }) => `${ms.toFixed(1)} ms at ${rate}× CPU`);
  console.log(`\nTick on /microsoft/, click to next frame (median of 5): ${figures.join(', ')}.`);
}
