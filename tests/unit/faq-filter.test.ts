import { describe, expect, it } from 'vitest';
import {
  filterEntries,
  normalizeForSearch,
  queryWords,
  rankEntries,
  readFilterFromSearch,
  writeFilterToSearch,
  type FaqSearchEntry,
} from '../../src/lib/faq-filter';

const entry = (id: string, vendors: string[], text: string): FaqSearchEntry => ({
  id,
  vendors,
  title: '',
  terms: [],
  text,
});
const entries: FaqSearchEntry[] = [
  entry('hp-mail', ['hp'], '確認コードお知らせメールが届かない sendgrid.net 迷惑メール'),
  entry('ms-name', ['microsoft'], '「この名前は既にシステムに存在します」 name already exists'),
  entry('rh-mail', ['redhat'], 'Red Hat の確認メールが届かない spam 迷惑メール'),
  entry('both', ['microsoft', 'hp'], 'Shared ENTRY'),
];

describe('normalizeForSearch', () => {
  it('folds full-width letters, half-width katakana, case and spaces', () => {
    expect(normalizeForSearch('ＡＢＣ')).toBe('abc');
    expect(normalizeForSearch('ｶﾀｶﾅ')).toBe('かたかな');
    expect(normalizeForSearch('  Name\u3000 Already\tExists ')).toBe('name already exists');
  });
});

describe('normalizeForSearch, both sides alike', () => {
  it('folds katakana to hiragana', () => {
    expect(normalizeForSearch('パスワード')).toBe(normalizeForSearch('ぱすわーど'));
    expect(normalizeForSearch('ﾒｰﾙ')).toBe(normalizeForSearch('めーる'));
  });

  it('drops punctuation inside Latin words', () => {
    expect(normalizeForSearch('D-U-N-S')).toBe('duns');
    expect(normalizeForSearch('Ｄ－Ｕ－Ｎ－Ｓ')).toBe('duns');
    expect(normalizeForSearch('two-factor, e-mail')).toBe('twofactor, email');
  });
});

describe('queryWords', () => {
  it('segments Japanese without spaces as if it had them', () => {
    expect(queryWords('審査終わらない')).toEqual(queryWords('審査 終わらない'));
    expect(queryWords('審査終わらない').map((word) => word.text)).toContain('審査');
  });

  it('marks particles, endings and English stop words as carrying little', () => {
    const meaningful = (query: string) =>
      queryWords(query)
        .filter((word) => !word.minor)
        .map((word) => word.text);
    expect(meaningful('パスワードを忘れました')).toEqual(['ぱすわーど', '忘れ']);
    expect(meaningful('the code is not arriving')).toEqual(['code', 'arriving']);
    expect(meaningful('Ｄ－Ｕ－Ｎ－Ｓ番号')).toEqual(['duns', '番号']);
  });
});

