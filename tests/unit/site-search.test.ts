import { describe, expect, it } from 'vitest';
import { foldSearchTerm, strongestSubResults } from '../../src/lib/site-search';

describe('the query the site search hands to Pagefind', () => {
  it('folds full-width letters, digits and signs to the half-width ones the pages use', () => {
    expect(foldSearchTerm('ＭＦＡ')).toBe('MFA');
    expect(foldSearchTerm('２段階認証')).toBe('2段階認証');
    expect(foldSearchTerm('Ｄ－Ｕ－Ｎ－Ｓ')).toBe('D-U-N-S');
    expect(foldSearchTerm('ｉｎｆｏ＠')).toBe('info@');
  });

  it('makes half-width katakana full-width', () => {
    expect(foldSearchTerm('ﾊﾟｽﾜｰﾄﾞ 忘れる')).toBe('パスワード 忘れる');
  });

  it('turns any run of white space, the ideographic space included, into one space', () => {
    expect(foldSearchTerm('　審査\u3000 保留中  ')).toBe('審査 保留中');
  });

  it('leaves the words that carry meaning as typed (Pagefind lowercases itself)', () => {
    expect(foldSearchTerm('審査保留中')).toBe('審査保留中');
    expect(foldSearchTerm('Something went wrong')).toBe('Something went wrong');
  });
});

describe('words that carry little', () => {
  it('are left out, so that a section is not picked for its many ない or が', () => {
    expect(foldSearchTerm('番号が進めない').split(' ')).not.toContain('ない');
    expect(foldSearchTerm('番号が進めない').split(' ')).not.toContain('が');
    expect(foldSearchTerm('番号が進めない')).toContain('番号');
    // English ones stay: Pagefind ranks English itself, and "not" or "no" say that something fails.
    expect(foldSearchTerm('confirm button does not work')).toBe('confirm button does not work');
  });

  it('are kept when the query has nothing else', () => {
    expect(foldSearchTerm('ない')).toBe('ない');
  });
});

describe('on an English page', () => {
  it('leaves Japanese whole: the English index finds a run of Japanese by its beginning', () => {
    expect(foldSearchTerm('この名前は既に error', 'en')).toBe('この名前は既に error');
    expect(foldSearchTerm('ＭＦＡ', 'en')).toBe('MFA');
  });
});

describe('the sections shown under a result page', () => {
  const section = (url: string, scores: number[]) => ({
    url,
    locations: scores.map((_, index) => index),
    weighted_locations: scores.map((balanced_score) => ({ balanced_score })),
  });

  it('are the three that match most strongly, in page order, after the page itself', () => {
    const sections = [
      section('/t/', [1]),
      section('/t/#many-weak', [0.1, 0.1, 0.1, 0.1, 0.1]),
      section('/t/#strong', [4]),
      section('/t/#middle', [1, 1]),
      section('/t/#weak', [0.2]),
      section('/t/#other', [1.5]),
    ];
    expect(strongestSubResults('/t/', sections).map((s) => s.url)).toEqual([
      '/t/',
      '/t/#strong',
      '/t/#middle',
      '/t/#other',
    ]);
  });

  it('are all of them when there are three or fewer', () => {
    const sections = [section('/t/#a', [0.1]), section('/t/#b', [3])];
    expect(strongestSubResults('/t/', sections)).toEqual(sections);
  });
});
