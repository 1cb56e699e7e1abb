import { afterEach, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { copiedText, keepCopiesInPage } from './support/clipboard';
import { useBrowser, openPage, type PageErrors } from './support/browser';
import { composeHandoff } from '../../src/lib/handoff';
import { messageLines } from '../../src/lib/handoff-template';
import { emptyProgress, type ProgressData } from '../../src/lib/progress-data';
import { exportProgress } from '../../src/lib/transfer';
import { RECORD_FIELDS } from '../../src/lib/records';

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
/** Where progress seeded under KEY (as stored before registrations) is once a page moved it: registration 1. */
const FIRST_REGISTRATION = 'partner-guides:progress:1';
const browser = useBrowser();
let contexts: BrowserContext[] = [];
let errors: PageErrors[] = [];

afterEach(async () => {
  for (const context of contexts) await context.close();
  contexts = [];
  const logged = errors.flatMap((e) => e.list);
  errors = [];
  expect(logged).toEqual([]);
});

/** Progress as version 2 of the site stored it (read and upgraded by the current one). */
type StoredV2 = Omit<ProgressData, 'version' | 'removed'> & { version: 2 };

/** A stored version 2 document in the current shape, as exportProgress takes it. */
const current = (stored: StoredV2): ProgressData => ({ ...emptyProgress(), ...stored, version: 3 });

/** Stored progress as pages show it: the time of each tick and the value of each record. */
function whatUserSees(data: unknown): unknown {
  const { guides, records } = data as Pick<ProgressData, 'guides' | 'records'>;
  return {
    guides: Object.fromEntries(
      Object.entries(guides).map(([guide, ticks]) => [
        guide,
        Object.fromEntries(Object.entries(ticks).map(([step, tick]) => [step, tick.tickedAt])),
      ]),
    ),
    records: Object.fromEntries(Object.entries(records).map(([id, record]) => [id, record.value])),
  };
}

/** A new browser context (a fresh browser profile), optionally with progress already stored. */
async function newContext(stored?: StoredV2, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser().newContext(options);
  contexts.push(context);
  if (stored) {
    // Only into an empty storage, so that what a test changes survives reloads and navigation.
    await context.addInitScript(
      ([key, value]) => {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      },
      [KEY, JSON.stringify(stored)] as const,
    );
  }
  return context;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const opened = await openPage(context);
  errors.push(opened.errors);
  return opened.page;
}

/** Opens the hand-off page and waits until its controls are live. */
async function openHandoff(page: Page, path = 'handoff/'): Promise<void> {
  await page.goto(site + path);
  await page.locator('#handoff-import-file:enabled, #handoff-import-read-only').first().waitFor();
}

/** Notes a record on a guide the way a user does: type, then leave the field. */
async function enterRecord(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  // Record fields are drawn as the reader scrolls to them.
  await field.scrollIntoViewIfNeeded();
  await expect.poll(() => field.isEnabled()).toBe(true);
  await field.fill(value);
  await field.press('Tab');
  await expect
    .poll(() => page.locator('.record-fields [role="status"]').allTextContents())
    .toContain(`「${label}」を保存しました。`);
}

const storedRaw = (page: Page) => page.evaluate((key) => localStorage.getItem(key), FIRST_REGISTRATION);
const stored = async (page: Page) => JSON.parse((await storedRaw(page)) ?? 'null') as unknown;
const message = (page: Page) => page.locator('#handoff-message-text');
const status = (page: Page) => page.locator('#handoff-import-status');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

const AT = '2026-11-20T01:00:00.000Z';
const LATER = '2026-11-21T05:30:00.000Z';

/** Progress as a user on another computer would have it: ticks in two guides and four records. */
const SAMPLE: StoredV2 = {
  version: 2,
  guides: {
    microsoft: {
      'ms-account-open-signup-page': { tickedAt: AT },
      'ms-account-save': { tickedAt: LATER },
    },
    redhat: { 'rh-open-partner-connect': { tickedAt: AT } },
  },
  records: {
    'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT },
    'ms-partner-id-location': { value: '6123456', updatedAt: AT },
    'ms-mpa-accepted-on': { value: '2025-04-01', updatedAt: LATER },
    'rh-partner-type': { value: 'Solution Provider', updatedAt: LATER },
  },
};

describe('message to the upstream distributor', () => {
  it('composes the Japanese message from records entered on the guide, live, and copies exactly it', async () => {
    const context = await newContext();
    await keepCopiesInPage(context);
    const handoff = await newPage(context);
    await openHandoff(handoff);
    const missing = handoff.locator('.handoff-message[data-state="missing"] li a');
    await expect
      .poll(() => missing.allTextContents())
      .toEqual(['パートナー ID（ロケーション）', 'MPA に同意した日', 'MPA に同意した方のお名前']);

    const guide = await newPage(context);
    await guide.goto(`${site}microsoft/`);
    await enterRecord(guide, 'パートナー ID（ロケーション）', '6123456');
    await enterRecord(guide, 'MPA に同意した日', '2025-04-01');
    // The hand-off page, open in another tab, follows the records as they are saved.
    await expect.poll(() => missing.allTextContents()).toEqual(['MPA に同意した方のお名前']);
    await enterRecord(guide, 'MPA に同意した方のお名前', '山田　太郎');
    // The values are all there, but the message reports steps as done: it waits for their ticks.
    const steps = handoff.locator('.handoff-steps[data-state="not-done"] a');
    await expect
      .poll(() => steps.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href'))))
      .toEqual(['/microsoft/#ms-csp-link-partner-id', '/microsoft/#ms-mpa-accept']);
    expect(await message(handoff).count()).toBe(0);
    await guide.locator('#check-ms-csp-link-partner-id').check();
    await guide.locator('#check-ms-mpa-accept').check();

    const expected = composeHandoff(
      {
        'ms-partner-id-location': { value: '6123456', updatedAt: AT },
        'ms-mpa-accepted-on': { value: '2025-04-01', updatedAt: AT },
        'ms-mpa-accepted-by': { value: '山田　太郎', updatedAt: AT },
      },
      'ja',
      messageLines('ja'),
    );
    if (expected.status !== 'ready') throw new Error('the sample records should compose a message');
    await expect.poll(() => message(handoff).inputValue()).toBe(expected.text);
    expect(expected.text).toContain('同意日: 2025年4月1日');
    expect(await message(handoff).getAttribute('readonly')).not.toBeNull();
    expect(await handoff.getByLabel('連絡文', { exact: true }).getAttribute('id')).toBe(
      'handoff-message-text',
    );

    await handoff.reload();
    await expect.poll(() => message(handoff).inputValue()).toBe(expected.text);
    const copy = handoff.getByRole('button', { name: '連絡文をコピー' });
    await expect.poll(() => copy.isEnabled()).toBe(true);
    await copy.click();
    await expect
      .poll(() => handoff.locator('.handoff-message .copy-button [role="status"]').textContent())
      .toBe('連絡文をコピーしました。');
    expect(await copiedText(handoff)).toBe(expected.text);
  });

  it('lists the missing fields with when each becomes available and a link to its field', async () => {
    const context = await newContext({
      version: 2,
      guides: {},
      records: { 'ms-mpa-accepted-on': { value: '2025-04-01', updatedAt: AT } },
    });
    const page = await newPage(context);
    await openHandoff(page);
    const intro = page.locator('.handoff-message p');
    await expect
      .poll(() => intro.textContent())
      .toBe(
        '次の情報が入力されると、連絡文を作成できます。それぞれ、手続きが進んでから、リンク先のステップで入力します。',
      );
    const links = page.locator('.handoff-message[data-state="missing"] a');
    await expect
      .poll(() => links.allTextContents())
      .toEqual(['パートナー ID（ロケーション）', 'MPA に同意した方のお名前']);
    expect(await page.locator('.handoff-message[data-state="missing"] li').allTextContents()).toEqual([
      'パートナー ID（ロケーション）CSP 登録の手続きで、パートナー ID（ロケーション）を CSP 間接リセラーアカウントに関連付けた後に入力します。',
      'MPA に同意した方のお名前審査が完了し、MPA に同意した後に入力します。同意者は「契約」ページに表示されます。',
    ]);
    expect(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).toEqual([
      '/microsoft/#record-field-ms-partner-id-location',
      '/microsoft/#record-field-ms-mpa-accepted-by',
    ]);
    expect(await message(page).count()).toBe(0);

    await links.first().click();
    await page.waitForURL(`${site}microsoft/#record-field-ms-partner-id-location`);
    await expect
      .poll(() => page.getByLabel('パートナー ID（ロケーション）', { exact: true }).isVisible())
      .toBe(true);
  });

  it('says in English when each missing field becomes available', async () => {
    const page = await newPage(await newContext());
    await openHandoff(page, 'en/handoff/');
    await expect
      .poll(() => page.locator('.handoff-message[data-state="missing"] li').allTextContents())
      .toEqual([
        'Partner ID (location)Entered once the Partner ID (location) is linked to the CSP indirect reseller account during CSP enrollment.',
        'Date the MPA was acceptedEntered once the review is complete and the MPA is accepted; the date then appears on the 「契約」 (Agreements) page.',
        'Name of the person who accepted the MPAEntered once the review is complete and the MPA is accepted; the name then appears on the 「契約」 (Agreements) page.',
      ]);
    expect(await page.locator('.handoff-message p').textContent()).toBe(
      'The message can be written once the following details are entered. Each is entered at its linked step, once the procedure gets there.',
    );
  });

  it('composes the English message on the English page', async () => {
    const context = await newContext({
      ...SAMPLE,
      guides: {
        ...SAMPLE.guides,
        microsoft: {
          ...SAMPLE.guides.microsoft,
          'ms-csp-link-partner-id': { tickedAt: AT },
          'ms-mpa-accept': { tickedAt: LATER },
        },
      },
      records: { ...SAMPLE.records, 'ms-mpa-accepted-by': { value: 'Taro Yamada', updatedAt: AT } },
    });
    const page = await newPage(context);
    await openHandoff(page, 'en/handoff/');
    await expect.poll(() => message(page).inputValue()).toMatch(/^Hello,\n/);
    const text = await message(page).inputValue();
    expect(text).toContain('Date accepted: 1 April 2025');
    expect(text).toContain('Accepted by: Taro Yamada');
    expect(text).toContain('Partner ID (location) linked to the CSP enrollment: 6123456');
    expect(text).toContain('Organization account domain: contoso.onmicrosoft.com');
    expect(await page.getByLabel('Message', { exact: true }).inputValue()).toBe(text);
  });
});

describe('records', () => {
  it('shows every field with its value or that it is not entered, and a link to its field', async () => {
    const context = await newContext(SAMPLE);
    const page = await newPage(context);
    await openHandoff(page);
    const row = (field: string) => page.locator(`.handoff-records tr[data-field="${field}"]`);
    const value = (field: string) =>
      row(field).locator('td').first().locator('.handoff-records__value, .handoff-records__empty');
    await expect.poll(() => value('ms-domain').textContent()).toBe('contoso.onmicrosoft.com');
    expect(await page.locator('.handoff-records tbody tr').count()).toBe(RECORD_FIELDS.length);
    expect(await value('ms-mpa-accepted-on').textContent()).toBe('2025年4月1日');
    expect(await value('rh-partner-type').textContent()).toBe('リセラー（Solution Provider）');
    expect(await value('ms-mpa-accepted-by').textContent()).toBe('未入力');
    expect(await row('ms-mpa-accepted-by').locator('th').textContent()).toBe('MPA に同意した方のお名前');
    expect(await row('rh-partner-type').locator('a').getAttribute('href')).toBe(
      '/redhat/#record-field-rh-partner-type',
    );

    await page.goto(`${site}en/handoff/`);
    await expect.poll(() => value('ms-mpa-accepted-on').textContent()).toBe('1 April 2025');
    expect(await value('rh-partner-type').textContent()).toBe('Solution Provider');
    expect(await value('hp-account-email').textContent()).toBe('Not entered');
    expect(await row('ms-domain').locator('a').getAttribute('href')).toBe(
      '/en/microsoft/#record-field-ms-domain',
    );
  });

  it.each([
    [
      'handoff/',
      [
        ['組織アカウントのドメインをコピー', 'contoso.onmicrosoft.com'],
        ['パートナー ID（ロケーション）をコピー', '6123456'],
        ['MPA に同意した日をコピー', '2025年4月1日'],
        ['パートナータイプをコピー', 'リセラー（Solution Provider）'],
      ],
      'コピーしました。',
    ],
    [
      'en/handoff/',
      [
        ['Copy Organization account domain', 'contoso.onmicrosoft.com'],
        ['Copy Partner ID (location)', '6123456'],
        ['Copy Date the MPA was accepted', '1 April 2025'],
        ['Copy Partner type', 'Solution Provider'],
      ],
      'Copied.',
    ],
  ])('on /%s, copies each recorded value with its own button', async (path, buttons, copied) => {
    const context = await newContext(SAMPLE);
    await keepCopiesInPage(context);
    const page = await newPage(context);
    await openHandoff(page, path);
    const table = page.locator('.handoff-records');
    await expect
      .poll(() =>
        table.getByRole('button').evaluateAll((all) => all.map((b) => b.getAttribute('aria-label'))),
      )
      .toEqual(buttons.map(([name]) => name));
    for (const [name, value] of buttons) {
      const button = table.getByRole('button', { name, exact: true });
      await expect.poll(() => button.isEnabled()).toBe(true);
      await button.click();
      await expect
        .poll(() => button.locator('xpath=..').locator('[role="status"]').textContent())
        .toBe(copied);
      expect(await copiedText(page)).toBe(value);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('copying in two windows at once', () => {
  it('reads back in each page what that page copied, not what the other one copied since', async () => {
    const windows = await Promise.all(
      [0, 1].map(async () => {
        const context = await newContext(SAMPLE);
        await keepCopiesInPage(context);
        const page = await newPage(context);
        await openHandoff(page, 'handoff/');
        return page;
      }),
    );
    const copy = async (page: Page, name: string) => {
      const button = page.locator('.handoff-records').getByRole('button', { name, exact: true });
      await expect.poll(() => button.isEnabled()).toBe(true);
      await button.click();
      await expect
        .poll(() => button.locator('xpath=..').locator('[role="status"]').textContent())
        .not.toBe('');
    };
    await copy(windows[0]!, 'パートナー ID（ロケーション）をコピー');
    await copy(windows[1]!, '組織アカウントのドメインをコピー');
    expect(await copiedText(windows[0]!)).toBe('6123456');
    expect(await copiedText(windows[1]!)).toBe('contoso.onmicrosoft.com');
  });
});

describe('moving progress to another computer', () => {
  it('exports to a file that a fresh browser imports after a preview, giving the same progress', async () => {
    const source = await newPage(await newContext(SAMPLE));
    await openHandoff(source);
    // Saving must not send anything anywhere: the page may still fetch its own files (search loads
    // at idle), but nothing is posted and nothing goes to another origin.
    const requests: string[] = [];
    const origin = new URL(site).origin;
    source.on('request', (request) => {
      if (request.method() !== 'GET' || new URL(request.url()).origin !== origin)
        requests.push(request.url());
    });
    const [download] = await Promise.all([
      source.waitForEvent('download'),
      source.getByRole('button', { name: '進捗と記録をファイルに保存' }).click(),
    ]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^partner-guides-progress-\d{4}-\d{2}-\d{2}\.json$/);
    await expect
      .poll(() => status(source).textContent())
      .toBe(`「${name}」を保存しました。ブラウザーのダウンロード先をご確認ください。`);
    expect(requests.filter((url) => /^(https?|wss?):/.test(url))).toEqual([]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const file = Buffer.concat(chunks);
    // Version 3 since registrations: this tab's registration, named (registration 1 has no name).
    expect(JSON.parse(file.toString('utf8'))).toMatchObject({
      format: 'partner-guides-progress',
      version: 3,
      registrations: [{ name: '', guides: SAMPLE.guides, records: SAMPLE.records }],
    });
    const exported = await stored(source);

    const target = await newPage(await newContext());
    await openHandoff(target);
    const before = await storedRaw(target);
    await target
      .locator('#handoff-import-file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: file });
    const preview = target.locator('.handoff-preview');
    await expect.poll(() => focusedId(target)).toBe('handoff-preview-heading');
    expect(await preview.locator('h3').textContent()).toBe('取り込む内容の確認');
    expect(await preview.locator('.handoff-preview__counts li').allTextContents()).toEqual([
      'チェック: 追加 3 件、上書き 0 件',
      '記録: 追加 4 件、上書き 0 件',
    ]);
    const changes = await preview.locator('.handoff-preview__changes li').allTextContents();
    expect(changes).toHaveLength(7);
    expect(changes).toContain(
      'Microsoft: 組織アカウントの内容を入力して「保存」を選択します 追加: 2026/11/21(土) 14:30',
    );
    expect(changes).toContain('パートナータイプ 追加: リセラー（Solution Provider）');
    expect(changes).toContain('MPA に同意した日 追加: 2025年4月1日');
    // Nothing changes until the import is confirmed.
    expect(await storedRaw(target)).toBe(before);
    expect(await axeViolations(target)).toEqual([]);

    await preview.getByRole('button', { name: '取り込む' }).click();
    await expect
      .poll(() => status(target).textContent())
      .toBe(
        '取り込みました。チェック 3 件と記録 4 件を反映しました。 「取り込みを元に戻す」を選ぶと、取り込む前の状態に戻せます。',
      );
    expect(await preview.count()).toBe(0);
    await expect.poll(() => focusedId(target)).toBe('handoff-import-file');
    // The same ticks with the same times and the same values; only when they changed here differs.
    expect(whatUserSees(await stored(target))).toEqual(whatUserSees(exported));

    await target.goto(`${site}microsoft/`);
    const box = (id: string) => target.locator(`#check-${id}`);
    await expect.poll(() => box('ms-account-save').isChecked()).toBe(true);
    expect(await box('ms-account-open-signup-page').isChecked()).toBe(true);
    expect(await box('ms-account-create-new').isChecked()).toBe(false);
    // Record fields are drawn as the reader scrolls to them.
    const recordValue = async (label: string) => {
      const field = target.getByLabel(label, { exact: true });
      await field.scrollIntoViewIfNeeded();
      await expect.poll(() => field.isEnabled()).toBe(true);
      return field.inputValue();
    };
    expect(await recordValue('組織アカウントのドメイン')).toBe('contoso.onmicrosoft.com');
    expect(await recordValue('MPA に同意した日')).toBe('2025-04-01');
    await target.goto(`${site}redhat/`);
    await expect.poll(() => target.locator('#check-rh-open-partner-connect').isChecked()).toBe(true);
    expect(await recordValue('パートナータイプ')).toBe('Solution Provider');
  });

  it('shows what a file would overwrite, before and after, and Cancel changes nothing', async () => {
    const local: StoredV2 = {
      version: 2,
      guides: { microsoft: { 'ms-account-save': { tickedAt: AT } } },
      records: { 'ms-partner-id-location': { value: '7000001', updatedAt: AT } },
    };
    const page = await newPage(await newContext(local));
    await openHandoff(page);
    const before = await storedRaw(page);
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'progress.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportProgress(current(SAMPLE), new Date(LATER))),
    });
    const preview = page.locator('.handoff-preview');
    await expect.poll(() => focusedId(page)).toBe('handoff-preview-heading');
    expect(await preview.locator('.handoff-preview__counts li').allTextContents()).toEqual([
      'チェック: 追加 2 件、上書き 1 件',
      '記録: 追加 3 件、上書き 1 件',
    ]);
    expect(await preview.locator('li[data-change="overwritten"]').allTextContents()).toEqual([
      'Microsoft: 組織アカウントの内容を入力して「保存」を選択します 上書き: 2026/11/20(金) 10:00 → 2026/11/21(土) 14:30',
      'パートナー ID（ロケーション） 上書き: 7000001 → 6123456',
    ]);

    await preview.getByRole('button', { name: 'キャンセル' }).press('Enter');
    await expect.poll(() => preview.count()).toBe(0);
    expect(await status(page).textContent()).toBe('取り込みをキャンセルしました。何も変更していません。');
    await expect.poll(() => focusedId(page)).toBe('handoff-import-file');
    expect(await storedRaw(page)).toBe(before);
  });

  it.each([
    [
      'not JSON',
      'notes.json',
      '{"format": "partner-guides-progress", ',
      /^「notes\.json」は JSON 形式のファイルではないため/,
    ],
    [
      'someone else’s JSON',
      'data.json',
      '{"name": "other app", "version": 2}',
      /は、このサイトで保存した進捗のファイルではないため/,
    ],
    [
      'a newer version',
      'future.json',
      JSON.stringify({ format: 'partner-guides-progress', version: 99, guides: {} }),
      /は新しい版のサイトで保存されたファイルのため/,
    ],
    [
      'a malformed entry',
      'broken.json',
      JSON.stringify({
        format: 'partner-guides-progress',
        version: 2,
        guides: { hp: 'hp-a' },
        records: {},
      }),
      /は内容の一部が読み取れないため/,
    ],
  ])('refuses %s with a clear message and changes nothing', async (_what, name, text, expected) => {
    const page = await newPage(await newContext(SAMPLE));
    await openHandoff(page);
    const before = await storedRaw(page);
    await page.locator('#handoff-import-file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect.poll(() => status(page).textContent()).toMatch(expected);
    expect(await status(page).textContent()).toMatch(/このブラウザーの進捗と記録は変更していません。$/);
    expect(await status(page).getAttribute('role')).toBe('status');
    expect(await page.locator('#handoff-import-file').getAttribute('aria-describedby')).toContain(
      'handoff-import-status',
    );
    expect(await page.locator('.handoff-preview').count()).toBe(0);
    expect(await storedRaw(page)).toBe(before);
  });

  it('says so when a file holds nothing new, in English too', async () => {
    const page = await newPage(await newContext(SAMPLE));
    await openHandoff(page, 'en/handoff/');
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'same.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportProgress(current(SAMPLE), new Date(LATER))),
    });
    await expect
      .poll(() => status(page).textContent())
      .toBe('“same.json” holds nothing that this browser does not already have. Nothing has changed.');
    expect(await page.locator('.handoff-preview').count()).toBe(0);
  });

  it('does not import while progress is read-only (saved by a newer version)', async () => {
    const context = await browser().newContext();
    contexts.push(context);
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      FIRST_REGISTRATION,
      JSON.stringify({ version: 99, guides: {}, records: {} }),
    ] as const);
    const page = await newPage(context);
    await openHandoff(page);
    await expect
      .poll(() => page.locator('#handoff-import-read-only').textContent())
      .toMatch(/^進捗が新しい版のサイトで保存されているため、このページではファイルを取り込めません。/);
    expect(await page.locator('#handoff-import-file').isDisabled()).toBe(true);
    expect(await page.locator('#handoff-import-file').getAttribute('aria-describedby')).toContain(
      'handoff-import-read-only',
    );
  });
});
