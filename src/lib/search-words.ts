/**
 * The pieces of query handling shared by the troubleshooting filter (src/lib/faq-filter.ts) and the
 * site search (src/lib/site-search.ts): kana folding, Japanese word segmentation, and the words of a
 * query that carry little. Pure.
 */

/**
 * Japanese particles and endings as `Intl.Segmenter` cuts them out (in hiragana), and common English
 * words (lower case, without apostrophes).
 */
const MINOR_WORDS = new Set(
  (
    'が を の は に で と も へ や か な ね よ わ から まで より など ので のに けど けれど ない なかっ ず ' +
    'ます まし ませ ん です でし だ だっ た て でき できる できない する し します して した しまう しまい ' +
    'れる られる られ され される いる い いま あり ある なる なり なっ こと もの ため よう その この ' +
    'a an the and or but if of to in on at by for from with as is are was were be been am do does did ' +
    'doesnt dont didnt isnt arent wasnt not no can cant cannot could couldnt wont will would should ' +
    'i me my we our you your it its this that there what why how when where which who get got have has ' +
    'had any some after into out up so just still'
  ).split(' '),
);

const KATAKANA = /[\u30a1-\u30f6]/g;

/** Hiragana and the prolonged sound mark only (a particle, an ending, a verb's kana). */
export const ONLY_HIRAGANA = /^[\u3041-\u309f\u30fc]+$/;

/** Writes katakana as hiragana (パスワード → ぱすわーど), so that either spelling finds the other. */
export function toHiragana(text: string): string {
  return text.replace(KATAKANA, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60));
}

let segmenter: Intl.Segmenter | undefined;

/** One Japanese word segmenter for the page, made on first use; undefined where the browser has none. */
export function japaneseWordSegmenter(): Intl.Segmenter | undefined {
  if (typeof Intl.Segmenter !== 'function') return undefined;
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return segmenter;
}

/**
 * Tells whether a word, lower-cased and in hiragana, carries little: a particle, an ending, an
 * English stop word, or a lone kana (a piece of an ending: ました is cut as ま|し|た).
 */
export function isMinorWord(word: string): boolean {
  return MINOR_WORDS.has(word) || (word.length === 1 && ONLY_HIRAGANA.test(word));
}
