import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, type PageErrors } from './support/browser';

/** dist/ served with the generated headers, as a production static server would. */
const site = inject('headersUrl');

const browser = useBrowser();

/** Opens a page that records every Content-Security-Policy violation. */
async function open(): Promise<{ page: Page; errors: PageErrors; violations: () => Promise<string[]> }> {
  const context = await browser().newContext();
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'} ${event.sample}`);
    });
  });
  const { page, errors } = await openPage(context);
  const violations = () =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  return { page, errors, violations };
}

describe('under the generated security headers', () => {
  it('sends a strict policy without unsafe-inline scripts, and the other headers', async () => {
    const response = await fetch(site + 'hp/');
    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('runs every page, the theme toggle, the checklist, the filter and search without a violation', async () => {
    const { page, errors, violations } = await open();
    for (const path of ['', 'en/', 'about/', 'en/redhat/', '404.html']) {
      await page.goto(site + path);
      await page.waitForLoadState('networkidle');
      expect(await violations(), path).toEqual([]);
    }

    await page.goto(site + 'hp/');
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const box = page.locator('#check-hp-open-registration-page');
    await expect.poll(() => box.isEnabled()).toBe(true);
    await box.check();
    await expect.poll(() => page.locator('.checklist-panel__count').textContent()).toMatch(/^1 \//);

    await page.goto(site + 'troubleshooting/');
    await page.locator('#faq-filter-query:not([disabled])').fill('sendgrid');
    await expect.poll(() => page.locator('.faq-filter__status').textContent()).toMatch(/^1 \//);

    await page.getByRole('button', { name: '検索' }).click();
    await page.locator('#starlight__search input').fill('D-U-N-S');
    await expect
      .poll(() => page.locator('#starlight__search .pagefind-ui__result-link').count())
      .toBeGreaterThan(0);

    expect(await violations()).toEqual([]);
    expect(errors.list).toEqual([]);
    await page.context().close();
  });

  it('runs the hand-off page and its export without a violation', async () => {
    const { page, errors, violations } = await open();
    await page.goto(site + 'handoff/');
    const save = page.getByRole('button', { name: '進捗と記録をファイルに保存' });
    await expect.poll(() => save.isEnabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toMatch(/^partner-guides-progress-[\d-]+\.json$/);
    expect(await violations()).toEqual([]);
    expect(errors.list).toEqual([]);
    await page.context().close();
  });
});
