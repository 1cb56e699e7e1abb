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

  it('keep a lone katakana, a piece of a longer word the segmenter cut off', () => {
    expect(foldSearchTerm('リダイレクト中 から動かない')).toContain('リダイレクト中');
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

  describe('given the query', () => {
    const marked = (url: string, marks: string[], scores: number[]) => ({
      ...section(url, scores),
      excerpt: marks.map((mark) => `… <mark>${mark}</mark> …`).join(''),
    });

    it('are first the ones whose excerpt names more of its words, however often others repeat one', () => {
      const sections = [
        section('/t/', [1]),
        marked('/t/#repeats-partner', ['Partner', 'partner', 'Partner', 'Partner'], [5, 5, 5, 5]),
        marked('/t/#names-the-symptom', ['Partner', 'Center.', 'denied.', '(verification)'], [1, 1, 1, 1]),
        marked('/t/#partner-id', ['(Partner', 'PartnerID.', 'Partner'], [5, 5, 5]),
        marked('/t/#verification', ['(verification)', 'verification.'], [6, 6]),
        marked('/t/#only-center', ['Center'], [0.5]),
      ];
      const shown = strongestSubResults('/t/', sections, {
        term: 'partner center verification denied',
      });
      expect(shown.map((s) => s.url)).toEqual([
        '/t/',
        '/t/#repeats-partner',
        '/t/#names-the-symptom',
        '/t/#partner-id',
      ]);
    });

    it('counts a Japanese word found inside a longer one, and not the words that carry little', () => {
      const sections = [
        marked('/t/#a', ['パートナー', 'パートナー', 'パートナー'], [5, 5, 5]),
        marked('/t/#b', ['パートナー', 'から', 'から'], [5, 5, 5]),
        marked('/t/#c', ['パートナーセンター', '管理'], [1, 1]),
        marked('/t/#d', ['パートナー', 'パートナー'], [5, 5]),
      ];
      const shown = strongestSubResults('/t/', sections, { term: 'パートナーセンター 管理 から' });
      expect(shown.map((s) => s.url)).toContain('/t/#c');
    });
    it('count a Japanese word matched only in part as half of one', () => {
      const sections = [
        marked('/t/#a', ['パートナー', 'パートナー'], [5, 5]),
        marked('/t/#b', ['パートナー'], [5]),
        marked('/t/#c', ['パートナー'], [5]),
        marked('/t/#type', ['パートナータイプ'], [1]),
      ];
      const shown = strongestSubResults('/t/', sections, { term: 'パートナータイプ' });
      expect(shown.map((s) => s.url)).toContain('/t/#type');
    });

    it('count a Japanese word matched in pieces by the share of it the pieces cover', () => {
      const sections = [
        marked('/t/#number', ['番号', '番号'], [5, 5]),
        marked('/t/#number-again', ['番号'], [5]),
        marked('/t/#duns', ['ダンズ'], [5]),
        marked('/t/#duns-number', ['ダンズ', '番号'], [1, 1]),
      ];
      const shown = strongestSubResults('/t/', sections, { term: 'ダンズ番号 エラー' });
      expect(shown.map((s) => s.url)).toContain('/t/#duns-number');
    });

    it('do not count a lone kana Pagefind marked for a piece of a query word', () => {
      const sections = [
        marked('/t/#link', ['リンク', '動', 'か'], [5, 5, 5]),
        marked('/t/#moves', ['移動', '動', 'か'], [5, 5, 5]),
        marked('/t/#works', ['動', 'か', 'か'], [5, 5, 5]),
        marked('/t/#redirect', ['リダイレクト'], [1]),
      ];
      const shown = strongestSubResults('/t/', sections, { term: 'リダイレクト中 動か' });
      expect(shown.map((s) => s.url)).toContain('/t/#redirect');
    });

    it('read the words at the matched locations where the page words are known', () => {
      const pageWords = 'Reseller tab missing. Email email email. Email who email. Email to email.'.split(
        ' ',
      );
      const at = (url: string, locations: number[], excerpt: string, score = 5) => ({
        url,
        locations,
        weighted_locations: locations.map(() => ({ balanced_score: score })),
        excerpt,
      });
      const sections = [
        at('/t/#symptom', [0, 1, 2], '<mark>Reseller</mark> tab', 1),
        at('/t/#email', [3, 4, 5], '<mark>Email</mark> <mark>email</mark>'),
        at('/t/#email-who', [6, 7, 8], '<mark>Email</mark> who <mark>email.</mark>'),
        at('/t/#email-to', [9, 10, 11], '<mark>Email</mark> to <mark>email.</mark>'),
      ];
      const shown = strongestSubResults('/t/', sections, { term: 'reseller tab missing email', pageWords });
      expect(shown.map((s) => s.url)[0]).toBe('/t/#symptom');
    });
  });

  it('are all of them when there are three or fewer', () => {
    const sections = [section('/t/#a', [0.1]), section('/t/#b', [3])];
    expect(strongestSubResults('/t/', sections)).toEqual(sections);
  });
});
