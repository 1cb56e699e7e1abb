/**
 * What the site search (Starlight's Pagefind dialog) does with a query before Pagefind sees it, and
 * with Pagefind's result before the dialog shows it. Pure functions; src/islands/site-search-ui.ts
 * hands them to Pagefind's interface.
 */
import { isMinorWord, japaneseWordSegmenter, toHiragana } from './search-words';

const JAPANESE = /[\u3041-\u30ff\u3400-\u9fff\u3005]/;

/**
 * A piece of query text without spaces, without its words that carry little: Japanese is cut into
 * words as Pagefind cuts it, and what is left of it stays as typed (番号が進めない → 番号 進め).
 */
function withoutMinorWords(chunk: string): string[] {
  const segmenter = japaneseWordSegmenter();
  if (!JAPANESE.test(chunk) || !segmenter) return [chunk];
  const runs = [''];
  for (const part of segmenter.segment(chunk)) {
    if (part.isWordLike && isMinorWord(minorForm(part.segment))) runs.push('');
    else runs[runs.length - 1] += part.segment;
  }
  return runs.filter((run) => run !== '');
}

/** A word as the list of words that carry little writes it: lower case, hiragana, no apostrophes. */
function minorForm(word: string): string {
  return toHiragana(word.toLowerCase().replace(/['’]/g, ''));
}

/**
 * Folds the width differences a user should not have to think about: full-width letters, digits
 * and signs (ＭＦＡ, ２段階, Ｄ－Ｕ－Ｎ－Ｓ) become the half-width ones the pages use, half-width
 * katakana (ﾊﾟｽﾜｰﾄﾞ) full-width, and any run of white space (the ideographic space included) one
 * space. Pagefind itself lowercases and splits Japanese into words (Intl.Segmenter), but does not
 * fold width, so ＭＦＡ found nothing. Then leaves out the words that carry little (が, ない, does,
 * not): Pagefind wants every word of a query on a page, and picks the sections it shows under a page
 * by how many matches they hold, so an entry rich in ない won over the one the other words named.
 * A query of such words only is kept whole. Only on Japanese pages: the English index keeps a run of
 * Japanese as one word, which a query finds by its beginning (この名前は既に), not by its pieces.
 */
export function foldSearchTerm(term: string, pageLang = 'ja'): string {
  const folded = term.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!pageLang.startsWith('ja')) return folded;
  const kept = folded.split(' ').flatMap(withoutMinorWords);
  return kept.length > 0 ? kept.join(' ') : folded;
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
