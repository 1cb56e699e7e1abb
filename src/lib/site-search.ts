/**
 * What the site search (Starlight's Pagefind dialog) does with a query before Pagefind sees it, and
 * with Pagefind's result before the dialog shows it. Pure functions; src/islands/site-search-ui.ts
 * hands them to Pagefind's interface.
 */

/**
 * Folds the width differences a user should not have to think about: full-width letters, digits
 * and signs (ＭＦＡ, ２段階, Ｄ－Ｕ－Ｎ－Ｓ) become the half-width ones the pages use, half-width
 * katakana (ﾊﾟｽﾜｰﾄﾞ) full-width, and any run of white space (the ideographic space included) one
 * space. Pagefind itself lowercases and splits Japanese into words (Intl.Segmenter), but does not
 * fold width, so ＭＦＡ found nothing.
 */
export function foldSearchTerm(term: string): string {
  return term.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A word Pagefind matched in a section, with how much it counts (heading and weighted words more). */
export interface WeightedLocation {
  balanced_score: number;
}

/** A section of a result page, as Pagefind's result data gives it. */
export interface SubResult {
  url: string;
  locations: readonly number[];
  weighted_locations?: readonly WeightedLocation[];
}

/** How strongly a section matches: the sum of its matched words' scores, or their count without scores. */
function matchScore(section: SubResult): number {
  return section.weighted_locations
    ? section.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0)
    : section.locations.length;
}

/**
 * The sections of a result page the dialog shows under its title: at most `limit` besides the page's
 * own top section, the ones that match most strongly, in page order. Pagefind's interface would keep
 * the ones with the most matched words, however little those words weigh, so that a troubleshooting
 * entry whose heading or search terms hold the query could lose to one that merely repeats a common
 * word of it. Given at most `limit` sections, the interface keeps them all.
 */
export function strongestSubResults<T extends SubResult>(
  pageUrl: string,
  sections: readonly T[],
  limit = 3,
): T[] {
  const [first, ...rest] = sections;
  const hasTop = first !== undefined && first.url === pageUrl;
  const candidates = hasTop ? rest : [...sections];
  if (candidates.length <= limit) return [...sections];
  const kept = new Set(
    candidates
      .map((section, index) => ({ section, index, score: matchScore(section) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit)
      .map(({ section }) => section),
  );
  const chosen = candidates.filter((section) => kept.has(section));
  return hasTop ? [first, ...chosen] : chosen;
}
