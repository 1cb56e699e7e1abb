import { describe, expect, it } from 'vitest';
import { createGuidePageCache } from '../../src/content-queries/guide-page-cache';
import { GUIDE_IDS, LANGS, type GuideId, type Lang } from '../../src/lib/guides';
import { readDoc } from '../support/site';

const pathOf = (guide: GuideId, lang: Lang) => (lang === 'ja' ? `${guide}.mdx` : `${lang}/${guide}.mdx`);

/** A cache over the guides' sources on disk, with the list of pages it read. */
function cacheOverSources(missing?: string) {
  const reads: string[] = [];
  const cache = createGuidePageCache((guide, lang) => {
    reads.push(pathOf(guide, lang));
    return Promise.resolve(
      pathOf(guide, lang) === missing ? undefined : { title: guide, body: readDoc(pathOf(guide, lang)) },
    );
  });
  return { cache, reads };
}

describe('createGuidePageCache', () => {
  it('reads and parses each guide page once per language, however often a build asks', async () => {
    const { cache, reads } = cacheOverSources();
    // As a build asks, all at once: each guide page for its own steps and phases, and each of its
    // steps for the index of every step (a step's waits, entries and links need it).
    await Promise.all(
      LANGS.flatMap((lang) =>
        GUIDE_IDS.map(async (guide) => {
          const { steps } = await cache.page(guide, lang);
          await Promise.all(steps.map(() => cache.stepIndex(lang)));
        }),
      ),
    );
    expect(cache.parses()).toBe(GUIDE_IDS.length * LANGS.length);
    expect(reads.sort()).toEqual(
      LANGS.flatMap((lang) => GUIDE_IDS.map((guide) => pathOf(guide, lang))).sort(),
    );
  });

  it('indexes every step of every guide by id, with its guide, title and link in the language', async () => {
    const { cache } = cacheOverSources();
    const index = await cache.stepIndex('en');
    const pages = await Promise.all(GUIDE_IDS.map((guide) => cache.page(guide, 'en')));
    expect(index.size).toBe(pages.reduce((count, page) => count + page.steps.length, 0));
    expect(index.get('rh-open-partner-connect')).toMatchObject({
      guide: 'redhat',
      href: '/en/redhat/#rh-open-partner-connect',
    });
    expect((await cache.stepIndex('ja')).get('hp-open-registration-page')).toEqual({
      guide: 'hp',
      title: '「HP Partner Portalのご登録について」ページを開きます',
      href: '/hp/#hp-open-registration-page',
    });
  });

  it('fails when a guide has no page in a language', async () => {
    const { cache } = cacheOverSources('en/redhat.mdx');
    await expect(cache.stepIndex('en')).rejects.toThrow('The redhat guide has no page in en');
  });
});
