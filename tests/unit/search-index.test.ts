import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../support/site';
import { listRoutes } from '../support/page-weight';

/**
 * What the site search indexes: a page's own words, not its links to other pages. A guide step's
 * links to troubleshooting entries (their titles) and an entry's links to guide steps made each page
 * match what the other answers, so they carry `data-pagefind-ignore` (checked on the built pages).
 */
const routes = listRoutes(DIST_DIR).filter((route) => !route.endsWith('.html'));
const html = (route: string) => readFileSync(join(DIST_DIR, route, 'index.html'), 'utf8');

/** Opening tags of the elements with the class, or of the `<dt>`/`<dd>` pair of a labelled list item. */
const openingTags = (page: string, pattern: RegExp) => [...page.matchAll(pattern)].map((match) => match[0]);

describe.each(routes)('/%s', (route) => {
  it('keeps links to other pages out of the search index', () => {
    const page = html(route);
    const tags = [
      ...openingTags(page, /<div class="guide-step__help"[^>]*>/g),
      ...openingTags(page, /<p class="guide-step__report"[^>]*>/g),
      ...openingTags(page, /<(?:dt|dd)\b[^>]*>(?=(?:(?!<\/d[td]>)[\s\S])*?faq-entry__steps)/g),
    ];
    expect(tags.filter((tag) => !tag.includes('data-pagefind-ignore'))).toEqual([]);
  });
});

describe('the check above', () => {
  it('sees the help links of a guide', () => {
    expect(openingTags(html('microsoft'), /<div class="guide-step__help"[^>]*>/g).length).toBeGreaterThan(0);
  });
});
