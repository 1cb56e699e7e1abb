/**
 * Filtering of the troubleshooting entries: what the filter box and the vendor choice show.
 * Pure functions; the state lives in the URL (`?q=…&vendor=…`) so a filtered view can be shared.
 */

/** A vendor, named by the id of its guide in the guide registry (src/content/guides/). */
export type FaqVendor = string;

/** A vendor the entries can concern, in page order, with its name. */
export interface FaqVendorOption {
  id: FaqVendor;
  name: string;
}

/** One entry as the filter sees it: its id, vendors, and its text by how much a match there counts. */
export interface FaqSearchEntry {
  id: string;
  vendors: readonly FaqVendor[];
  /** The entry's heading. */
  title: string;
  /** Words people use for the problem (the entry's `searchTerms`). */
  terms: readonly string[];
  /** The rest: symptom, on-screen message, cause, fix, addresses to copy. */
  text: string;
}

/** What the user chose. `vendor` undefined means every vendor. */
export interface FaqFilterState {
  query: string;
  vendor: FaqVendor | undefined;
}

/**
 * Folds the differences a user should not have to type: full-width and half-width forms (ＡＢＣ,
 * ｱｲｳ), letter case, and runs of white space.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Tells whether an entry matches every word of the query and the chosen vendor. */
export function matchesFilter(entry: FaqSearchEntry, state: FaqFilterState): boolean {
  if (state.vendor && !entry.vendors.includes(state.vendor)) return false;
  const haystack = normalizeForSearch([entry.title, ...entry.terms, entry.text].join('\n'));
  return normalizeForSearch(state.query)
    .split(' ')
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}

/** Ids of the entries the filter shows, in their original order. */
export function filterEntries(entries: readonly FaqSearchEntry[], state: FaqFilterState): string[] {
  return entries.filter((entry) => matchesFilter(entry, state)).map((entry) => entry.id);
}

/** Reads the filter from a URL query string; vendors not among `vendors` are ignored. */
export function readFilterFromSearch(search: string, vendors: readonly FaqVendor[]): FaqFilterState {
  const params = new URLSearchParams(search);
  const vendor = params.get('vendor');
  return {
    query: params.get('q') ?? '',
    vendor: vendor !== null && vendors.includes(vendor) ? vendor : undefined,
  };
}

/** Writes the filter into a URL query string, keeping other parameters; empty values are left out. */
export function writeFilterToSearch(search: string, state: FaqFilterState): string {
  const params = new URLSearchParams(search);
  if (state.query.trim() === '') params.delete('q');
  else params.set('q', state.query);
  if (state.vendor) params.set('vendor', state.vendor);
  else params.delete('vendor');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
