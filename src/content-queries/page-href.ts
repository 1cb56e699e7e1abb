import type { Lang } from '../lib/guides';

/** The URL of a page (a guide, `troubleshooting`…) in a language, under the site's base path. */
export function pageHref(slug: string, lang: Lang): string {
  return `${import.meta.env.BASE_URL}${lang === 'ja' ? '' : `${lang}/`}${slug}/`;
}
