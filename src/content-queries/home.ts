import { GUIDE_IDS, type HomeGuide, type Lang } from '../lib/guides';
import type { HomeWait } from '../lib/waits';
import { memoize } from '../lib/memo';
import { getGuidePage } from './guide-pages';
import { getGuideWaits } from './waits';
import { pageHref } from './page-href';

/** A guide as the home page lists it, before its waits' seeds are turned into 「出典：…」 lines. */
type HomeGuideWithSeeds = Omit<HomeGuide, 'waits'> & { waits: (HomeWait & { seed: string })[] };

/**
 * Every guide as the home page lists it in a language: title, link, steps and waits, each wait with
 * the seed document its figures come from (the page turns it into a 「出典：…」 line).
 */
export const getHomeGuides = memoize((lang: Lang): Promise<HomeGuideWithSeeds[]> =>
  Promise.all(
    GUIDE_IDS.map(async (guide) => {
      const page = await getGuidePage(guide, lang);
      const href = pageHref(guide, lang);
      const waits = (await getGuideWaits(guide, lang)).map(({ rule, what, label, waitingStep, seed }) => ({
        rule,
        what,
        label,
        href: `${href}#${waitingStep}`,
        seed,
      }));
      return { guide, title: page.title, href, steps: page.steps, waits };
    }),
  ),
);
