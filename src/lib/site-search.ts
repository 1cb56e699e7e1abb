/**
 * What the site search (Starlight's Pagefind dialog) does with a query before Pagefind sees it, and
 * with Pagefind's result before the dialog shows it. Pure functions; src/islands/site-search-ui.ts
 * hands them to Pagefind's interface.
 */
import { isMinorWord, japaneseWordSegmenter, toHiragana } from './search-words';

const MARK = /<mark>(.*?)<\/mark>/g;

const JAPANESE = /[\u3041-\u30ff\u3400-\u9fff\u3005]/;
const KANJI = /[\u3400-\u9fff\u3005]/;
const LONE_KATAKANA = /^[\u30a1-\u30fa]$/;

/**
 * A piece of query text without spaces, without its words that carry little: Japanese is cut into
 * words as Pagefind cuts it, and what is left of it stays as typed (番号が進めない → 番号 進め).
 */
function withoutMinorWords(chunk: string): string[] {
  const segmenter = japaneseWordSegmenter();
  if (!JAPANESE.test(chunk) || !segmenter) return [chunk];
  const runs = [''];
  for (const part of segmenter.segment(chunk)) {
    // A lone katakana is a piece of a word (リ|ダイレクト), not a particle like が.
    const minor =
      part.isWordLike && !LONE_KATAKANA.test(part.segment) && isMinorWord(minorForm(part.segment));
    if (minor) runs.push('');
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
  /** A window of the section's text around its best matches, the matched words in `<mark>`. */
  excerpt?: string;
}

/** A word as the comparison of query and matched words sees it: lower case, hiragana, letters only. */
function comparable(word: string): string {
  return toHiragana(word.normalize('NFKC').toLowerCase()).replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words of a query that say what it is about, in comparable form. */
function meaningfulWords(term: string): string[] {
  const words = term.split(/\s+/).map(comparable);
  return [...new Set(words.filter((word) => word !== '' && !isMinorWord(word)))];
}

/**
 * How much of a query word the matched words stand for: 1 when one of them is the word or begins
 * with it; for a word that Pagefind matched in pieces (ダンズ番号 as ダンズ and 番号), the share of
 * its characters that the pieces cover, so that パートナー alone names パートナータイプ in part.
 */
function shareNamed(word: string, matched: readonly string[]): number {
  if (matched.some((match) => match.startsWith(word) || (JAPANESE.test(word) && match.includes(word))))
    return 1;
  const covered = new Array<boolean>(word.length).fill(false);
  for (const match of matched) {
    // A lone letter or kana says nothing (Pagefind marks か or リ for a query that holds them).
    if (match.length < 2 && !KANJI.test(match)) continue;
    for (let at = word.indexOf(match); at !== -1; at = word.indexOf(match, at + 1))
      covered.fill(true, at, at + match.length);
  }
  return covered.filter(Boolean).length / word.length;
}

/**
 * How many of the query's words a section shows as matched: the words marked in its excerpt and,
 * where the page's words are known, the words at its matched locations.
 */
function wordsNamed(section: SubResult, queryWords: readonly string[], pageWords: readonly string[]): number {
  const marks = [...(section.excerpt ?? '').matchAll(MARK)].map(([, mark]) => mark ?? '');
  const located = section.locations.flatMap((location) => pageWords[location] ?? []);
  const matched = [...new Set([...marks, ...located].map(comparable))].filter((word) => word !== '');
  return queryWords.reduce((named, word) => named + shareNamed(word, matched), 0);
}

/** How strongly a section matches: the sum of its matched words' scores, or their count without scores. */
function matchScore(section: SubResult): number {
  return section.weighted_locations
    ? section.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0)
    : section.locations.length;
}

/** What the dialog knows of a search when it chooses the sections to show. */
export interface SearchContext {
  /** The query as Pagefind received it. */
  term: string;
  /**
   * The page's text cut at white space, where Pagefind counts word locations the same way (pages
   * in English; Pagefind cuts Japanese into words of its own).
   */
  pageWords?: readonly string[];
}

/**
 * The sections of a result page the dialog shows under its title: at most three besides the page's
 * own top section, in page order. Chosen first by how many of the query's words they show as
 * matched, then by how strongly they match. Pagefind's interface would keep the ones with the most
 * matched words, however often one word repeats, and Pagefind gives every match of a given weight
 * the same score, so an entry that repeats パートナー or "partner" won over the one whose heading and
 * search terms name the whole symptom. Given at most three sections, the interface keeps them all.
 */
export function strongestSubResults<T extends SubResult>(
  pageUrl: string,
  sections: readonly T[],
  { term, pageWords = [] }: SearchContext = { term: '' },
): T[] {
  const limit = 3;
  const [first, ...rest] = sections;
  const hasTop = first !== undefined && first.url === pageUrl;
  const candidates = hasTop ? rest : [...sections];
  if (candidates.length <= limit) return [...sections];
  const queryWords = meaningfulWords(term);
  const kept = new Set(
    candidates
      .map((section, index) => ({
        section,
        index,
        named: wordsNamed(section, queryWords, pageWords),
        score: matchScore(section),
      }))
      .sort((a, b) => b.named - a.named || b.score - a.score || a.index - b.index)
      .slice(0, limit)
      .map(({ section }) => section),
  );
  const chosen = candidates.filter((section) => kept.has(section));
  return hasTop ? [first, ...chosen] : chosen;
}
