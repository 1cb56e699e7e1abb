/**
 * How well the site finds a troubleshooting entry from the words a stuck user types: the header
 * search dialog (Starlight's Pagefind UI) and the troubleshooting page's filter, measured in real
 * Chromium against the built site. Used by `npm run bench:search` (scripts/bench-search.ts) and by
 * tests/e2e/search-quality.test.ts, so that both measure the same thing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** The two languages of the site, and the path prefix of their pages. */
export const SEARCH_LANGS = ['ja', 'en'] as const;
export type SearchLang = (typeof SEARCH_LANGS)[number];
const PREFIX: Record<SearchLang, string> = { ja: '', en: 'en/' };

/** One query as a user would type it, and the troubleshooting entry (or entries) that answer it. */
export interface SearchQuery {
  query: string;
  expect: string | string[];
}

/** Queries per language, as stored in tests/search/queries-<set>.json. */
export type QuerySet = Record<SearchLang, SearchQuery[]>;

/**
 * The query sets: `tune` (authors tune terms and ranking against it), `holdout` (never tuned
 * against), and `fresh` (written later, by a writer who had seen neither the terms nor any result,
 * when the first held-out set's misses had been seen during the work; see README "Search quality"),
 * and `blind` (written by a writer who saw only the entries' titles and the vendors' documents, none
 * of the site's wording; first measured before any change made with it in view).
 */
export const QUERY_SETS = ['tune', 'holdout', 'fresh', 'blind'] as const;
export type QuerySetName = (typeof QUERY_SETS)[number];

