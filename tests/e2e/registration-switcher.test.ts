import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { copiedText, keepCopiesInPage } from './support/clipboard';
import { useBrowser, useTestPages } from './support/browser';
import { INDEX_KEY, progressKey, storedIndex } from './support/registrations';
import { decodeEntities, readBuiltPage, stepCount } from '../support/site';
import type { Lang } from '../../src/lib/guides';

/**
 * The registration switcher (issue 16): which registration (company) a tab works on, switching,
 * adding, renaming and deleting registrations in its dialog, tabs on different registrations,
 * links that name one, and the name in the page's title. Printing: tests/e2e/print.test.ts; axe
 * with the dialog open: tests/e2e/accessibility.test.ts.
 */

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

const LEGACY_KEY = 'partner-guides:progress';
const AT = '2026-11-20T01:00:00.000Z';

const OPEN = 'hp-open-registration-page';
const DOWNLOAD = 'hp-download-application-form';
const FILL = 'hp-fill-in-application-form';
const SEND = 'hp-send-application-form';
const HP_STEPS = stepCount('hp.mdx');

/** Two companies a distributor's staff member walks through their registrations. */
const SAMPLE = { id: 'sample1', name: '株式会社サンプル', domain: 'sample.onmicrosoft.com' };
const EXAMPLE = { id: 'example2', name: 'Example Trading', domain: 'example-trading.onmicrosoft.com' };

/** Stored progress (version 2, as an older copy of the site left it): HP ticks and the domain record. */
function storedProgress(ticks: string[], domain: string): string {
  return JSON.stringify({
    version: 2,
    guides: { hp: Object.fromEntries(ticks.map((id) => [id, { tickedAt: AT }])) },
    records: { 'ms-domain': { value: domain, updatedAt: AT } },
  });
}

/** The two companies, each with its own progress. */
const TWO_COMPANIES = {
  [INDEX_KEY]: storedIndex(SAMPLE, EXAMPLE),
  [progressKey(SAMPLE.id)]: storedProgress([OPEN], SAMPLE.domain),
  [progressKey(EXAMPLE.id)]: storedProgress([DOWNLOAD, FILL], EXAMPLE.domain),
};

/** The interface texts the tests look for, in each language. */
const TEXT = {
  ja: {
    prefix: '',
    open: '切り替え・管理',
    dialog: '登録先の切り替え・管理',
    switch: '切り替え',
    rename: '名前を変更',
    renameLabel: '新しい名前',
    save: '保存',
    cancel: 'キャンセル',
    delete: '削除',
    confirmDelete: '削除する',
    export: 'ファイルに保存',
    add: '登録先を追加',
    addLabel: '新しい登録先の名前（会社名など）',
    copyLink: 'このページへのリンクをコピー',
    close: '閉じる',
    thisTab: '（このタブ）',
    current: (name: string) => `登録先: ${name}`,
    defaultName: (n: number) => `登録先 ${n}`,
    title: (name: string, title: string) => `${name}｜${title}`,
    count: (done: number, total: number) => `${done} / ${total} ステップ完了`,
    switched: (name: string) => `「${name}」に切り替えました。`,
    added: (name: string) => `「${name}」を追加して、このタブを切り替えました。`,
    renamed: (name: string) => `名前を「${name}」に変更しました。`,
    deleted: (name: string, now: string) =>
      `「${name}」を削除しました。このタブは「${now}」に切り替わりました。`,
    deleteQuestion: (name: string) =>
      `「${name}」を削除します。この登録先のチェック、完了日時、記録した情報はこのブラウザーから消去され、元に戻せません。`,
    exported: (file: string) => `「${file}」を保存しました。ブラウザーのダウンロード先をご確認ください。`,
    tooLong: '名前が長すぎます。80 文字以内にしてください。入力した名前はそのまま残してあります。',
    control: '名前に改行やタブなどの制御文字は使えません。取り除いてからもう一度お試しください。',
    linkCopied: 'リンクをコピーしました。メールなどに貼り付けると、この登録先でこのページを開けます。',
    unknownLink:
      'リンクで指定された登録先は、このブラウザーにはありません。このタブは、これまでの登録先のままです。',
    removed:
      'この登録先は、別のタブで削除されました。削除した登録先を元に戻さないよう、このタブでは表示のみとしています。別の登録先に切り替えてください。',
  },
  en: {
    prefix: 'en/',
    open: 'Switch or manage',
    dialog: 'Switch or manage registrations',
    switch: 'Switch',
    rename: 'Rename',
    renameLabel: 'New name',
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    confirmDelete: 'Delete it',
    export: 'Save to a file',
    add: 'Add registration',
    addLabel: 'Name of the new registration (company name, for example)',
    copyLink: 'Copy link to this page',
    close: 'Close',
    thisTab: '(this tab)',
    current: (name: string) => `Registration: ${name}`,
    defaultName: (n: number) => `Registration ${n}`,
    title: (name: string, title: string) => `${name} | ${title}`,
    count: (done: number, total: number) => `${done} of ${total} steps done`,
    switched: (name: string) => `Switched to “${name}”.`,
    added: (name: string) => `Added “${name}”; this tab is now on it.`,
    renamed: (name: string) => `Renamed to “${name}”.`,
    deleted: (name: string, now: string) => `Deleted “${name}”. This tab is now on “${now}”.`,
    deleteQuestion: (name: string) =>
      `Delete “${name}”? Its ticks, tick times and records are erased from this browser and cannot be restored.`,
    exported: (file: string) => `Saved “${file}”. You will find it in your browser’s downloads.`,
    tooLong: 'This name is too long: use at most 80 characters. Your text is still in the field.',
    control:
      'A name cannot contain line breaks, tabs or other control characters. Remove them and try again.',
    linkCopied: 'Link copied. Pasted into an e-mail, it opens this page on this registration.',
    unknownLink:
      'The registration named in the link is not in this browser. This tab stays on its current registration.',
    removed:
      'This registration was deleted in another tab. So that it does not come back, this tab only shows it. Switch to another registration.',
  },
} as const;

