import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import ja from '../../src/content/i18n/ja.json';
import { extractPhases, type PhaseInfo } from '../../src/lib/steps';
import {
  buildTimeline,
  describeWait,
  linkPhases,
  type LinkedPhase,
  type TimelineItem,
  type TimelineWait,
} from '../../src/lib/timeline';
import type { WaitDuration } from '../../src/lib/waits';
import { ROOT, readDoc } from '../support/site';

interface WaitText {
  subject: string;
}

interface WaitEntry extends TimelineWait {
  id: string;
  guide: string;
  kind: 'business-days' | 'deadline' | 'recheck';
  ja: WaitText;
  en: WaitText;
}

const WAITS = JSON.parse(readFileSync(join(ROOT, 'src/content/waits.json'), 'utf8')) as WaitEntry[];

/** The phases of a guide page, with their titles standing in for the slugs Starlight would give. */
function phasesOf(path: string): LinkedPhase[] {
  return extractPhases(readDoc(path)).map((phase) => ({ ...phase, slug: phase.title }));
}

/** A timeline in short: phase titles, and the ids of the waits of each wait item. */
function outline(items: TimelineItem<WaitEntry>[]): (string | string[])[] {
  return items.map((item) => (item.type === 'phase' ? item.title : item.waits.map((wait) => wait.id)));
}

function timelineOf(guide: string, lang: 'ja' | 'en') {
  const path = lang === 'ja' ? `${guide}.mdx` : `en/${guide}.mdx`;
  return buildTimeline(
    phasesOf(path),
    WAITS.filter((wait) => wait.guide === guide),
  );
}

describe('linkPhases', () => {
  const phases: PhaseInfo[] = [
    { title: '始める前に', stepIds: [] },
    { title: 'HPアカウントを確認する', stepIds: ['hp-a'] },
  ];
  const headings = [
    { depth: 2, slug: '始める前に', text: '始める前に' },
    { depth: 3, slug: 'hp-a', text: '確認します' },
    { depth: 2, slug: 'hpアカウントを確認する', text: 'HPアカウントを確認する' },
  ];

  it('gives each section the slug of the level-2 heading in the same place', () => {
    expect(linkPhases(phases, headings).map((phase) => phase.slug)).toEqual([
      '始める前に',
      'hpアカウントを確認する',
    ]);
  });

  it('fails when the page has another number of level-2 headings', () => {
    expect(() => linkPhases(phases, headings.slice(0, 2))).toThrow(/1 level-2 headings but its source has 2/);
  });

  it('fails when a heading reads differently', () => {
    const renamed = headings.map((h) =>
      h.depth === 2 && h.slug !== '始める前に' ? { ...h, text: '別の見出し' } : h,
    );
    expect(() => linkPhases(phases, renamed)).toThrow(/Heading 2 reads "別の見出し"/);
  });
});

describe('buildTimeline', () => {
  const minutes = (n: number): WaitDuration => ({ minutes: n });
  const phases: LinkedPhase[] = [
    { title: 'Before', slug: 'before', stepIds: [] },
    { title: 'A', slug: 'a', stepIds: ['a1', 'a2'] },
    { title: 'B', slug: 'b', stepIds: ['b1'] },
    { title: 'C', slug: 'c', stepIds: ['c1'] },
    { title: 'Help', slug: 'help', stepIds: [] },
  ];

  it('numbers the phases with steps and leaves the others out', () => {
    expect(buildTimeline(phases, [])).toEqual([
      { type: 'phase', number: 1, title: 'A', slug: 'a', stepCount: 2 },
      { type: 'phase', number: 2, title: 'B', slug: 'b', stepCount: 1 },
      { type: 'phase', number: 3, title: 'C', slug: 'c', stepCount: 1 },
    ]);
  });

  it('puts a wait after its phase, or just before the later phase it waits in; groups by start phase, shortest first', () => {
    const long = { startStep: 'a1', waitingStep: 'c1', duration: { hours: 2 } };
    const short = { startStep: 'a2', waitingStep: 'c1', duration: minutes(5) };
    const within = { startStep: 'b1', waitingStep: 'b1', duration: minutes(1) };
    const last = { startStep: 'c1', waitingStep: 'c1', duration: minutes(1) };
    const items = buildTimeline(phases, [long, last, within, short]);
    expect(items.map((item) => (item.type === 'phase' ? item.title : item.waits))).toEqual([
      'A',
      'B',
      [short, long],
      [within],
      'C',
      [last],
    ]);
  });

  it('fails on a wait whose steps are in no phase, or that ends before it starts', () => {
    expect(() =>
      buildTimeline(phases, [{ startStep: 'x', waitingStep: 'a1', duration: minutes(1) }]),
    ).toThrow(/"x" of a wait is in no phase/);
    expect(() =>
      buildTimeline(phases, [{ startStep: 'b1', waitingStep: 'a1', duration: minutes(1) }]),
    ).toThrow(/waits for a later step/);
  });
});

