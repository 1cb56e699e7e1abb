import { getEntry } from 'astro:content';
import { GUIDE_IDS, type GuideId, type Lang } from '../../lib/guides';
import { extractSteps } from '../../lib/steps';

/** Where a step lives: its guide, its title in a language, and the link to it. */
export interface StepLocation {
  guide: GuideId;
  title: string;
  href: string;
}

/** The URL of a page (`hp`, `troubleshooting`…) in a language, under the site's base path. */
export function pageHref(slug: string, lang: Lang): string {
  return `${import.meta.env.BASE_URL}${lang === 'ja' ? '' : `${lang}/`}${slug}/`;
}

/** Every step of every guide in a language, by step id. */
export async function getStepIndex(lang: Lang): Promise<Map<string, StepLocation>> {
  const index = new Map<string, StepLocation>();
  for (const guide of GUIDE_IDS) {
    const entry = await getEntry('docs', lang === 'ja' ? guide : `${lang}/${guide}`);
    if (!entry) throw new Error(`The ${guide} guide has no page in ${lang}`);
    for (const step of extractSteps(entry.body ?? '')) {
      index.set(step.id, { guide, title: step.title, href: `${pageHref(guide, lang)}#${step.id}` });
    }
  }
  return index;
}