const LANGS: Lang[] = ['ja', 'en'];

/** A fresh browser whose localStorage holds `items`. */
async function browserWith(items: Record<string, string> = {}, options: BrowserContextOptions = {}) {
  return pages.freshContext({
    ...options,
    storageState: {
      cookies: [],
      origins: [
        {
          origin: new URL(site).origin,
          localStorage: Object.entries(items).map(([name, value]) => ({ name, value })),
        },
      ],
    },
  });
}

/** The page's own title, as the server wrote it (before any registration's name). */
function builtTitle(route: string): string {
  return decodeEntities(/<title>([^<]*)<\/title>/.exec(readBuiltPage(route))?.[1] ?? '');
}

const switcher = (page: Page) => page.locator('.registration-switcher');
const shownName = (page: Page) => switcher(page).locator('strong').textContent({ timeout: 5_000 });
const box = (page: Page, stepId: string) => page.locator(`#check-${stepId}`);
const count = (page: Page) => page.locator('.checklist-panel__count').textContent();

/** Opens a page and waits until its switcher is live (and, on a guide, its checkboxes). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(site + path);
  // Bounded, so that a page without the switcher fails saying what it lacks.
  await switcher(page).locator('button:enabled').waitFor({ timeout: 10_000 });
  await expect.poll(() => shownName(page)).not.toBe('');
  if (await page.locator('.checklist-panel').count())
    await expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBeGreaterThan(0);
}

/** The switcher's dialog, opened with its button. */
async function openDialog(page: Page, lang: Lang): Promise<Locator> {
  await page.getByRole('button', { name: TEXT[lang].open }).click();
  const dialog = page.getByRole('dialog', { name: TEXT[lang].dialog });
  await dialog.waitFor({ timeout: 10_000 });
  return dialog;
}

/** The entry of the dialog's list that names `name`. */
const entry = (dialog: Locator, name: string) =>
  dialog.getByRole('listitem').filter({ has: dialog.page().getByText(name, { exact: true }) });

/** The step ids a page shows ticked, among the given ones. */
async function shownTicks(page: Page, stepIds: string[]): Promise<string[]> {
  const ticked: string[] = [];
  for (const id of stepIds) if (await box(page, id).isChecked()) ticked.push(id);
  return ticked;
}

