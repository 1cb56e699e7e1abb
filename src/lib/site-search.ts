/**
 * What the site search (Starlight's Pagefind dialog) does with a query before Pagefind sees it.
 * Pure; src/islands/site-search-ui.ts hands it to Pagefind's interface.
 */
import { isMinorWord } from './search-words';

const JAPANESE = /[\u3041-\u30ff\u3400-\u9fff\u3005]/;
const KATAKANA = /[\u30a1-\u30f6]/g;

let segmenter: Intl.Segmenter | undefined;

/**
 * A piece of query text without spaces, without its words that carry little: Japanese is cut into
 * words as Pagefind cuts it, and what is left of it stays as typed (番号が進めない → 番号 進め).
 */
function withoutMinorWords(chunk: string): string[] {
  if (!JAPANESE.test(chunk) || typeof Intl.Segmenter !== 'function') return [chunk];
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const runs = [''];
  for (const part of segmenter.segment(chunk)) {
    if (part.isWordLike && isMinorWord(minorForm(part.segment))) runs.push('');
    else runs[runs.length - 1] += part.segment;
  }
  return runs.filter((run) => run !== '');
}

/** A word as the list of words that carry little writes it: lower case, hiragana, no apostrophes. */
function minorForm(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(KATAKANA, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60));
}

/**
 * Folds the width differences a user should not have to think about: full-width letters, digits
 * and signs (ＭＦＡ, ２段階, Ｄ－Ｕ－Ｎ－Ｓ) become the half-width ones the pages use, half-width
 * katakana (ﾊﾟｽﾜｰﾄﾞ) full-width, and any run of white space (the ideographic space included) one
 * space. Pagefind itself lowercases and splits Japanese into words (Intl.Segmenter), but does not
 * fold width, so ＭＦＡ found nothing. Then leaves out the words that carry little (が, ない, does,
 * not): Pagefind wants every word of a query on a page, and picks the sections it shows under a page
 * by how many matches they hold, so an entry rich in ない won over the one the other words named.
 * A query of such words only is kept whole.
 */
export function foldSearchTerm(term: string): string {
  const folded = term.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const kept = folded.split(' ').flatMap(withoutMinorWords);
  return kept.length > 0 ? kept.join(' ') : folded;
}
