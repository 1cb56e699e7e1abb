import type { BrowserContext, Page } from 'playwright-core';

/** Where a page keeps what it copied (its tab's sessionStorage: the page's own, across reloads). */
const COPIED_KEY = 'partner-guides-test:copied';

/**
 * Makes the pages of `context` keep what they copy (the Clipboard API's writeText, which the site's
 * copy buttons use: src/islands/clipboard.ts) in the page, read back with copiedText. The system
 * clipboard is the whole browser's, and every test file's contexts are in one Chromium
 * (support/global-setup.ts) while vitest runs two files at once: a test reading it could read what
 * another test copied a moment later.
 */
export async function keepCopiesInPage(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => {
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: (text: string) => {
          sessionStorage.setItem(key, text);
          return Promise.resolve();
        },
      },
    });
  }, COPIED_KEY);
}

/** What the page last copied (see keepCopiesInPage), or null. */
export function copiedText(page: Page): Promise<string | null> {
  return page.evaluate((key) => sessionStorage.getItem(key), COPIED_KEY);
}
