import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../../lib/guides';
import type { FaqSearchEntry } from '../../lib/faq-filter';
import { GUIDE_IDS } from '../../lib/guides';

/** A troubleshooting entry in one language, with its id without the language folder. */
export interface FaqEntry {
  id: string;
  entry: CollectionEntry<'faq'>;
}

/** The troubleshooting entries of a language, grouped by their first vendor, then by `order`. */
export async function getFaqEntries(lang: Lang): Promise<FaqEntry[]> {
  const entries = await getCollection('faq', (entry) => entry.id.startsWith(`${lang}/`));
  return entries
    .map((entry) => ({ id: entry.id.slice(lang.length + 1), entry }))
    .sort(
      (a, b) =>
        GUIDE_IDS.indexOf(a.entry.data.vendors[0]) - GUIDE_IDS.indexOf(b.entry.data.vendors[0]) ||
        a.entry.data.order - b.entry.data.order ||
        a.id.localeCompare(b.id),
    );
}

/** The troubleshooting entries of a language that name a step, in page order. */
export async function getFaqEntriesForStep(lang: Lang, stepId: string): Promise<FaqEntry[]> {
  return (await getFaqEntries(lang)).filter(({ entry }) => entry.data.steps.includes(stepId));
}

/** All the text of an entry that a user might type to find it. */
function searchableText(entry: CollectionEntry<'faq'>): string {
  const { title, symptom, message, cause, copy } = entry.data;
  return [title, symptom, message ?? '', cause, ...copy, entry.body ?? ''].join('\n');
}

/** Entries of the page's language as the filter sees them. */
export async function getFaqSearchEntries(lang: Lang): Promise<FaqSearchEntry[]> {
  return (await getFaqEntries(lang)).map(({ id, entry }) => ({
    id,
    vendors: entry.data.vendors,
    text: searchableText(entry),
  }));
}
