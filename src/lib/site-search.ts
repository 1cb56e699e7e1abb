/**
 * What the site search (Starlight's Pagefind dialog) does with a query before Pagefind sees it.
 * Pure; src/islands/site-search-ui.ts hands it to Pagefind's interface.
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
