import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, type PageErrors } from './support/browser';
import { startNginx, type RunningNginx } from './support/nginx';

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const subPathDir = fileURLToPath(new URL('../../dist-subpath/', import.meta.url));

/** What the build's header files and the server block promise: a year for the hashed files only. */
const YEAR_LONG_CACHE = 'public, max-age=31536000, immutable';

let nginx: RunningNginx | undefined;
/** dist/ at the root and dist-subpath/ under /partner-guides/, served by nginx with the README's block. */
const sites = () => {
  const [root, subPath] = nginx?.urls ?? [];
  if (!root || !subPath) throw new Error('nginx is not running yet.');
  return { root, subPath };
};

beforeAll(async () => {
  nginx = await startNginx([
    { dir: distDir, basePath: '/' },
    { dir: subPathDir, basePath: '/partner-guides/' },
  ]);
});
afterAll(async () => {
  await nginx?.stop();
});

const browser = useBrowser();

/** A page that records every Content-Security-Policy violation and every URL it requests. */
interface WatchedPage {
  page: Page;
  errors: PageErrors;
  requests: string[];
  violations: () => Promise<string[]>;
}

async function open(): Promise<WatchedPage> {
  const context = await browser().newContext();
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'} ${event.sample}`);
    });
  });
  const { page, errors } = await openPage(context);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const violations = () =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  return { page, errors, requests, violations };
}

/** The headers dist/_headers gives a path pattern, as hosts that read that format send them. */
function headersFileSection(pattern: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inSection = false;
  for (const line of readFileSync(distDir + '_headers', 'utf8').split('\n')) {
    if (!line.startsWith(' ')) inSection = line.trim() === pattern;
    else if (inSection) {
      const [name = '', ...value] = line.trim().split(': ');
      headers[name.toLowerCase()] = value.join(': ');
    }
  }
  return headers;
}

/** The first script the page's HTML loads from _astro/ (content-hashed). */
async function hashedScript(pageUrl: string): Promise<string> {
  const html = await (await fetch(pageUrl)).text();
  const path = /src="([^"]*\/_astro\/[^"]+\.js)"/.exec(html)?.[1];
  if (!path) throw new Error(`${pageUrl} loads no script from _astro/`);
  return new URL(path, pageUrl).href;
}

