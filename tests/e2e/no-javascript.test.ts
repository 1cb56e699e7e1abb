import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';
import { GUIDE_IDS } from '../../src/lib/guides';
import { RECORD_FIELDS } from '../../src/lib/records';
import { stepCount } from '../support/site';

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';

const browser = useBrowser();
const pages = useTestPages(browser);

/**
 * Steps ticked in every guide and records noted, as a visitor who worked on the guides with
 * JavaScript on has them.
 */
const STORED = JSON.stringify({
  version: 2,
  guides: {
    hp: Object.fromEntries(
      ['hp-open-registration-page', 'hp-download-application-form', 'hp-fill-application-form'].map((id) => [
        id,
        { tickedAt: '2026-05-01T01:00:00.000Z' },
      ]),
    ),
    microsoft: { 'ms-account-open-signup-page': { tickedAt: '2026-05-01T01:00:00.000Z' } },
    redhat: { 'rh-open-partner-connect': { tickedAt: '2026-05-01T01:00:00.000Z' } },
  },
  records: {
    'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: '2026-05-01T01:00:00.000Z' },
    'ms-partner-id-location': { value: '6123456', updatedAt: '2026-05-01T01:00:00.000Z' },
  },
});

/** A page of the built site with JavaScript off, in a browser profile that has progress stored. */
async function openWithoutJavaScript(path: string): Promise<Page> {
  await pages.freshContext({
    javaScriptEnabled: false,
    storageState: {
      cookies: [],
      origins: [{ origin: new URL(site).origin, localStorage: [{ name: KEY, value: STORED }] }],
    },
  });
  const page = await pages.newPage();
  await page.goto(site + path);
  return page;
}

describe.each([
  [
    '',
    '各ガイドの進捗を表示するには JavaScript を有効にしてください。ガイドの手順はこのままお読みいただけます。',
  ],
  ['en/', 'Turn on JavaScript to see the progress of each guide. You can still read every guide.'],
  [
    'handoff/',
    '連絡文の作成、記録した情報の表示、進捗と記録のファイルへの保存と取り込みには、JavaScript を有効にしてください。',
  ],
  [
    'en/handoff/',
    'Turn on JavaScript to compose the message, see your records, and save your progress and records to a file or import such a file.',
  ],
  [
    'troubleshooting/',
    '絞り込み、サイト内検索、コピー用のボタンを使うには JavaScript を有効にしてください。各項目はこのままお読みいただけます。',
  ],
  [
    'en/troubleshooting/',
    'Turn on JavaScript to use the filter, the site search and the copy buttons. You can still read every entry.',
  ],
])('/%s without JavaScript', (path, note) => {
  it('says what on the page needs JavaScript', async () => {
    const page = await openWithoutJavaScript(path);
    const shown = page.locator('main').getByText(note, { exact: true });
    expect(await shown.count()).toBe(1);
    expect(await shown.isVisible()).toBe(true);
  });
});

describe.each([
  ['', /\d+ \/ \d+ ステップ完了/],
  ['en/', /\d+ of \d+ steps done/],
])('the home page /%s without JavaScript', (path, count) => {
  it('shows no progress it cannot read: no step count and no progress bar', async () => {
    const page = await openWithoutJavaScript(path);
    const list = page.locator('.home-progress');
    expect(await list.locator('.home-progress__guide').count()).toBe(GUIDE_IDS.length);
    expect(await list.innerText()).not.toMatch(count);
    expect(await list.locator('progress').count()).toBe(0);
  });
});

describe.each(
  GUIDE_IDS.flatMap((guide) => [
    [
      `${guide}/`,
      `全 ${stepCount(`${guide}.mdx`)} ステップ`,
      /\d+ \/ \d+ ステップ完了/,
      '次のステップ',
    ] as const,
    [`en/${guide}/`, `${stepCount(`en/${guide}.mdx`)} steps`, /\d+ of \d+ steps done/, 'Next step'] as const,
  ]),
)('the guide /%s without JavaScript', (path, steps, count, next) => {
  it('shows the number of steps only: no step count, no progress bar and no next step', async () => {
    const page = await openWithoutJavaScript(path);
    const panel = page.locator('.checklist-panel');
    expect(await panel.count()).toBe(1);
    expect(await panel.locator('.checklist-panel__count').innerText()).toBe(steps);
    expect(await panel.innerText()).not.toMatch(count);
    expect(await panel.innerText()).not.toContain(next);
    expect(await panel.locator('progress').count()).toBe(0);
    expect(await panel.locator('a').count()).toBe(0);
  });
});

describe.each([
  [
    'handoff/',
    '未入力',
    '次の情報が入力されると、連絡文を作成できます。それぞれ、手続きが進んでから、リンク先のステップで入力します。',
    '連絡文は次の情報をもとに作成します。それぞれ、手続きが進んでから、リンク先のステップで入力します。',
    '未表示',
  ],
  [
    'en/handoff/',
    'Not entered',
    'The message can be written once the following details are entered. Each is entered at its linked step, once the procedure gets there.',
    'The message is written from the following details. Each is entered at its linked step, once the procedure gets there.',
    'Not shown',
  ],
])('the hand-off page /%s without JavaScript', (path, notEntered, missing, composedFrom, notShown) => {
  it('says nothing about the records it cannot read: nothing missing, nothing not entered', async () => {
    const page = await openWithoutJavaScript(path);
    const main = await page.locator('main').innerText();
    expect(main).not.toContain(notEntered);
    expect(main).not.toContain(missing);
    expect(await page.locator('.handoff-message > p').innerText()).toBe(composedFrom);
    const rows = page.locator('.handoff-records tbody tr');
    expect(await rows.count()).toBe(RECORD_FIELDS.length);
    expect(await rows.getByRole('cell', { name: notShown, exact: true }).count()).toBe(RECORD_FIELDS.length);
  });
});
