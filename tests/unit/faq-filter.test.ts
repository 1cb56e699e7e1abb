import { describe, expect, it } from 'vitest';
import {
  filterEntries,
  normalizeForSearch,
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
    expect(normalizeForSearch('ｶﾀｶﾅ')).toBe('カタカナ');
    expect(normalizeForSearch('  Name\u3000 Already\tExists ')).toBe('name already exists');
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

  it('needs every word of the query', () => {
    expect(filterEntries(entries, { ...none, query: '迷惑メール spam' })).toEqual(['rh-mail']);
    expect(filterEntries(entries, { ...none, query: '迷惑メール nothing' })).toEqual([]);
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
