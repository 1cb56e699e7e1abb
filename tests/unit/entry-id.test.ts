import { describe, expect, it } from 'vitest';
import { guideOfEntry, parseEntryId } from '../../src/lib/guides';

/**
 * Starlight's ids of the docs entries: the home pages are `''` (Japanese, at the root) and `en`, the
 * others their path. PageTitle (src/components/overrides/PageTitle.astro) shows the registration
 * switcher on the home pages by the slug `index`.
 */
describe('parseEntryId', () => {
  it('reads both home pages as the slug index', () => {
    expect(parseEntryId('')).toEqual({ lang: 'ja', slug: 'index' });
    expect(parseEntryId('en')).toEqual({ lang: 'en', slug: 'index' });
  });

  it('reads other pages by their path, in their language', () => {
    expect(parseEntryId('handoff')).toEqual({ lang: 'ja', slug: 'handoff' });
    expect(parseEntryId('en/handoff')).toEqual({ lang: 'en', slug: 'handoff' });
    expect(guideOfEntry('en/hp')).toBe('hp');
    expect(guideOfEntry('')).toBeUndefined();
  });
});
