import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/site';

/**
 * The English pages' convention for what the Japanese screens show (stated at the top of each
 * English guide): Japanese labels are quoted in 「」 with an English gloss (tests/unit/english-glosses),
 * and labels that are English on the screen are in bold, never in 「」: 「OK」 reads as a Japanese
 * label left unglossed, **OK** as the button's own word. Symbols and numbers alone (「?」, 「+81」)
 * are neither.
 */
const sources = [
  ...readdirSync(join(ROOT, 'src/content/docs/en'))
    .filter((file) => file.endsWith('.mdx') || file.endsWith('.md'))
    .map((file) => `src/content/docs/en/${file}`),
  ...readdirSync(join(ROOT, 'src/content/faq/en')).map((file) => `src/content/faq/en/${file}`),
];

/** Quotations in 「」 with Latin letters and no kana or kanji: English on the screen. */
const englishInCornerBrackets = (text: string) =>
  [...text.matchAll(/「([^」]*)」/g)]
    .map((match) => match[0])
    .filter(
      (quote) =>
        /[A-Za-z]/.test(quote) && !/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(quote),
    );

describe.each(sources)('%s', (path) => {
  it('puts labels that are English on the screen in bold, not in 「」', () => {
    expect(englishInCornerBrackets(readFileSync(join(ROOT, path), 'utf8'))).toEqual([]);
  });
});
