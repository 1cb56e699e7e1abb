import { getCollection, type CollectionEntry } from 'astro:content';
import { GUIDE_IDS, vendorName, type Lang } from '../lib/guides';
import type { FaqSearchEntry } from '../lib/faq-filter';
import { memoize } from '../lib/memo';

/** A troubleshooting entry in one language, with its id without the language folder. */
export interface FaqEntry {
  id: string;
  entry: CollectionEntry<'faq'>;
}

/** The troubleshooting entries of a language, grouped by their first vendor, then by `order`. */
export const getFaqEntries = memoize(async (lang: Lang): Promise<FaqEntry[]> => {
  const entries = await getCollection('faq', (entry) => entry.id.startsWith(`${lang}/`));
  return entries
    .map((entry) => ({ id: entry.id.slice(lang.length + 1), entry }))
    .sort(
      (a, b) =>
        GUIDE_IDS.indexOf(a.entry.data.vendors[0]) - GUIDE_IDS.indexOf(b.entry.data.vendors[0]) ||
        a.entry.data.order - b.entry.data.order ||
        a.id.localeCompare(b.id),
    );
});

/** A section of the troubleshooting page: one guide of the registry and its entries. */
export interface FaqSection {
  /** The guide's id, also the section heading's anchor (`/troubleshooting/#hp`). */
  guide: string;
  /** The guide's vendor name in the language: the section's heading. */
  heading: string;
  entries: FaqEntry[];
}

/**
 * The sections of the troubleshooting page in a language: every guide of the registry that has
 * entries (grouped by their first vendor), in the registry's order.
 */
export const getFaqSections = memoize(async (lang: Lang): Promise<FaqSection[]> => {
  const entries = await getFaqEntries(lang);
  return GUIDE_IDS.map((guide) => ({
    guide,
    heading: vendorName(guide, lang),
    entries: entries.filter(({ entry }) => entry.data.vendors[0] === guide),
  })).filter((section) => section.entries.length > 0);
});

/** The entries of a language by the steps they name, each step's in page order. */
const getFaqEntriesByStep = memoize(async (lang: Lang) => {
  const byStep = new Map<string, FaqEntry[]>();
  for (const faq of await getFaqEntries(lang)) {
    for (const step of faq.entry.data.steps) byStep.set(step, [...(byStep.get(step) ?? []), faq]);
  }
  return byStep;
});

/** The troubleshooting entries of a language that name a step, in page order. */
export async function getFaqEntriesForStep(lang: Lang, stepId: string): Promise<FaqEntry[]> {
  return (await getFaqEntriesByStep(lang)).get(stepId) ?? [];
}

/** The text of an entry beyond its title and search terms that a user might type to find it. */
function searchableText(entry: CollectionEntry<'faq'>): string {
  const { symptom, message, messageGloss, cause, copy } = entry.data;
  return [symptom, message ?? '', messageGloss ?? '', cause, ...copy, entry.body ?? ''].join('\n');
}

/** Entries of the page's language as the filter sees them. */
export const getFaqSearchEntries = memoize(async (lang: Lang): Promise<FaqSearchEntry[]> =>
  (await getFaqEntries(lang)).map(({ id, entry }) => ({
    id,
    vendors: entry.data.vendors,
    title: entry.data.title,
    terms: entry.data.searchTerms,
    text: searchableText(entry),
  })),
);
