import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import ja from '../../src/content/i18n/ja.json';
import { waitAnnouncement } from '../../src/lib/wait-announcement';
import type { WaitRule, WaitState } from '../../src/lib/waits';

const jst = (local: string) => new Date(`${local}:00+09:00`);
const now = jst('2026-11-24T10:01');
const code: WaitRule = {
  id: 'code',
  kind: 'deadline',
  startStep: 'create',
  doneWhen: ['confirm'],
  duration: { minutes: 15 },
};
const recheck: WaitRule = { ...code, id: 'tab', kind: 'recheck', duration: { hours: 24 } };
const wait = { rule: code, label: 'Enter the code by', what: 'Confirmation code' };
const running: WaitState = {
  phase: 'pending',
  startedAt: jst('2026-11-24T10:00'),
  until: jst('2026-11-24T10:15'),
};
const late: WaitState = { ...running, phase: 'late' };

describe('waitAnnouncement', () => {
  it('says nothing on the first reading, while a state is unknown, or when nothing changed', () => {
    expect(waitAnnouncement(wait, undefined, running, en, 'en', now)).toBe('');
    expect(waitAnnouncement(wait, 'not-started', undefined, en, 'en', now)).toBe('');
    expect(waitAnnouncement(wait, 'pending', running, en, 'en', now)).toBe('');
  });

  it('gives the headline of a wait that starts, and only that', () => {
    expect(waitAnnouncement(wait, 'not-started', running, en, 'en', now)).toBe(
      'Enter the code by Tue 24 Nov, 10:15 (14 min 00 s left)',
    );
    expect(waitAnnouncement({ ...wait, label: '確認コードの入力期限' }, 'done', running, ja, 'ja', now)).toBe(
      '確認コードの入力期限: 11月24日（火） 10:15（残り 14分00秒）',
    );
  });

  it('names the wait that runs late, ends or is undone', () => {
    expect(waitAnnouncement(wait, 'pending', late, en, 'en', now)).toBe('Confirmation code: now overdue');
    expect(waitAnnouncement({ ...wait, rule: recheck }, 'pending', late, en, 'en', now)).toBe(
      'Confirmation code: time to check again',
    );
    expect(waitAnnouncement(wait, 'late', { phase: 'done' }, en, 'en', now)).toBe('Confirmation code: done');
    expect(
      waitAnnouncement(
        { ...wait, what: '確認コードの入力期限' },
        'pending',
        { phase: 'done' },
        ja,
        'ja',
        now,
      ),
    ).toBe('確認コードの入力期限: 完了しました');
    expect(waitAnnouncement(wait, 'pending', { phase: 'not-started' }, en, 'en', now)).toBe(
      'Confirmation code: back to not started',
    );
  });
});
