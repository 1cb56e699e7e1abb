/**
 * Click-to-next-frame of a tick: from the click on a step's box to the first animation frame after
 * the progress panel's count shows the new value, on a guide of the built site, with the CPU at full
 * speed and slowed down 4× (Chromium's CPU throttling, as on an old PC). Used by scripts/bench.ts.
 */
import type { Browser } from 'playwright-core';

/** The median of `values`. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Ticks the first `ticks` boxes of `route` one after the other and returns the median time, in ms,
 * from each click (its event's time stamp) to the frame after the count changed, at each CPU rate.
 */
export async function measureTickTiming(
  browser: Browser,
  siteUrl: string,
  route = 'microsoft/',
  rates: readonly number[] = [1, 4],
  ticks = 5,
): Promise<{ rate: number; ms: number }[]> {
  const results = [];
  for (const rate of rates) {
    const context = await browser.newContext();
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
          new Promise<number>((resolve) => {
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
          }),
      );
      await page.locator(`#${id}`).click();
      times.push(await measured);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();
    results.push({ rate, ms: median(times) });
  }
  return results;
}

/** Prints the click-to-next-frame of a tick on /microsoft/ at 1× and 4× CPU. */
export async function printTickTiming(browser: Browser, siteUrl: string): Promise<void> {
  const timings = await measureTickTiming(browser, siteUrl);
  const figures = timings.map(({ rate, ms }) => `${ms.toFixed(1)} ms at ${rate}× CPU`);
  console.log(`\nTick on /microsoft/, click to next frame (median of 5): ${figures.join(', ')}.`);
}
