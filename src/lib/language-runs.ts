/**
 * Where a short text switches between Japanese and Latin script, so that each part can carry its
 * own `lang` (a search term 「確認コード (confirmation code)」 on an English page, "Pending" on a
 * Japanese one) and be read out with the right voice.
 */

/** A stretch of text in one language; `lang` is null when it holds no letter at all (「404」). */
export interface LanguageRun {
  text: string;
  lang: 'ja' | 'en' | null;
}

// Kana, kanji, the prolonged sound mark, CJK punctuation and full-width forms (ＭＦＡ typed in
// Japanese input mode is still Japanese typing).
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u30fc\u3000-\u303f\uff01-\uff9f]/u;
const LETTER = /\p{L}/u;
// A quotation in Japanese brackets is one Japanese piece, Latin words inside it included
// (「HP Partner Portal ログイン情報」), as the English pages' gloss rule reads it.
const PIECE = /「[^」]*」|『[^』]*』|[\s\S]/gu;

/**
 * Splits a text into runs of Japanese and of Latin letters. Characters that belong to neither
 * (digits, spaces, ASCII punctuation) join the run that follows them, or the last run at the end,
 * so that 「2段階認証」 stays one Japanese run.
 */
export function languageRuns(text: string): LanguageRun[] {
  const runs: LanguageRun[] = [];
  let pending = '';
  for (const [character] of text.matchAll(PIECE)) {
    const lang = JAPANESE.test(character) ? 'ja' : LETTER.test(character) ? 'en' : null;
    if (lang === null) {
      pending += character;
      continue;
    }
    const last = runs.at(-1);
    if (last?.lang === lang) last.text += pending + character;
    else runs.push({ text: pending + character, lang });
    pending = '';
  }
  const last = runs.at(-1);
  if (last) last.text += pending;
  else if (pending !== '') runs.push({ text: pending, lang: null });
  return runs;
}
