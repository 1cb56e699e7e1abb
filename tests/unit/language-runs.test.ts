import { describe, expect, it } from 'vitest';
import { languageRuns } from '../../src/lib/language-runs';

describe('languageRuns', () => {
  it('keeps a text in one script as one run', () => {
    expect(languageRuns('審査 終わらない')).toEqual([{ text: '審査 終わらない', lang: 'ja' }]);
    expect(languageRuns('two-factor')).toEqual([{ text: 'two-factor', lang: 'en' }]);
  });

  it('splits a Japanese term from its English gloss, the gloss keeping its parentheses', () => {
    expect(languageRuns('確認コード (confirmation code)')).toEqual([
      { text: '確認コード', lang: 'ja' },
      { text: ' (confirmation code)', lang: 'en' },
    ]);
    expect(languageRuns('gmail 登録できない')).toEqual([
      { text: 'gmail', lang: 'en' },
      { text: ' 登録できない', lang: 'ja' },
    ]);
  });

  it('gives digits and signs to the letters after them, or to the last run at the end', () => {
    expect(languageRuns('2段階認証')).toEqual([{ text: '2段階認証', lang: 'ja' }]);
    expect(languageRuns('2FA')).toEqual([{ text: '2FA', lang: 'en' }]);
    expect(languageRuns('3～5 営業日')).toEqual([{ text: '3～5 営業日', lang: 'ja' }]);
    expect(languageRuns('Pending!')).toEqual([{ text: 'Pending!', lang: 'en' }]);
  });

  it('counts full-width letters and CJK brackets as Japanese typing', () => {
    expect(languageRuns('ＭＦＡ')).toEqual([{ text: 'ＭＦＡ', lang: 'ja' }]);
    expect(languageRuns('MFA（二段階認証）')).toEqual([
      { text: 'MFA', lang: 'en' },
      { text: '（二段階認証）', lang: 'ja' },
    ]);
  });

  it('keeps a quotation in Japanese brackets whole, Latin words inside it too', () => {
    expect(languageRuns('「HP Partner Portal ログイン情報」 (HP Partner Portal login information)')).toEqual([
      { text: '「HP Partner Portal ログイン情報」', lang: 'ja' },
      { text: ' (HP Partner Portal login information)', lang: 'en' },
    ]);
  });

  it('leaves a text without letters without a language, and an empty one without runs', () => {
    expect(languageRuns('404')).toEqual([{ text: '404', lang: null }]);
    expect(languageRuns('')).toEqual([]);
  });
});
