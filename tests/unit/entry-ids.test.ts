import { describe, expect, it } from 'vitest';
import { guideOfEntry, parseEntryId } from '../../src/lib/guides';

/**
 * A docs entry's id tells its language and page; the pages that show the registration switcher
 * (components/overrides/PageTitle.astro: the guides, the home pages, the hand-off pages) are found
 * by it. The Japanese home page's id is empty.
 */
describe('docs entry ids', () => {
  it.each([
    ['', { lang: 'ja', slug: 'index' }],
    ['en', { lang: 'en', slug: 'index' }],
    ['handoff', { lang: 'ja', slug: 'handoff' }],
    ['en/handoff', { lang: 'en', slug: 'handoff' }],
    ['en/troubleshooting', { lang: 'en', slug: 'troubleshooting' }],
  ])('reads “%s” as its language and page', (id, expected) => {
    expect(parseEntryId(id)).toEqual(expected);
  });

  it('finds the guide of a guide page in either language, and none for other pages', () => {
    expect(guideOfEntry('hp')).toBe('hp');
    expect(guideOfEntry('en/hp')).toBe('hp');
    expect(guideOfEntry('')).toBeUndefined();
    expect(guideOfEntry('en/handoff')).toBeUndefined();
  });
});
