import { describe, expect, it } from 'vitest';
import { foldSearchTerm } from '../../src/lib/site-search';

describe('the query the site search hands to Pagefind', () => {
  it('folds full-width letters, digits and signs to the half-width ones the pages use', () => {
    expect(foldSearchTerm('ＭＦＡ')).toBe('MFA');
    expect(foldSearchTerm('２段階認証')).toBe('2段階認証');
    expect(foldSearchTerm('Ｄ－Ｕ－Ｎ－Ｓ')).toBe('D-U-N-S');
    expect(foldSearchTerm('ｉｎｆｏ＠')).toBe('info@');
  });

  it('makes half-width katakana full-width', () => {
    expect(foldSearchTerm('ﾊﾟｽﾜｰﾄﾞ 忘れた')).toBe('パスワード 忘れた');
  });

  it('turns any run of white space, the ideographic space included, into one space', () => {
    expect(foldSearchTerm('　審査\u3000 終わらない  ')).toBe('審査 終わらない');
  });

  it('leaves Japanese words and their spelling as typed (Pagefind segments and lowercases itself)', () => {
    expect(foldSearchTerm('審査終わらない')).toBe('審査終わらない');
    expect(foldSearchTerm('Something went wrong')).toBe('Something went wrong');
  });
});