describe('rankEntries', () => {
  const faq = (
    id: string,
    vendors: string[],
    title: string,
    terms: string[],
    text: string,
  ): FaqSearchEntry => ({
    id,
    vendors,
    title,
    terms,
    text,
  });
  const page: FaqSearchEntry[] = [
    faq(
      'hp-code',
      ['hp'],
      '確認コードの有効期限が切れた',
      [],
      '確認コードは 30 分で失効します。メールを再送してください。',
    ),
    faq(
      'hp-mail',
      ['hp'],
      '確認メールが届かない',
      ['迷惑メール'],
      'SendGrid から送られるメールが迷惑メールに入る。',
    ),
    faq(
      'ms-review',
      ['microsoft'],
      '審査が終わらない',
      ['審査中のまま'],
      'パートナー センターの審査には数日かかります。',
    ),
    faq(
      'ms-duns',
      ['microsoft'],
      'D-U-N-S 番号が見つからない',
      ['DUNS'],
      'Dun & Bradstreet で会社を検索します。',
    ),
    faq('rh-mail', ['redhat'], 'Red Hat のメールが届かない', [], 'スパム フォルダーを確認します。'),
    faq(
      'en-mfa',
      ['microsoft'],
      'Two-factor sign-in fails',
      ['MFA', 'authenticator'],
      'The code from the app is not accepted.',
    ),
  ];
  const none = { query: '', vendor: undefined };

  it('keeps the author’s order without a query', () => {
    expect(rankEntries(page, none)).toEqual({
      kind: 'all',
      ids: ['hp-code', 'hp-mail', 'ms-review', 'ms-duns', 'rh-mail', 'en-mfa'],
    });
  });

  it('puts entries with the words in the title or terms before those with them in the body', () => {
    // Three entries mention 確認 and メール; only hp-mail has both in its title.
    const { kind, ids } = rankEntries(page, { ...none, query: '確認メール' });
    expect(kind).toBe('match');
    expect(ids[0]).toBe('hp-mail');
    expect([...ids].sort()).toEqual(['hp-code', 'hp-mail', 'rh-mail']);
  });

  it('puts the entry whose title names the word before those that only list it among their terms', () => {
    const named = (id: string, title: string, terms: string[]): FaqSearchEntry => ({
      id,
      vendors: ['microsoft'],
      title,
      terms,
      text: '',
    });
    const rejectedEntries = [
      named('form-error', 'A red error appears', ['rejected', 'red text']),
      named('email-refused', 'The email address is not accepted', ['address rejected']),
      named('review-rejected', 'The review has been rejected', ['review rejected', 'denied']),
    ];
    expect(rankEntries(rejectedEntries, { ...none, query: 'rejected' }).ids[0]).toBe('review-rejected');
  });

  it('shows only entries with every meaningful word as matches, best first', () => {
    expect(rankEntries(page, { ...none, query: 'メールが届かない' })).toEqual({
      kind: 'match',
      ids: ['hp-mail', 'rh-mail'],
    });
  });

  it('segments Japanese typed without spaces', () => {
    expect(rankEntries(page, { ...none, query: '審査終わらない' })).toEqual({
      kind: 'match',
      ids: ['ms-review'],
    });
    expect(rankEntries(page, { ...none, query: '審査 終わらない' })).toEqual({
      kind: 'match',
      ids: ['ms-review'],
    });
  });

  it('folds width, case and kana on both sides', () => {
    expect(rankEntries(page, { ...none, query: 'ｓｅｎｄｇｒｉｄ' }).ids).toEqual(['hp-mail']);
    expect(rankEntries(page, { ...none, query: '迷惑めーる' }).ids).toEqual(['hp-mail']);
    expect(rankEntries(page, { ...none, query: 'ぱーとなー　センター' }).ids).toEqual(['ms-review']);
    expect(rankEntries(page, { ...none, query: 'TWO-FACTOR' }).ids).toEqual(['en-mfa']);
  });

  it('finds D-U-N-S, DUNS and duns alike', () => {
    for (const query of ['D-U-N-S', 'DUNS', 'duns', 'Ｄ－Ｕ－Ｎ－Ｓ']) {
      expect(rankEntries(page, { ...none, query })).toEqual({ kind: 'match', ids: ['ms-duns'] });
    }
  });

  it('does not require words that carry little', () => {
    expect(rankEntries(page, { ...none, query: 'the authenticator code is not working' })).toEqual({
      kind: 'closest',
      ids: ['en-mfa'],
    });
    expect(rankEntries(page, { ...none, query: 'authenticator code' })).toEqual({
      kind: 'match',
      ids: ['en-mfa'],
    });
    expect(rankEntries(page, { ...none, query: 'DUNSが' })).toEqual({ kind: 'match', ids: ['ms-duns'] });
  });

  it('shows the few closest entries when none has every word', () => {
    const result = rankEntries(page, { ...none, query: 'メール 再送 スマホ' });
    expect(result.kind).toBe('closest');
    // hp-code has メール and 再送; the other mail entries only メール.
    expect(result.ids[0]).toBe('hp-code');
    expect(result.ids).toEqual(expect.arrayContaining(['hp-mail', 'rh-mail']));
    expect(result.ids).not.toContain('ms-review');
  });

  it('shows at most five closest entries', () => {
    const many = Array.from({ length: 9 }, (_, index) => faq(`e${index}`, ['hp'], `メール ${index}`, [], ''));
    const result = rankEntries(many, { ...none, query: 'メール 見当たらない言葉' });
    expect(result).toEqual({ kind: 'closest', ids: ['e0', 'e1', 'e2', 'e3', 'e4'] });
  });

  it('says when no entry has any of the words', () => {
    expect(rankEntries(page, { ...none, query: 'checklist' })).toEqual({ kind: 'none', ids: [] });
  });

  it('ranks within the chosen vendor only', () => {
    expect(rankEntries(page, { query: 'メール', vendor: 'redhat' })).toEqual({
      kind: 'match',
      ids: ['rh-mail'],
    });
    expect(rankEntries(page, { query: '', vendor: 'microsoft' })).toEqual({
      kind: 'all',
      ids: ['ms-review', 'ms-duns', 'en-mfa'],
    });
    expect(rankEntries(page, { query: '審査', vendor: 'hp' })).toEqual({ kind: 'none', ids: [] });
  });
});

