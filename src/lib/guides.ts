import { REGISTRY } from './guide-registry';
import type { StepInfo } from './steps';
import type { HomeWait } from './waits';

/**
 * The procedures this site documents, from the guide registry (src/content/guides/), in order; each
 * is one page with the same slug in every language.
 */
export const GUIDE_IDS: readonly string[] = REGISTRY.map((guide) => guide.id);

/** The id of a guide of the registry. */
export type GuideId = string;

/** Languages of the site: Japanese at the root, English under /en/. */
export const LANGS = ['ja', 'en'] as const;

export type Lang = (typeof LANGS)[number];

/** The site language of a Starlight route language (`ja` or `en`). */
export function toLang(lang: string): Lang {
  return lang === 'en' ? 'en' : 'ja';
}

/** Tells whether a string names one of the guides. */
export function isGuideId(value: string): value is GuideId {
  return GUIDE_IDS.includes(value);
}

/** The guide a step belongs to, by its id's prefix; undefined when no guide's prefix fits. */
export function guideOfStep(stepId: string): GuideId | undefined {
  return REGISTRY.find((guide) => stepId.startsWith(guide.stepPrefix))?.id;
}

/** The vendor's name of a guide in a language (the guide's id when the registry has no such guide). */
export function vendorName(guide: string, lang: Lang): string {
  return REGISTRY.find((entry) => entry.id === guide)?.vendor[lang] ?? guide;
}

/** Splits a docs entry id such as `en/troubleshooting` or `handoff` into its language and slug. */
export function parseEntryId(entryId: string): { lang: Lang; slug: string } {
  const [first, ...rest] = entryId.split('/');
  if (first === 'en') return { lang: 'en', slug: rest.join('/') || 'index' };
  // The Japanese home page's id is empty: its slug is `index`, as the English one's.
  return { lang: 'ja', slug: entryId || 'index' };
}

/** The guide a docs entry belongs to, or undefined for pages that are not guides. */
export function guideOfEntry(entryId: string): GuideId | undefined {
  const { slug } = parseEntryId(entryId);
  return isGuideId(slug) ? slug : undefined;
}

/** One guide as the home page lists it: title, link, steps and waits. */
export interface HomeGuide {
  guide: GuideId;
  title: string;
  href: string;
  steps: StepInfo[];
  waits: HomeWait[];
}
