import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hydrateAllIslands, useBrowser, useTestPages } from './support/browser';
import { listRoutes } from '../support/page-weight';
import { decodeEntities, readBuiltPage } from '../support/site';
import { GUIDE_IDS, type Lang } from '../../src/lib/guides';
import { RECORD_FIELDS, type RecordKind } from '../../src/lib/records';

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
const pages = useTestPages(useBrowser());

/** Phone widths in CSS pixels: a small Android, a common Android, a current iPhone. */
const WIDTHS = [320, 360, 390] as const;

/** Every built page, by language (404.html included). */
const routes = listRoutes(fileURLToPath(new URL('../../dist/', import.meta.url)));
const routesOf = (lang: Lang) => routes.filter((route) => route.startsWith('en/') === (lang === 'en'));

/** The steps of a guide in page order, with their titles as the built page of `lang` shows them. */
function builtSteps(guide: string, lang: Lang): { id: string; title: string }[] {
  const html = readBuiltPage(`${lang === 'en' ? 'en/' : ''}${guide}/`);
  return [
    ...html.matchAll(/<h3 class="guide-step__title" id="([^"]+)"><label[^>]*>([\s\S]*?)<\/label>/g),
  ].map((match) => ({ id: match[1] ?? '', title: decodeEntities((match[2] ?? '').replace(/<[^>]+>/g, '')) }));
}

/** Long values of the kind a user notes, none of which breaks at a space. */
const SAMPLE_VALUES: Record<Exclude<RecordKind, 'choice'>, string> = {
  email: 'registration.contact@partner-sales-department.example.co.jp',
  domain: 'contoso-partner-solutions-japan.onmicrosoft.com',
  'sign-in-name': 'registration.manager@contoso-partner-solutions-japan.onmicrosoft.com',
  'partner-id': '123456789012345678',
  date: '2026-01-15',
  text: '山田太郎（パートナー営業部ライセンス推進グループマネージャー）',
};

/**
 * Progress in every guide that makes the step with the longest title (in `lang`) the next step, an
 * hour after the earlier steps were ticked (so waits that start on them are running), with every
 * record noted.
 */
function progressWithLongNextSteps(lang: Lang): string {
  const ticked = new Date(Date.now() - 3_600_000).toISOString();
  const guides = Object.fromEntries(
    GUIDE_IDS.map((guide) => {
      const steps = builtSteps(guide, lang);
      const longest = steps.reduce((best, step) => (step.title.length > best.title.length ? step : best));
      const before = steps.slice(0, steps.indexOf(longest));
      return [guide, Object.fromEntries(before.map((step) => [step.id, { tickedAt: ticked }]))];
    }),
  );
  const records = Object.fromEntries(
    RECORD_FIELDS.map((field) => [
      field.id,
      {
        value: field.kind === 'choice' ? (field.choices?.at(-1) ?? '') : SAMPLE_VALUES[field.kind],
        updatedAt: ticked,
      },
    ]),
  );
  return JSON.stringify({ version: 3, guides, records });
}

/** Waits until every island has hydrated and the holiday files the waits need have arrived. */
async function settle(page: Page): Promise<void> {
  await hydrateAllIslands(page);
  await page.waitForLoadState('networkidle');
}

/** How far the page scrolls sideways, and the elements that stick out past the viewport's right edge. */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const sticking = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    return { overflow: root.scrollWidth - root.clientWidth, sticking: [...new Set(sticking)].slice(0, 8) };
  });
}

describe('the phone', () => {
  describe.each(['ja', 'en'] as const)('%s pages', (lang) => {
    it.each(routesOf(lang))(
      '/%s does not scroll sideways at 320, 360 or 390 px with progress, long next steps and records',
      async (route) => {
        const context = await pages.freshContext({
          viewport: { width: WIDTHS[0], height: 740 },
          hasTouch: true,
        });
        await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
          KEY,
          progressWithLongNextSteps(lang),
        ] as const);
        const page = await pages.newPage();
        // Loaded once, at the narrowest width, then widened: the pages' scripts read the width only
        // against Starlight's 50em breakpoint (its mobile menu), which all three widths are under,
        // so each width shows what a page loaded at that width shows.
        await page.goto(site + route);
        await settle(page);
        const wide: string[] = [];
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 740 });
          await expect.poll(() => page.evaluate(() => innerWidth)).toBe(width);
          const { overflow, sticking } = await sidewaysOverflow(page);
          if (overflow > 0) wide.push(`${width} px: ${overflow} px too wide (${sticking.join(', ')})`);
          // The header's search and menu buttons are on screen.
          for (const button of ['site-search button[data-open-modal]', 'button.sl-menu-button']) {
            const box = await page.locator(button).boundingBox();
            if (!box || box.x < 0 || box.x + box.width > width)
              wide.push(`${width} px: ${button} is off screen`);
          }
        }
        expect(wide).toEqual([]);
      },
    );
  });
  it.each(['', 'en/'])(
    '/%s: the table of who needs which guide reads as one card per row on a phone, a table when wide',
    async (home) => {
      await pages.freshContext({ viewport: { width: 390, height: 740 } });
      const page = await pages.newPage();
      await page.goto(site + home);
      const table = page.getByRole('table');
      // Screen readers still get a table with its column headings.
      expect(await table.getByRole('columnheader').count()).toBe(3);
      expect(await table.getByRole('row').count()).toBe(4);
      const rows = () =>
        table.locator('tbody tr').evaluateAll((trs) =>
          trs.map((tr) => {
            const cells = [...tr.querySelectorAll('td')].map((td) => td.getBoundingClientRect());
            const width = tr.getBoundingClientRect().width;
            return {
              stacked: cells.every((cell, i) => i === 0 || cell.top >= (cells[i - 1]?.bottom ?? 0)),
              narrowestCell: Math.round((Math.min(...cells.map((cell) => cell.width)) / width) * 100),
            };
          }),
        );
      // On the phone each row is a card: its cells one under another, each nearly as wide as the card.
      for (const row of await rows()) {
        expect(row.stacked).toBe(true);
        expect(row.narrowestCell).toBeGreaterThanOrEqual(75);
      }
      // Each cell but the guide's name says which column it belongs to.
      const labels = await table
        .locator('tbody tr:first-child td')
        .evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').display));
      expect(labels).toEqual(['inline', 'block', 'block']);

      await page.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(async () => (await rows()).every((row) => !row.stacked)).toBe(true);
    },
  );
});
