import { describe, expect, it } from 'vitest';
import { guideStatus } from '../../src/lib/checklist-status';
import { storageNoticeMessages } from '../../src/lib/storage-notice';
import ja from '../../src/content/i18n/ja.json';

const titleOf = (stepId: string) => ({ 'hp-a': '申請ページを開きます' })[stepId] ?? '';
const status = (...args: Parameters<typeof guideStatus> extends [string, ...infer Rest] ? Rest : never) =>
  guideStatus('hp', ...args);

describe('guideStatus', () => {
  it('says nothing before the user changes anything, or after a change in another guide', () => {
    expect(status(undefined, undefined, 0, 5, titleOf, ja, 'ja')).toBe('');
    expect(status({ guide: 'redhat', reset: true }, undefined, 0, 5, titleOf, ja, 'ja')).toBe('');
    expect(status({ fieldId: 'ms-domain', saved: true }, undefined, 0, 5, titleOf, ja, 'ja')).toBe('');
  });

  it('names the ticked step and the count', () => {
    expect(status({ guide: 'hp', stepId: 'hp-a', ticked: true }, undefined, 1, 5, titleOf, ja, 'ja')).toBe(
      '「申請ページを開きます」を完了にしました。1 / 5 ステップ完了です。',
    );
  });

  it('adds that an untick or a reset can be undone while it is on offer', () => {
    expect(status({ guide: 'hp', stepId: 'hp-a', ticked: false }, 'hp', 0, 5, titleOf, ja, 'ja')).toBe(
      '「申請ページを開きます」の完了を取り消しました。0 / 5 ステップ完了です。 「元に戻す」を選ぶと元に戻せます。',
    );
    expect(status({ guide: 'hp', reset: true }, 'hp', 0, 5, titleOf, ja, 'ja')).toBe(
      'このガイドの進捗をリセットしました。 「元に戻す」を選ぶと元に戻せます。',
    );
    expect(status({ guide: 'hp', reset: true }, undefined, 0, 5, titleOf, ja, 'ja')).toBe(
      'このガイドの進捗をリセットしました。',
    );
  });

  it('says what an undo and a time correction did, without the undo offer', () => {
    expect(status({ guide: 'hp', undone: 'reset' }, 'hp', 3, 5, titleOf, ja, 'ja')).toBe(
      '元に戻しました。3 / 5 ステップ完了です。',
    );
    expect(
      status(
        { guide: 'hp', stepId: 'hp-a', corrected: '2026-05-01T01:00:00.000Z' },
        'hp',
        3,
        5,
        titleOf,
        ja,
        'ja',
      ),
    ).toBe('「申請ページを開きます」の完了日時を 2026/5/1(金) 10:00 に修正しました。');
  });
});

describe('storageNoticeMessages', () => {
  it('says nothing while storage works', () => {
    expect(storageNoticeMessages(undefined, 'ok', ja)).toEqual([]);
  });

  it('names the backup key of an unreadable value, and says when storage is full or refused', () => {
    expect(storageNoticeMessages({ kind: 'recovered', backupKey: 'k' }, 'full', ja)).toEqual([
      ja['notice.recovered'].replace('{key}', 'k'),
      ja['notice.full'],
    ]);
    expect(storageNoticeMessages(undefined, 'unavailable', ja)).toEqual([ja['notice.unavailable']]);
  });

  it('gives only the backup notice when the backup failed: it already says nothing is saved', () => {
    expect(storageNoticeMessages({ kind: 'backup-failed' }, 'full', ja)).toEqual([ja['notice.backupFailed']]);
  });
});
