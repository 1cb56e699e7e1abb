import { describe, expect, it } from 'vitest';
import { unglossedJapanese } from './support/japanese-gloss';

describe('unglossedJapanese', () => {
  it('finds nothing in English text, or in full-width punctuation without kana or kanji', () => {
    expect(unglossedJapanese('Click Next, then wait 1–3 business days.')).toEqual([]);
    expect(unglossedJapanese('Click the 「?」 icon, then 「OK」, and choose （+81）.')).toEqual([]);
  });

  it('accepts a quoted label followed by its gloss, with or without a space', () => {
    expect(unglossedJapanese('Click 「確認する」 (Confirm).')).toEqual([]);
    expect(unglossedJapanese('Click 「確認する」(Confirm).')).toEqual([]);
    expect(unglossedJapanese('Click 「確認する」\n  (Confirm).')).toEqual([]);
  });

  it('reports a quoted label without a gloss, in a step title too', () => {
    expect(unglossedJapanese('Click 「こちら」 in the email')).toEqual(['「こちら」']);
    expect(unglossedJapanese('Open the 「HP Partner Portalのご登録について」 page')).toEqual([
      '「HP Partner Portalのご登録について」',
    ]);
  });

  it('takes a quotation with Latin text and full-width parentheses inside as one label', () => {
    expect(
      unglossedJapanese(
        'Open the 「HP Partner Portalのご登録について」 (About HP Partner Portal registration) page',
      ),
    ).toEqual([]);
    expect(unglossedJapanese('Search by 「パートナー ID（グローバル）」 (Partner ID (global)).')).toEqual([]);
  });

  it('accepts a Japanese term followed by its gloss, full-width punctuation attached', () => {
    expect(unglossedJapanese('If you are a 販売店 (reseller), wait.')).toEqual([]);
    expect(unglossedJapanese('| お名前（姓） (Last name) |')).toEqual([]);
    expect(
      unglossedJapanese('お探しのページは見つかりませんでした。 (The page could not be found.)'),
    ).toEqual([]);
  });

  it('reports bare terms, each one', () => {
    expect(unglossedJapanese('write 株式会社 as （株）.')).toEqual(['株式会社', '（株）']);
    expect(unglossedJapanese('| Solution Provider | リセラー |')).toEqual(['リセラー']);
  });

  it('wants a gloss after every label, also when a sentence quotes it twice', () => {
    expect(
      unglossedJapanese('Choose 「日本」 (Japan) for 「国/地域」 (Country/region), and 「日本」 again.'),
    ).toEqual(['「日本」']);
    expect(
      unglossedJapanese('Choose 「メッセージを送信」 or 「自分に電話」 (Send message or Call me).'),
    ).toEqual(['「メッセージを送信」']);
  });

  it('does not take Japanese in parentheses after English as glossed (one order everywhere)', () => {
    expect(unglossedJapanese('Report to your upstream distributor (上位商流).')).toEqual(['上位商流']);
    expect(unglossedJapanese('the Japan partner portal (HPパートナーナビ, HP Partner Navi)')).toEqual([
      'パートナーナビ',
    ]);
  });

  it('wants Latin letters in the gloss, and a closed parenthesis', () => {
    expect(unglossedJapanese('Click 「確認する」 (確認).')).toEqual(['「確認する」', '確認']);
    expect(unglossedJapanese('Click 「確認する」 (+81)')).toEqual(['「確認する」']);
    expect(unglossedJapanese('Click 「確認する」 (Confirm')).toEqual(['「確認する」']);
  });

  it('does not take curly or straight quotation marks for 「」', () => {
    expect(unglossedJapanese('If “アクティブ” (Active) is shown')).toEqual(['アクティブ']);
    expect(
      unglossedJapanese('the document "Red Hat Partner Connect アカウント作成手順" (procedure)'),
    ).toEqual(['アカウント作成手順']);
  });

  it('checks Japanese inside a gloss too', () => {
    expect(unglossedJapanese('「ようこそ ○○」 (Welcome, ○○)')).toEqual([]);
    expect(unglossedJapanese('「MFA 参考資料」 (MFA (二段階認証) reference)')).toEqual(['二段階認証']);
  });
});
