/**
 * Counts the setTimeout and setInterval callbacks a page runs, without changing when they run: add
 * it with `addInitScript(countTimerCallbacks)` (after installing Playwright's clock, if any, so that
 * the clock's timers are counted), read it with `timerCallbacksRun(page)`.
 */
import type { Page } from 'playwright-core';

/** Runs in the page before its own scripts: wraps the timer functions with a counter. */
export function countTimerCallbacks(): void {
  const counter = { runs: 0 };
  Object.assign(window, { __timerCallbacks: counter });
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const schedule = window[name].bind(window) as (callback: unknown, ...rest: unknown[]) => number;
    window[name] = ((callback: unknown, ...rest: unknown[]) =>
      schedule(
        typeof callback === 'function'
          ? (...args: unknown[]) => {
              counter.runs++;
              (callback as (...a: unknown[]) => void)(...args);
            }
          : callback,
        ...rest,
      )) as never;
  }
}

/** How many timer callbacks the page has run since it loaded. */
export function timerCallbacksRun(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { __timerCallbacks: { runs: number } }).__timerCallbacks.runs,
  );
}