describe('served by nginx with the server block of the README', () => {
  it('sends a strict policy without unsafe-inline scripts, and the other headers', async () => {
    const response = await fetch(sites().root + 'hp/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('sends the same headers as dist/_headers gives hosts that read that format', async () => {
    const all = headersFileSection('/*');
    expect(Object.keys(all)).toContain('content-security-policy');
    const page = await fetch(sites().root + 'en/microsoft/');
    for (const [name, value] of Object.entries(all)) expect(page.headers.get(name), name).toBe(value);
    const asset = await fetch(await hashedScript(sites().root));
    expect(headersFileSection('/_astro/*')).toEqual({ 'cache-control': YEAR_LONG_CACHE });
    expect(asset.headers.get('cache-control')).toBe(YEAR_LONG_CACHE);
  });

  it('caches the content-hashed files for a year, keeps the security headers on them, and not the pages', async () => {
    for (const site of [sites().root, sites().subPath]) {
      const script = await hashedScript(site + 'hp/');
      expect(script.startsWith(site + '_astro/'), script).toBe(true);
      const asset = await fetch(script);
      expect(asset.status, script).toBe(200);
      expect(asset.headers.get('content-type'), script).toMatch(/javascript/);
      expect(asset.headers.get('cache-control'), script).toBe(YEAR_LONG_CACHE);
      // An add_header of its own in a location drops the inherited ones: the block includes them again.
      expect(asset.headers.get('x-content-type-options'), script).toBe('nosniff');
      expect(asset.headers.get('content-security-policy'), script).toContain("default-src 'self'");
      for (const path of ['', 'hp/', 'en/handoff/', 'pagefind/pagefind.js', 'holidays/2026.json']) {
        const response = await fetch(site + path);
        expect(response.status, site + path).toBe(200);
        expect(response.headers.get('cache-control'), site + path).toBeNull();
        expect(response.headers.get('x-content-type-options'), site + path).toBe('nosniff');
      }
    }
  });

  it('redirects a page address without its final slash to the page', async () => {
    for (const [site, path] of [
      [sites().root, 'redhat'],
      [sites().subPath, 'en/hp'],
    ] as const) {
      const response = await fetch(site + path, { redirect: 'manual' });
      expect(response.status, site + path).toBe(301);
      expect(response.headers.get('location'), site + path).toBe(site + path + '/');
    }
  });

  it('answers a missing page with the 404 page of its language, under the policy, at the root and under the sub-path', async () => {
    for (const site of [sites().root, sites().subPath]) {
      for (const [path, lang, heading] of [
        ['no-such-guide/', 'ja', 'ページが見つかりません'],
        ['en/no-such-guide/', 'en', 'Page not found'],
        ['hp/no-such-file.html', 'ja', 'ページが見つかりません'],
      ] as const) {
        const response = await fetch(site + path);
        expect(response.status, site + path).toBe(404);
        expect(response.headers.get('content-security-policy'), site + path).toContain("default-src 'self'");
        const html = await response.text();
        expect(html, site + path).toContain(`<html lang="${lang}"`);
        expect(html, site + path).toMatch(new RegExp(`<h1[^>]*>${heading}<`));
      }

      const { page, errors, requests, violations } = await open();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(site + 'en/no-such-guide/');
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
      // The page itself is the one 404: its styles and scripts load from the site.
      expect(failed).toEqual([`404 ${site}en/no-such-guide/`]);
      expect(requests.filter((url) => !url.startsWith(site))).toEqual([]);
      expect(await violations()).toEqual([]);
      expect(errors.list.filter((line) => !/status of 404/.test(line))).toEqual([]);
      await page.context().close();
    }
  });

  it('runs every page, the theme toggle, the checklist, the filter and search without a violation or a request elsewhere', async () => {
    const site = sites().root;
    const { page, errors, requests, violations } = await open();
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
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => !url.startsWith(site))).toEqual([]);
    expect(errors.list).toEqual([]);
    await page.context().close();
  });

  it('runs the hand-off page and its export without a violation', async () => {
    const { page, errors, violations } = await open();
    await page.goto(sites().root + 'handoff/');
    const save = page.getByRole('button', { name: '進捗と記録をファイルに保存' });
    await expect.poll(() => save.isEnabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toMatch(/^partner-guides-progress-[\d-]+\.json$/);
    expect(await violations()).toEqual([]);
    expect(errors.list).toEqual([]);
    await page.context().close();
  });

  it('serves the sub-path build under /partner-guides/ only: the checklist, search and the hand-off page run there without a violation', async () => {
    const site = sites().subPath;
    const origin = new URL(site).origin;
    expect((await fetch(origin + '/hp/')).status).toBe(404);

    const { page, errors, requests, violations } = await open();
    for (const path of ['', 'en/', 'en/redhat/', 'handoff/']) {
      await page.goto(site + path);
      await page.waitForLoadState('networkidle');
      expect(await violations(), path).toEqual([]);
    }
    await page.goto(site + 'microsoft/');
    const box = page.locator('#check-ms-csp-confirm-contact-email');
    await expect.poll(() => box.isEnabled()).toBe(true);
    await box.check();
    await page.reload();
    await expect.poll(() => box.isChecked()).toBe(true);

    await page.goto(site + 'en/troubleshooting/');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#starlight__search input').fill('sendgrid');
    await expect
      .poll(() =>
        page
          .locator('#starlight__search .pagefind-ui__result-link')
          .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? '')),
      )
      .toContain('/partner-guides/en/troubleshooting/#hp-confirmation-mail-not-arriving');

    expect(await violations()).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(site))).toEqual([]);
    expect(errors.list).toEqual([]);
    await page.context().close();
  });
});