/** Reads and checks a query set of tests/search/ from the project root. */
export function readQuerySet(root: string, name: QuerySetName): QuerySet {
  const file = join(root, 'tests/search', `queries-${name}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<QuerySet>;
  const set = {} as QuerySet;
  for (const lang of SEARCH_LANGS) {
    const queries = data[lang];
    if (!Array.isArray(queries)) throw new Error(`${file}: no "${lang}" list`);
    for (const item of queries) {
      const ids = expectedIds(item);
      if (typeof item.query !== 'string' || item.query.trim() === '' || ids.length === 0) {
        throw new Error(`${file}: malformed query ${JSON.stringify(item)}`);
      }
    }
    set[lang] = queries;
  }
  return set;
}

/** The acceptable entry ids of a query. */
export function expectedIds(query: SearchQuery): string[] {
  const ids = Array.isArray(query.expect) ? query.expect : [query.expect];
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}

/** Path and fragment of a link, decoded, without the site's base: `/en/troubleshooting/#ms-review-pending`. */
function linkPath(href: string, siteUrl: string): string {
  const url = new URL(href, siteUrl);
  const base = new URL(siteUrl).pathname;
  const path = decodeURIComponent(url.pathname);
  return '/' + (path.startsWith(base) ? path.slice(base.length) : path) + decodeURIComponent(url.hash);
}

/** The link of a troubleshooting entry in a language, as `linkPath` gives it. */
export function entryPath(lang: SearchLang, id: string): string {
  return `/${PREFIX[lang]}troubleshooting/#${id}`;
}

/** Starlight's search dialog and the parts of Pagefind's interface inside it. */
export const DIALOG = {
  open: 'site-search button[data-open-modal]',
  input: '#starlight__search input',
  /** Pagefind's own box, in its form. */
  interfaceInput: '#starlight__search form input',
  resultsArea: '#starlight__search .pagefind-ui__results-area',
  results: '#starlight__search .pagefind-ui__results',
  result: '#starlight__search .pagefind-ui__result',
  message: '#starlight__search .pagefind-ui__message',
} as const;

/**
 * Opens the search dialog on the page and waits until Pagefind's search box is in it (in place of the
 * box that stands in for it until its interface has loaded, src/islands/site-search.ts).
 */
export async function openSearchDialog(page: Page): Promise<void> {
  await page.locator(`${DIALOG.open}:not([disabled])`).click();
  await page.locator(DIALOG.interfaceInput).waitFor();
}

/** What the dialog shows for a query: its message, and the first result group's links and titles. */
export interface DialogOutcome {
  message: string;
  /** How many results the dialog lists (at most a page of them; the message gives the total). */
  resultCount: number;
  /** The first result's page link, then its sub-results' links, as `linkPath` gives them. */
  firstGroup: string[];
  /** Their titles, in the same order. */
  firstGroupTitles: string[];
}

/**
 * Types a query into the open dialog and reads what it shows once this query's search has finished.
 * The box is emptied first, which removes the previous results, so the list that appears next can
 * only be this query's (Pagefind shows no list while it is still searching).
 */
export async function searchInDialog(page: Page, siteUrl: string, query: string): Promise<DialogOutcome> {
  const input = page.locator(DIALOG.input);
  await input.fill('');
  await page.locator(DIALOG.resultsArea).waitFor({ state: 'detached' });
  await input.fill(query);
  await page.locator(DIALOG.results).waitFor({ state: 'attached' });
  const resultCount = await page.locator(DIALOG.result).count();
  const message = (await page.locator(DIALOG.message).textContent())?.trim() ?? '';
  if (resultCount === 0) return { message, resultCount, firstGroup: [], firstGroupTitles: [] };
  // Each result fetches its own data: its links appear once that has arrived.
  const first = page.locator(DIALOG.result).first();
  await first.locator('.pagefind-ui__result-link').first().waitFor();
  const links = await first
    .locator('.pagefind-ui__result-link')
    .evaluateAll((anchors) =>
      anchors.map((anchor) => ({ href: anchor.getAttribute('href') ?? '', title: anchor.textContent ?? '' })),
    );
  return {
    message,
    resultCount,
    firstGroup: links.map((link) => linkPath(link.href, siteUrl)),
    firstGroupTitles: links.map((link) => link.title.trim()),
  };
}

/** The troubleshooting page's filter box. */
export const FILTER_INPUT = '#faq-filter-query';

/**
 * Types a query into the troubleshooting page's filter and returns the ids of the entries it shows,
 * in document order (the filter ranks by order and hides what does not match). Waits until the
 * page's URL holds the query (the filter keeps its state there) and the page has painted.
 */
export async function filterEntryIds(page: Page, query: string): Promise<string[]> {
  await page.locator(FILTER_INPUT).fill(query);
  await page.waitForFunction(
    (expected) => new URL(location.href).searchParams.get('q')?.trim() === expected,
    query.trim(),
  );
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page
    .locator('.faq-entry')
    .evaluateAll((entries) =>
      entries
        .filter((entry) => entry.getClientRects().length > 0)
        .map((entry) => entry.getAttribute('data-faq-id') ?? ''),
    );
}

/** How many of the filter's first entries count as found. */
export const FILTER_TOP = 3;

/** The outcome of one query in one mode. */
export interface QueryOutcome {
  set: QuerySetName;
  query: string;
  expect: string[];
  hit: boolean;
  /** What came first instead (titles or ids), for a miss. */
  shown: string[];
}

/** All outcomes of one language in one mode. */
export interface ModeOutcomes {
  lang: SearchLang;
  mode: SearchMode;
  outcomes: QueryOutcome[];
}

type LabelledQuery = SearchQuery & { set: QuerySetName };

const labelled = (sets: Partial<Record<QuerySetName, QuerySet>>, lang: SearchLang): LabelledQuery[] =>
  QUERY_SETS.flatMap((set) => (sets[set]?.[lang] ?? []).map((query) => ({ ...query, set })));

/** Opens `url` in a browser context of its own, runs `measure` on that page, and closes the context. */
async function onOnePage(
  browser: Browser,
  url: string,
  measure: (page: Page) => Promise<QueryOutcome[]>,
): Promise<QueryOutcome[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await measure(page);
  } finally {
    await context.close();
  }
}

/** Runs every query of a language in the search dialog, on one page whose dialog stays open. */
export async function measureDialog(
  browser: Browser,
  siteUrl: string,
  lang: SearchLang,
  sets: Partial<Record<QuerySetName, QuerySet>>,
): Promise<ModeOutcomes> {
  const outcomes = await onOnePage(browser, siteUrl + PREFIX[lang], async (page) => {
    await openSearchDialog(page);
    const measured: QueryOutcome[] = [];
    for (const item of labelled(sets, lang)) {
      const expect = expectedIds(item);
      const result = await searchInDialog(page, siteUrl, item.query);
      const wanted = expect.map((id) => entryPath(lang, id));
      const hit = result.firstGroup.some((path) => wanted.includes(path));
      const shown = result.firstGroup.map(
        (path, index) => `${result.firstGroupTitles[index] ?? ''} <${path}>`,
      );
      measured.push({
        set: item.set,
        query: item.query,
        expect,
        hit,
        shown: result.resultCount === 0 ? [`(${result.message})`] : shown,
      });
    }
    return measured;
  });
  return { lang, mode: 'dialog', outcomes };
}

/** Runs every query of a language in the troubleshooting page's filter, on one page. */
export async function measureFilter(
  browser: Browser,
  siteUrl: string,
  lang: SearchLang,
  sets: Partial<Record<QuerySetName, QuerySet>>,
): Promise<ModeOutcomes> {
  const outcomes = await onOnePage(browser, `${siteUrl}${PREFIX[lang]}troubleshooting/`, async (page) => {
    await page.locator(`${FILTER_INPUT}:not([disabled])`).waitFor();
    const measured: QueryOutcome[] = [];
    for (const item of labelled(sets, lang)) {
      const expect = expectedIds(item);
      const top = (await filterEntryIds(page, item.query)).slice(0, FILTER_TOP);
      measured.push({
        set: item.set,
        query: item.query,
        expect,
        hit: top.some((id) => expect.includes(id)),
        shown: top.length === 0 ? ['(no entry shown)'] : top,
      });
    }
    return measured;
  });
  return { lang, mode: 'filter', outcomes };
}

/** The two ways of finding an entry that are measured. */
export const SEARCH_MODES = ['dialog', 'filter'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/**
 * Measures the modes (both by default) in both languages: one page per language and mode, all at
 * once. Each query's outcome is read from what its own page shows once that query has been
 * handled, so the pages do not depend on each other; and most of a query's time is the dialog's
 * wait before it searches (Pagefind's interface waits 300 ms after a keystroke by default), so
 * side by side the four pages take less than half the time they take one after another.
 */
export async function measureSearchQuality(
  browser: Browser,
  siteUrl: string,
  sets: Partial<Record<QuerySetName, QuerySet>>,
  modes: readonly SearchMode[] = SEARCH_MODES,
): Promise<ModeOutcomes[]> {
  const measure = { dialog: measureDialog, filter: measureFilter };
  return Promise.all(
    SEARCH_LANGS.flatMap((lang) =>
      SEARCH_MODES.filter((mode) => modes.includes(mode)).map((mode) =>
        measure[mode](browser, siteUrl, lang, sets),
      ),
    ),
  );
}

/** Share of hits among outcomes, 0 to 1 (1 when there are none). */
export function hitShare(outcomes: readonly QueryOutcome[]): number {
  return outcomes.length === 0 ? 1 : outcomes.filter((outcome) => outcome.hit).length / outcomes.length;
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

const shareCell = (outcomes: readonly QueryOutcome[]) =>
  `${percent(hitShare(outcomes))} (${outcomes.filter((o) => o.hit).length}/${outcomes.length})`;

/** A table of shares per language, mode and set, then every miss with what came first instead. */
export function formatReport(results: readonly ModeOutcomes[]): string {
  const measuredSets = QUERY_SETS.filter((set) =>
    results.some(({ outcomes }) => outcomes.some((outcome) => outcome.set === set)),
  );
  const lines = [
    `| language | mode | ${measuredSets.join(' | ')} | all |`,
    `| --- | --- | ${measuredSets.map(() => '---:').join(' | ')} | ---: |`,
    ...results.map(({ lang, mode, outcomes }) => {
      const of = (set: QuerySetName) => outcomes.filter((outcome) => outcome.set === set);
      return `| ${lang} | ${mode} | ${measuredSets.map((set) => shareCell(of(set))).join(' | ')} | ${shareCell(outcomes)} |`;
    }),
  ];
  for (const { lang, mode, outcomes } of results) {
    const misses = outcomes.filter((outcome) => !outcome.hit);
    if (misses.length === 0) continue;
    lines.push('', `Misses, ${lang} ${mode}:`);
    for (const miss of misses) {
      lines.push(`- [${miss.set}] “${miss.query}” → expected ${miss.expect.join(' or ')}; shown first:`);
      for (const shown of miss.shown) lines.push(`    ${shown}`);
    }
  }
  return lines.join('\n');
}

/** The least share of hits every language must reach in each mode (tests/e2e/search-quality.test.ts). */
export const MIN_SHARE = 0.9;
