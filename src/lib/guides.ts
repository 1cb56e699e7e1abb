/** The three procedures this site documents; each is one page with the same slug in every language. */
export const GUIDE_IDS = ['hp', 'microsoft', 'redhat'] as const;

export type GuideId = (typeof GUIDE_IDS)[number];

/** Languages of the site: Japanese at the root, English under /en/. */
export const LANGS = ['ja', 'en'] as const;

export type Lang = (typeof LANGS)[number];

/** The site language of a Starlight route language (`ja` or `en`). */
export function toLang(lang: string): Lang {
  return lang === 'en' ? 'en' : 'ja';
}

/** Tells whether a string names one of the guides. */
export function isGuideId(value: string): value is GuideId {
  return (GUIDE_IDS as readonly string[]).includes(value);
}

/** Splits a docs entry id such as `en/microsoft` or `hp` into its language and slug. */
export function parseEntryId(entryId: string): { lang: Lang; slug: string } {
  const [first, ...rest] = entryId.split('/');
  if (first === 'en') return { lang: 'en', slug: rest.join('/') || 'index' };
  return { lang: 'ja', slug: entryId };
}

/** The guide a docs entry belongs to, or undefined for pages that are not guides. */
export function guideOfEntry(entryId: string): GuideId | undefined {
  const { slug } = parseEntryId(entryId);
  return isGuideId(slug) ? slug : undefined;
}
