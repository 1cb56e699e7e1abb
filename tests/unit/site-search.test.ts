import { describe, expect, it } from 'vitest';
import { foldSearchTerm, strongestSubResults, type SubResult } from '../../src/lib/site-search';

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

/** A section with matched words of the given scores. */
const section = (url: string, ...scores: number[]): SubResult => ({
  url,
  locations: scores.map((_, index) => index),
  weighted_locations: scores.map((balanced_score) => ({ balanced_score })),
});

describe('the sections the dialog shows under a result page', () => {
  const page = '/troubleshooting/';

  it('keeps the strongest matches, not the most numerous, in page order', () => {
    const sections = [
      section('/troubleshooting/#a', 1, 1, 1),
      section('/troubleshooting/#b', 10),
      section('/troubleshooting/#c', 1, 1),
      section('/troubleshooting/#d', 1, 1, 1, 1),
      section('/troubleshooting/#e', 8),
    ];
    expect(strongestSubResults(page, sections).map((s) => s.url)).toEqual([
      '/troubleshooting/#b',
      '/troubleshooting/#d',
      '/troubleshooting/#e',
    ]);
  });

  it('keeps the page’s own top section first, beside three others', () => {
    const sections = [
      section(page, 1),
      section('/troubleshooting/#a', 1),
      section('/troubleshooting/#b', 2),
      section('/troubleshooting/#c', 3),
      section('/troubleshooting/#d', 4),
    ];
    expect(strongestSubResults(page, sections).map((s) => s.url)).toEqual([
      page,
      '/troubleshooting/#b',
      '/troubleshooting/#c',
      '/troubleshooting/#d',
    ]);
  });

  it('keeps every section when there are three or fewer, and breaks ties by page order', () => {
    const few = [section('/hp/#a', 1), section('/hp/#b', 5)];
    expect(strongestSubResults('/hp/', few)).toEqual(few);
    const tied = ['a', 'b', 'c', 'd'].map((id) => section(`/hp/#${id}`, 2));
    expect(strongestSubResults('/hp/', tied).map((s) => s.url)).toEqual(['/hp/#a', '/hp/#b', '/hp/#c']);
  });

  it('counts matched words when Pagefind gives no scores', () => {
    const sections = ['a', 'b', 'c', 'd'].map((id, index) => ({
      url: `/hp/#${id}`,
      locations: Array.from({ length: index === 0 ? 1 : 3 }, (_, i) => i),
    }));
    expect(strongestSubResults('/hp/', sections).map((s) => s.url)).toEqual(['/hp/#b', '/hp/#c', '/hp/#d']);
  });
});
