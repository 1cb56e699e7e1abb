/**
 * The site's rule for Japanese on English pages: every piece of Japanese is followed by its English
 * gloss in parentheses. A screen label or title is quoted as the screen shows it, in 「」, and
 * glossed: 「確認する」 (Confirm); a Japanese term is glossed the same way: 販売店 (reseller).
 *
 * What counts as one piece of Japanese:
 * - a quotation in 「」 or 『』 that holds kana or kanji, quotation marks included, Latin text inside
 *   it too (「HP Partner Portalのご登録について」);
 * - otherwise a run of kana, kanji and the full-width punctuation attached to them (お名前（姓）,
 *   株式会社を（株）と). Full-width punctuation alone (「?」, （+81）) is not Japanese text.
 *
 * A piece is glossed when, after optional white space, a parenthesis follows whose text (nested
 * parentheses included) has a Latin letter. The English-first form, "upstream distributor (上位商流)",
 * is not accepted: one order everywhere, and Japanese in parentheses is then never left unexplained.
 * Straight and curly quotation marks are not 「」, so “アクティブ” (Active) is reported: the label
 * belongs in 「」.
 */

const LETTER = String.raw`\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u30fc`;
// CJK symbols (without the quotation marks 「」『』, which start a quotation) and full-width forms.
const FULL_WIDTH = String.raw`\u3000-\u300b\u3010-\u303f\u30fb\uff01-\uff9f`;
const PIECE = new RegExp(String.raw`「[^」]*」|『[^』]*』|[${LETTER}${FULL_WIDTH}]+`, 'gu');
const HAS_LETTER = new RegExp(`[${LETTER}]`, 'u');

/** The parenthesised text that starts at `start` after optional white space, or null. */
function glossAt(text: string, start: number): string | null {
  const open = /^\s*\(/.exec(text.slice(start));
  if (!open) return null;
  let depth = 1;
  const from = start + open[0].length;
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === '(') depth += 1;
    else if (text[index] === ')') depth -= 1;
    if (depth === 0) return text.slice(from, index);
  }
  return null;
}

/** Every piece of Japanese in a text that is not followed by an English gloss in parentheses. */
export function unglossedJapanese(text: string): string[] {
  const unglossed: string[] = [];
  for (const match of text.matchAll(PIECE)) {
    const piece = match[0];
    if (!HAS_LETTER.test(piece)) continue;
    const gloss = glossAt(text, match.index + piece.length);
    if (gloss === null || !/[A-Za-z]/.test(gloss)) unglossed.push(piece);
  }
  return unglossed;
}
