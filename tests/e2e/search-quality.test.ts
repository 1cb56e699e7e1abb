import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser';
import {
  MIN_SHARE,
  QUERY_SETS,
  SEARCH_LANGS,
  SEARCH_MODES,
  hitShare,
  measureSearchQuality,
  readQuerySet,
  type ModeOutcomes,
  type QuerySet,
  type QuerySetName,
} from '../support/search-quality';

const site = inject('siteUrl');
const root = fileURLToPath(new URL('../../', import.meta.url));
const sets = Object.fromEntries(QUERY_SETS.map((name) => [name, readQuerySet(root, name)])) as Record<
  QuerySetName,
  QuerySet
>;

const browser = useBrowser();
let results: ModeOutcomes[] = [];

// The same measurement as `npm run bench:search`: one page per language and mode, every query.
beforeAll(async () => {
  results = await measureSearchQuality(browser(), site, sets);
}, 600_000);

describe('the query sets of tests/search/', () => {
  it.each(SEARCH_LANGS)('hold at least 25 %s queries, some of them held out from tuning', (lang) => {
    expect(QUERY_SETS.reduce((count, name) => count + sets[name][lang].length, 0)).toBeGreaterThanOrEqual(25);
    expect(sets.holdout[lang].length).toBeGreaterThan(0);
    expect(sets.fresh[lang].length).toBeGreaterThan(0);
  });
});

describe('finding the troubleshooting entry for what users type', () => {
  it.each(SEARCH_LANGS.flatMap((lang) => SEARCH_MODES.map((mode) => [lang, mode] as const)))(
    'in %s, the %s finds the expected entry for at least 90 % of the queries',
    (lang, mode) => {
      const measured = results.find((result) => result.lang === lang && result.mode === mode);
      expect(measured?.outcomes.length).toBe(
        QUERY_SETS.reduce((count, name) => count + sets[name][lang].length, 0),
      );
      const outcomes = measured?.outcomes ?? [];
      const misses = outcomes
        .filter((outcome) => !outcome.hit)
        .map(
          (outcome) =>
            `[${outcome.set}] “${outcome.query}” → ${outcome.expect.join(' or ')}; shown first: ${outcome.shown.join(' | ')}`,
        );
      expect(hitShare(outcomes), `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(MIN_SHARE);
    },
  );
});