describe('the timelines of the guides', () => {
  it.each(['ja', 'en'] as const)(
    'HP (%s): deadlines after the account is created, 1–3 business days before the Japan portal',
    (lang) => {
      const items = timelineOf('hp', lang);
      const titles =
        lang === 'ja'
          ? [
              'ユーザー登録を申請する',
              'HPアカウントを作成してパスワードを設定する',
              'HPアカウントを確認する',
              'グローバル版パートナーポータルに初回ログインする',
              '日本版パートナーポータルを利用する',
            ]
          : [
              'Apply for user registration',
              'Create your HP account and set your password',
              'Confirm your HP account',
              'Log in to the global partner portal for the first time',
              'Use the Japan partner portal',
            ];
      expect(outline(items)).toEqual([
        titles[0],
        titles[1],
        ['hp-confirmation-code', 'hp-confirmation-link'],
        titles[2],
        titles[3],
        ['hp-restricted-area'],
        titles[4],
      ]);
      expect(items.flatMap((item) => (item.type === 'phase' ? [[item.number, item.stepCount]] : []))).toEqual(
        [
          [1, 4],
          [2, 4],
          [3, 3],
          [4, 2],
          [5, 2],
        ],
      );
    },
  );

  it('Microsoft: the 24-hour recheck and the 3–5 business-day review between CSP enrollment and the review', () => {
    expect(outline(timelineOf('microsoft', 'ja'))).toEqual([
      '組織アカウントの作成',
      '組織プロフィールの完成と管理者の追加',
      'AI Cloud Partner Program への登録とパートナー ID の確認',
      'CSP 間接リセラーの登録',
      ['ms-reseller-tab', 'ms-review'],
      '審査（3～5 営業日）と状態の確認',
      'MPA への同意と上位商流への報告',
      'MFA（二段階認証）',
    ]);
    expect(outline(timelineOf('microsoft', 'en'))).toContainEqual(['ms-reseller-tab', 'ms-review']);
  });

  it.each(['ja', 'en'] as const)('Red Hat (%s): three phases and no waits', (lang) => {
    const items = timelineOf('redhat', lang);
    expect(items.map((item) => item.type)).toEqual(['phase', 'phase', 'phase']);
  });
});

describe('describeWait', () => {
  const wording = (lang: 'ja' | 'en') =>
    Object.fromEntries(
      WAITS.map((wait) => [
        wait.id,
        describeWait({ ...wait, subject: wait[lang].subject }, (key) => (lang === 'ja' ? ja : en)[key]),
      ]),
    );

  it('words the waits in Japanese', () => {
    expect(wording('ja')).toEqual({
      'hp-confirmation-code': '期限：15分以内（確認コードの入力）',
      'hp-confirmation-link': '期限：48時間以内（メール内の「確認する」ボタン・リンク）',
      'hp-restricted-area': '待ち時間：1〜3営業日（販売特約店・販売店が限定情報を閲覧できるまで）',
      'ms-reseller-tab': '24時間ほど後に再確認（「リセラー」タブの表示）',
      'ms-review': '待ち時間：3〜5営業日（Microsoft の審査）',
    });
  });

  it('words the waits in English', () => {
    expect(wording('en')).toEqual({
      'hp-confirmation-code': 'Deadline: within 15 minutes (confirmation code)',
      'hp-confirmation-link':
        'Deadline: within 48 hours (the 「確認する」 (Confirm) button or link in the email)',
      'hp-restricted-area':
        'Wait: 1–3 business days (until distributors and resellers can view the restricted area)',
      'ms-reseller-tab': 'Check again after about 24 hours (the 「リセラー」 (Reseller) tab)',
      'ms-review': "Wait: 3–5 business days (Microsoft's review)",
    });
  });
});