describe('filterEntries', () => {
  const none = { query: '', vendor: undefined };

  it('shows everything without a filter', () => {
    expect(filterEntries(entries, none)).toEqual(['hp-mail', 'ms-name', 'rh-mail', 'both']);
  });

  it('finds Japanese text', () => {
    expect(filterEntries(entries, { ...none, query: '既にシステムに存在' })).toEqual(['ms-name']);
    expect(filterEntries(entries, { ...none, query: '迷惑メール' })).toEqual(['hp-mail', 'rh-mail']);
  });

  it('finds English text whatever its case or width', () => {
    expect(filterEntries(entries, { ...none, query: 'SENDGRID' })).toEqual(['hp-mail']);
    expect(filterEntries(entries, { ...none, query: 'ｓｅｎｄｇｒｉｄ' })).toEqual(['hp-mail']);
    expect(filterEntries(entries, { ...none, query: 'Name Already' })).toEqual(['ms-name']);
  });

  it('shows the entries with every word of the query first, or else the closest ones', () => {
    expect(filterEntries(entries, { ...none, query: '迷惑メール spam' })).toEqual(['rh-mail']);
    expect(filterEntries(entries, { ...none, query: '迷惑メール nothing' })).toEqual(['hp-mail', 'rh-mail']);
    expect(filterEntries(entries, { ...none, query: 'nothing' })).toEqual([]);
  });

  it('narrows by vendor, counting every vendor of an entry', () => {
    expect(filterEntries(entries, { query: '', vendor: 'hp' })).toEqual(['hp-mail', 'both']);
    expect(filterEntries(entries, { query: 'mail', vendor: 'redhat' })).toEqual([]);
    expect(filterEntries(entries, { query: '迷惑', vendor: 'redhat' })).toEqual(['rh-mail']);
  });
});

describe('filter state in the URL', () => {
  it('reads the query and a known vendor', () => {
    expect(readFilterFromSearch('?q=D-U-N-S&vendor=microsoft', ['hp', 'microsoft'])).toEqual({
      query: 'D-U-N-S',
      vendor: 'microsoft',
    });
  });

  it('ignores an unknown vendor', () => {
    expect(readFilterFromSearch('?vendor=oracle', ['hp', 'microsoft'])).toEqual({
      query: '',
      vendor: undefined,
    });
  });

  it('writes only what is set, keeping other parameters', () => {
    expect(writeFilterToSearch('?lang=x', { query: '確認 コード', vendor: 'hp' })).toBe(
      '?lang=x&q=%E7%A2%BA%E8%AA%8D+%E3%82%B3%E3%83%BC%E3%83%89&vendor=hp',
    );
    expect(writeFilterToSearch('?q=old&vendor=hp', { query: '  ', vendor: undefined })).toBe('');
  });

  it('round-trips', () => {
    const state = { query: 'この名前は既に', vendor: 'microsoft' as const };
    expect(readFilterFromSearch(writeFilterToSearch('', state), ['hp', 'microsoft', 'redhat'])).toEqual(
      state,
    );
  });
});