/** Presses Tab until `target` has focus (a keyboard user's way there), at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName.toLowerCase()}:${element.textContent?.trim() ?? ''}` : '';
  });

describe.each(LANGS)('the registration switcher (%s)', (lang) => {
  const text = TEXT[lang];
  const { prefix } = text;

  it('shows the registration this tab is on, and switches the checklist, home page and hand-off page with it', async () => {
    await browserWith(TWO_COMPANIES);
    const page = await pages.newPage();
    await open(page, `${prefix}hp/`);
    // A new tab starts on the oldest registration, nobody having switched yet.
    expect(await switcher(page).locator('p').first().textContent()).toBe(text.current(SAMPLE.name));
    expect(await page.title()).toBe(text.title(SAMPLE.name, builtTitle(`${prefix}hp/`)));
    expect(await shownTicks(page, [OPEN, DOWNLOAD, FILL])).toEqual([OPEN]);

    const dialog = await openDialog(page, lang);
    expect(await entry(dialog, SAMPLE.name).getAttribute('aria-current')).toBe('true');
    expect(await entry(dialog, SAMPLE.name).textContent()).toContain(text.thisTab);
    expect(
      await entry(dialog, SAMPLE.name).getByRole('button', { name: text.switch, exact: true }).count(),
    ).toBe(0);
    await entry(dialog, EXAMPLE.name).getByRole('button', { name: text.switch, exact: true }).click();

    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => shownName(page)).toBe(EXAMPLE.name);
    expect(await switcher(page).getByRole('status').textContent()).toBe(text.switched(EXAMPLE.name));
    await expect.poll(() => shownTicks(page, [OPEN, DOWNLOAD, FILL])).toEqual([DOWNLOAD, FILL]);
    expect(await count(page)).toBe(text.count(2, HP_STEPS));
    expect(await page.title()).toBe(text.title(EXAMPLE.name, builtTitle(`${prefix}hp/`)));
    // Focus is back on the switcher's button.
    expect(await focused(page)).toBe(`button:${text.open}`);

    // The tab stays on it from page to page: the home page (the overview of both registrations,
    // this tab's marked) and the hand-off page show its progress.
    await open(page, prefix);
    expect(await shownName(page)).toBe(EXAMPLE.name);
    const ownSection = page.locator(`.home-overview__registration[data-registration="${EXAMPLE.id}"]`);
    await expect
      .poll(() => ownSection.locator('[data-guide="hp"] .checklist-panel__count').textContent())
      .toBe(text.count(2, HP_STEPS));
    expect(await ownSection.locator('h3').innerText()).toBe(
      `${EXAMPLE.name}${lang === 'en' ? ' ' : ''}${text.thisTab}`,
    );
    expect(await page.title()).toBe(text.title(EXAMPLE.name, builtTitle(prefix)));
    await open(page, `${prefix}handoff/`);
    expect(await shownName(page)).toBe(EXAMPLE.name);
    await expect
      .poll(() =>
        page.locator('.handoff-records tr[data-field="ms-domain"] .handoff-records__value').textContent(),
      )
      .toBe(EXAMPLE.domain);
  });

  it('adds, renames and deletes registrations, asking before a delete and offering to save it first', async () => {
    // Progress from before registrations: it becomes the first registration, unnamed.
    await browserWith({ [LEGACY_KEY]: storedProgress([OPEN], SAMPLE.domain) });
    const page = await pages.newPage();
    await open(page, `${prefix}hp/`);
    const first = text.defaultName(1);
    expect(await shownName(page)).toBe(first);
    // One unnamed registration: the page's title is as before.
    expect(await page.title()).toBe(builtTitle(`${prefix}hp/`));
    expect(await shownTicks(page, [OPEN, DOWNLOAD])).toEqual([OPEN]);

    // Add: the tab switches to the new registration, which has no progress yet.
    let dialog = await openDialog(page, lang);
    await dialog.getByLabel(text.addLabel, { exact: true }).fill(`  ${SAMPLE.name} `);
    await dialog.getByRole('button', { name: text.add }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => shownName(page)).toBe(SAMPLE.name);
    expect(await switcher(page).getByRole('status').textContent()).toBe(text.added(SAMPLE.name));
    await expect.poll(() => shownTicks(page, [OPEN, DOWNLOAD])).toEqual([]);
    expect(await page.title()).toBe(text.title(SAMPLE.name, builtTitle(`${prefix}hp/`)));
    await box(page, DOWNLOAD).check();
    await expect.poll(() => count(page)).toBe(text.count(1, HP_STEPS));

    // Rename the first one; refused names keep what was typed and say why.
    dialog = await openDialog(page, lang);
    const firstEntry = entry(dialog, first);
    await firstEntry.getByRole('button', { name: text.rename }).click();
    const nameField = firstEntry.getByLabel(text.renameLabel, { exact: true });
    await expect.poll(() => nameField.evaluate((element) => element === document.activeElement)).toBe(true);
    const tooLong = 'あ'.repeat(81);
    await nameField.fill(tooLong);
    await firstEntry.getByRole('button', { name: text.save }).click();
    await expect
      .poll(() => firstEntry.locator('.registration-dialog__error').textContent())
      .toBe(text.tooLong);
    expect(await nameField.inputValue()).toBe(tooLong);
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    await nameField.fill('Old\tCo');
    await firstEntry.getByRole('button', { name: text.save }).click();
    await expect
      .poll(() => firstEntry.locator('.registration-dialog__error').textContent())
      .toBe(text.control);
    expect(await nameField.inputValue()).toBe('Old\tCo');
    await nameField.fill('Old Co');
    await firstEntry.getByRole('button', { name: text.save }).click();
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toBe(text.renamed('Old Co'));
    const renamed = entry(dialog, 'Old Co');
    await expect.poll(() => renamed.count()).toBe(1);
    expect(
      await renamed.getByRole('button', { name: text.rename }).evaluate((b) => b === document.activeElement),
    ).toBe(true);

    // Delete, cancelled: nothing changes and focus goes back to the delete button.
    const sampleEntry = entry(dialog, SAMPLE.name);
    await sampleEntry.getByRole('button', { name: text.delete, exact: true }).click();
    const question = sampleEntry.getByRole('group');
    expect(await question.locator('p').first().textContent()).toBe(text.deleteQuestion(SAMPLE.name));
    await question.getByRole('button', { name: text.cancel }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await sampleEntry.count()).toBe(1);

    // Delete, with the file saved first: the file holds that registration's progress.
    await sampleEntry.getByRole('button', { name: text.delete, exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      question.getByRole('button', { name: text.export }).click(),
    ]);
    const file = download.suggestedFilename();
    expect(file).toMatch(/^partner-guides-progress-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.poll(() => question.getByRole('status').textContent()).toBe(text.exported(file));
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const saved = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      version: number;
      registrations: { name: string; guides: Record<string, object> }[];
    };
    expect(saved.version).toBe(3);
    expect(saved.registrations.map(({ name, guides }) => [name, Object.keys(guides.hp ?? {})])).toEqual([
      [SAMPLE.name, [DOWNLOAD]],
    ]);

    await question.getByRole('button', { name: text.confirmDelete, exact: true }).click();
    await expect.poll(() => sampleEntry.count()).toBe(0);
    await expect
      .poll(() => dialog.getByRole('status').first().textContent())
      .toBe(text.deleted(SAMPLE.name, 'Old Co'));
    await expect.poll(() => shownName(page)).toBe('Old Co');
    await expect.poll(() => shownTicks(page, [OPEN, DOWNLOAD])).toEqual([OPEN]);
    const ids = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('partner-guides:progress:')),
    );
    expect(ids).toEqual([progressKey('1')]);

    await dialog.getByRole('button', { name: text.close }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe(`button:${text.open}`);
  });

  it('works with the keyboard alone: open, add, rename, and Escape to close, focus going back each time', async () => {
    await browserWith();
    const page = await pages.newPage();
    await open(page, `${prefix}hp/`);
    const openButton = page.getByRole('button', { name: text.open });
    await tabTo(page, openButton);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: text.dialog });
    await dialog.waitFor();
    // Focus starts on the dialog's title, which a screen reader reads.
    await expect.poll(() => focused(page)).toBe(`h2:${text.dialog}`);

    await tabTo(page, dialog.getByLabel(text.addLabel, { exact: true }));
    await page.keyboard.type(EXAMPLE.name);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => shownName(page)).toBe(EXAMPLE.name);
    expect(await focused(page)).toBe(`button:${text.open}`);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    const current = entry(dialog, EXAMPLE.name);
    await tabTo(page, current.getByRole('button', { name: text.rename }));
    await page.keyboard.press('Enter');
    const field = current.getByLabel(text.renameLabel, { exact: true });
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(SAMPLE.name);
    await page.keyboard.press('Enter');
    await expect.poll(() => shownName(page)).toBe(SAMPLE.name);
    await expect.poll(() => focused(page)).toBe(`button:${text.rename}`);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe(`button:${text.open}`);
  });

  it('opens the registration a link names, copies such links, and says so when this browser lacks it', async () => {
    const context = await browserWith(TWO_COMPANIES);
    await keepCopiesInPage(context);
    const page = await pages.newPage();
    await open(page, `${prefix}hp/?r=${EXAMPLE.id}`);
    expect(await shownName(page)).toBe(EXAMPLE.name);
    await expect.poll(() => shownTicks(page, [OPEN, DOWNLOAD, FILL])).toEqual([DOWNLOAD, FILL]);
    expect(await page.locator('[data-testid="registration-notice"]').count()).toBe(0);

    const dialog = await openDialog(page, lang);
    await entry(dialog, SAMPLE.name).getByRole('button', { name: text.copyLink }).click();
    await expect
      .poll(() => entry(dialog, SAMPLE.name).getByRole('status').textContent())
      .toBe(text.linkCopied);
    const link = (await copiedText(page)) ?? '';
    expect(link).toBe(`${site}${prefix}hp/?r=${SAMPLE.id}`);

    const other = await pages.newPage();
    await open(other, link.slice(site.length));
    expect(await shownName(other)).toBe(SAMPLE.name);
    await expect.poll(() => shownTicks(other, [OPEN, DOWNLOAD, FILL])).toEqual([OPEN]);

    // A link to a registration this browser does not have: the tab stays where it was and says so.
    for (const unknown of ['nosuch', '%3Cscript%3E']) {
      await other.goto(`${site}${prefix}hp/?r=${unknown}`);
      const notice = other.locator('[data-testid="registration-notice"]');
      await expect.poll(() => notice.textContent()).toBe(text.unknownLink);
      expect(await shownName(other)).toBe(SAMPLE.name);
      await expect.poll(() => shownTicks(other, [OPEN, DOWNLOAD, FILL])).toEqual([OPEN]);
    }
    // Switching ends the notice.
    const otherDialog = await openDialog(other, lang);
    await entry(otherDialog, EXAMPLE.name).getByRole('button', { name: text.switch, exact: true }).click();
    await expect.poll(() => other.locator('[data-testid="registration-notice"]').count()).toBe(0);
  });
});

describe('tabs on different registrations', () => {
  it('switching in one tab leaves the other on its own, and a tick shows live in a tab on the same registration', async () => {
    await browserWith(TWO_COMPANIES);
    const first = await pages.newPage();
    const second = await pages.newPage();
    await open(first, 'hp/');
    await open(second, 'en/hp/');

    const dialog = await openDialog(first, 'ja');
    await entry(dialog, EXAMPLE.name).getByRole('button', { name: '切り替え', exact: true }).click();
    await expect.poll(() => shownName(first)).toBe(EXAMPLE.name);
    // The first tab renames the other tab's registration: the second tab shows the new name, live,
    // and is still on it, with its progress.
    const renamed = '株式会社サンプル 本社';
    const again = await openDialog(first, 'ja');
    await entry(again, SAMPLE.name).getByRole('button', { name: '名前を変更' }).click();
    await entry(again, SAMPLE.name).getByLabel('新しい名前', { exact: true }).fill(renamed);
    await entry(again, SAMPLE.name).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => shownName(second)).toBe(renamed);
    expect(await shownTicks(second, [OPEN, DOWNLOAD, FILL])).toEqual([OPEN]);
    expect(await second.title()).toBe(`${renamed} | ${builtTitle('en/hp/')}`);
    await first.keyboard.press('Escape');

    // A new tab starts on the registration last switched to.
    const third = await pages.newPage();
    await open(third, 'hp/');
    expect(await shownName(third)).toBe(EXAMPLE.name);
    // A tick in the first tab shows live in the third (same registration), not in the second.
    await box(first, SEND).check();
    await expect.poll(() => box(third, SEND).isChecked()).toBe(true);
    // The second tab's own tick, on its registration, shows in neither of the others.
    await box(second, FILL).check();
    await expect
      .poll(() => first.evaluate((key) => localStorage.getItem(key), progressKey(SAMPLE.id)))
      .toContain(FILL);
    expect(await shownTicks(second, [OPEN, DOWNLOAD, FILL, SEND])).toEqual([OPEN, FILL]);
    expect(await shownTicks(first, [OPEN, DOWNLOAD, FILL, SEND])).toEqual([DOWNLOAD, FILL, SEND]);
    expect(await shownTicks(third, [OPEN, DOWNLOAD, FILL, SEND])).toEqual([DOWNLOAD, FILL, SEND]);
  });

  it('says so in a tab whose registration another tab deleted, and saves nothing there until it switches', async () => {
    await browserWith(TWO_COMPANIES);
    const first = await pages.newPage();
    const second = await pages.newPage();
    await open(first, 'hp/');
    await open(second, 'hp/?r=example2');

    const dialog = await openDialog(second, 'ja');
    await entry(dialog, SAMPLE.name).getByRole('button', { name: '削除', exact: true }).click();
    await entry(dialog, SAMPLE.name).getByRole('button', { name: '削除する' }).click();
    await expect.poll(() => entry(dialog, SAMPLE.name).count()).toBe(0);

    const notice = first.locator('[data-testid="registration-notice"]');
    await expect.poll(() => notice.textContent()).toBe(TEXT.ja.removed);
    expect(await switcher(first).getByRole('status').textContent()).toBe(TEXT.ja.removed);
    // It keeps showing the name it had, and its boxes cannot be ticked.
    expect(await shownName(first)).toBe(SAMPLE.name);
    await expect.poll(() => box(first, DOWNLOAD).isDisabled()).toBe(true);

    const firstDialog = await openDialog(first, 'ja');
    await entry(firstDialog, EXAMPLE.name).getByRole('button', { name: '切り替え', exact: true }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => box(first, SEND).isEnabled()).toBe(true);
    expect(await shownName(first)).toBe(EXAMPLE.name);
  });
});

describe('the switcher on a page', () => {
  it.each(LANGS)(
    'fits a phone’s width (%s): one line beside its button, however long the name, and the dialog fits too',
    async (lang) => {
      const long = 'Example Trading and Distribution Company of Greater Tokyo Metropolitan Area Ltd.';
      await browserWith(
        { [INDEX_KEY]: storedIndex({ id: 'long1', name: long }, EXAMPLE) },
        { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
      );
      const page = await pages.newPage();
      for (const path of ['hp/', '', 'handoff/']) {
        await open(page, TEXT[lang].prefix + path);
        expect(await shownName(page)).toBe(long);
        const line = await switcher(page).boundingBox();
        const button = await switcher(page).getByRole('button').boundingBox();
        const width = await page.evaluate(() => document.documentElement.clientWidth);
        if (!line || !button) throw new Error('the switcher is not shown');
        expect(line.x + line.width).toBeLessThanOrEqual(width);
        expect(button.x + button.width).toBeLessThanOrEqual(width);
        // One line: no taller than the button it holds.
        expect(line.height).toBeLessThanOrEqual(button.height + 1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
      }
      const dialog = await openDialog(page, lang);
      const area = await dialog.boundingBox();
      if (!area) throw new Error('the dialog is not shown');
      expect(area.x).toBeGreaterThanOrEqual(0);
      expect(area.x + area.width).toBeLessThanOrEqual(375);
      // Centred, as a modal dialog is.
      expect(Math.abs(area.x - (375 - area.x - area.width))).toBeLessThanOrEqual(1);
      expect(await dialog.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
      expect(await entry(dialog, long).isVisible()).toBe(true);
    },
  );

  it('fills in the name without moving the page (no layout shift)', async () => {
    await browserWith(TWO_COMPANIES);
    const page = await pages.newPage();
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[])
          if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Held until the server's page has been drawn, as on a slow network (see tests/e2e/checklist.test.ts).
    let drawn = () => {};
    const held = new Promise<void>((resolve) => (drawn = resolve));
    await page.route('**/_astro/RegistrationSwitcher.*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site + 'microsoft/', { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    expect(await shownName(page)).toBe('');
    drawn();
    await expect.poll(() => shownName(page)).toBe(SAMPLE.name);
    const shifts = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve((window as unknown as { shifts: number }).shifts);
              channel.port2.postMessage(undefined);
            }),
          ),
        ),
    );
    expect(shifts).toBeLessThanOrEqual(0.01);
  });

  it('is left out without JavaScript, where nothing is stored', async () => {
    await pages.freshContext({ javaScriptEnabled: false });
    const page = await pages.newPage();
    for (const path of ['hp/', '', 'en/handoff/']) {
      await page.goto(site + path);
      expect(await switcher(page).count()).toBe(1);
      expect(await switcher(page).isVisible()).toBe(false);
    }
  });
});
