import { describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { useBrowser, useTestPages } from './support/browser';
import { INDEX_KEY, progressKey, seedStorage, storedIndex } from './support/registrations';
import { emptyProgress, withRecord, withStep } from '../../src/lib/progress-data';
import { exportProgress, exportRegistrations } from '../../src/lib/transfer';
import type { Lang } from '../../src/lib/guides';

/**
 * The hand-off page per registration (issue 16): the message to the distributor and the record
 * table of the registration the tab is on, with its name in the message; export of this
 * registration or all of them; import into this tab's registration, another one or a new one, and
 * of a file of several, each shown before anything changes. (Plans: tests/unit/import-targets.test.ts,
 * tests/unit/import-flow.test.ts; the single-registration hand-off: tests/e2e/handoff.test.ts.)
 */

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

const AT = '2026-11-20T01:00:00.000Z';

/** Two companies whose Microsoft registrations are through, each with its own records. */
const SAMPLE = { id: 'sample1', name: '株式会社サンプル', partnerId: '6000001', by: '山田 太郎' };
const EXAMPLE = { id: 'example2', name: 'Example Trading', partnerId: '6000002', by: 'Jane Smith' };

/** A company's stored progress: the steps the message reports ticked, and the records it needs. */
function reported({ partnerId, by }: { partnerId: string; by: string }): string {
  return JSON.stringify({
    version: 3,
    guides: {
      microsoft: { 'ms-csp-link-partner-id': { tickedAt: AT }, 'ms-mpa-accept': { tickedAt: AT } },
    },
    records: {
      'ms-partner-id-location': { value: partnerId, updatedAt: AT },
      'ms-mpa-accepted-on': { value: '2026-11-19', updatedAt: AT },
      'ms-mpa-accepted-by': { value: by, updatedAt: AT },
    },
  });
}

const TWO_COMPANIES = {
  [INDEX_KEY]: storedIndex(SAMPLE, EXAMPLE),
  [progressKey(SAMPLE.id)]: reported(SAMPLE),
  [progressKey(EXAMPLE.id)]: reported(EXAMPLE),
};

async function browserWith(items: Record<string, string>): Promise<void> {
  const context = await pages.freshContext();
  await seedStorage(context, items);
}

/** Everything this origin stores, to show that nothing changed. */
const everythingStored = (page: Page) =>
  page.evaluate((): Record<string, string> => Object.fromEntries(Object.entries({ ...localStorage }).sort()));

const storedProgressOf = (page: Page, id: string) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown, progressKey(id));

/** The records stored for registration `id`, by field. */
const recordsOf = async (page: Page, id: string) =>
  ((await storedProgressOf(page, id)) as { records?: Record<string, unknown> } | null)?.records;

/** The registrations of the stored index, in creation order. */
const storedNames = (page: Page) =>
  page.evaluate((key) => {
    const index = JSON.parse(localStorage.getItem(key) ?? '{}') as {
      registrations?: Record<string, { name: string; createdAt: string }>;
    };
    return Object.entries(index.registrations ?? {})
      .sort(([, a], [, b]) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
      .map(([id, { name }]) => ({ id, name }));
  }, INDEX_KEY);

const status = (page: Page) => page.locator('#handoff-import-status');
const switcherName = (page: Page) => page.locator('.registration-switcher p').first();

/** Opens the hand-off page and readies its import and export (they come on intent). */
async function openHandoff(page: Page, path: string): Promise<void> {
  await page.goto(site + path);
  await page.locator('#handoff-import-file:enabled').waitFor();
  await page.locator('#handoff-import-file').focus();
  await expect.poll(() => page.locator('.handoff-transfer astro-island[ssr]').count()).toBe(0);
}

async function downloaded(download: Download): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Another company's file, as its own browser saved it: an HP tick and the HP account's e-mail. */
const gammaFile = (name: string) =>
  exportProgress(
    withRecord(
      withStep(emptyProgress(), 'hp', 'hp-open-registration-page', AT),
      'hp-account-email',
      'info@gamma.example.co.jp',
      new Date(AT),
    ),
    new Date(AT),
    name,
  );

const TEXT = {
  ja: {
    prefix: '',
    company: (name: string) => `会社名: ${name}`,
    current: (name: string) => `登録先: ${name}`,
    exportThis: (name: string) => `「${name}」をファイルに保存`,
    exportAll: (count: number) => `すべての登録先（${count} 件）をファイルに保存`,
    legend: '取り込み先',
    existing: 'このブラウザーの登録先に取り込む',
    existingLabel: '取り込む登録先',
    newOne: '新しい登録先として追加する',
    newName: '新しい登録先の名前',
    into: (file: string, target: string) =>
      `「${file}」を「${target}」に取り込むと、進捗と記録が次のように変わります。ファイルにない進捗や記録は、そのまま残ります。`,
    confirm: '取り込む',
    imported: (name: string) =>
      `取り込みました。チェック 1 件と記録 1 件を反映しました。 このタブは「${name}」に切り替わりました。 「取り込みを元に戻す」を選ぶと、取り込む前の状態に戻せます。`,
    undo: '取り込みを元に戻す',
    undone: (name: string) =>
      `取り込みを元に戻しました。進捗と記録は取り込む前の状態です。 このタブは「${name}」に切り替わりました。`,
    removed:
      'この登録先は、別のタブで削除されました。削除した登録先を元に戻さないよう、このタブでは表示のみとしています。別の登録先に切り替えてください。',
    controlCharacter: '名前に改行やタブなどの制御文字は使えません。取り除いてからもう一度お試しください。',
  },
  en: {
    prefix: 'en/',
    company: (name: string) => `Company: ${name}`,
    current: (name: string) => `Registration: ${name}`,
    exportThis: (name: string) => `Save “${name}” to a file`,
    exportAll: (count: number) => `Save all ${count} registrations to a file`,
    legend: 'Import into',
    existing: 'A registration in this browser',
    existingLabel: 'Registration to import into',
    newOne: 'A new registration',
    newName: 'Name of the new registration',
    into: (file: string, target: string) =>
      `Importing “${file}” into “${target}” makes these changes to its progress and records. Anything the file does not mention stays as it is.`,
    confirm: 'Import',
    imported: (name: string) =>
      `Imported. 1 ticks and 1 records updated. This tab is now on “${name}”. Choose “Undo the import” to go back to what was here before.`,
    undo: 'Undo the import',
    undone: (name: string) =>
      `Import undone. The progress and records are as they were before the import. This tab is now on “${name}”.`,
    removed:
      'This registration was deleted in another tab. So that it does not come back, this tab only shows it. Switch to another registration.',
    controlCharacter:
      'A name cannot contain line breaks, tabs or other control characters. Remove them and try again.',
  },
} as const;

describe.each(['ja', 'en'] as const)('the hand-off page per registration, in %s', (lang: Lang) => {
  const text = TEXT[lang];

  it('writes the message and the record table from the registration the tab is on, naming it', async () => {
    await browserWith(TWO_COMPANIES);
    const page = await pages.newPage();
    const message = page.locator('#handoff-message-text');
    await page.goto(`${site}${text.prefix}handoff/?r=${EXAMPLE.id}`);
    await expect.poll(() => message.inputValue()).toContain(text.company(EXAMPLE.name));
    expect(await message.inputValue()).toContain(EXAMPLE.partnerId);
    expect(await message.inputValue()).not.toContain(SAMPLE.partnerId);
    const partnerCell = page.locator('tr[data-field="ms-partner-id-location"] td').first();
    await expect.poll(() => partnerCell.textContent()).toContain(EXAMPLE.partnerId);

    await page.goto(`${site}${text.prefix}handoff/?r=${SAMPLE.id}`);
    await expect.poll(() => message.inputValue()).toContain(text.company(SAMPLE.name));
    expect(await message.inputValue()).toContain(SAMPLE.partnerId);
    expect(await message.inputValue()).not.toContain(EXAMPLE.name);
    await expect.poll(() => partnerCell.textContent()).toContain(SAMPLE.partnerId);
  });

  it('saves this registration or all of them, each file with the names', async () => {
    await browserWith(TWO_COMPANIES);
    const page = await pages.newPage();
    await openHandoff(page, `${text.prefix}handoff/?r=${EXAMPLE.id}`);
    const [one] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: text.exportThis(EXAMPLE.name) }).click(),
    ]);
    expect(await downloaded(one)).toMatchObject({
      format: 'partner-guides-progress',
      version: 3,
      registrations: [
        { name: EXAMPLE.name, records: { 'ms-partner-id-location': { value: EXAMPLE.partnerId } } },
      ],
    });
    const [all] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: text.exportAll(2) }).click(),
    ]);
    const file = (await downloaded(all)) as { registrations: { name: string }[] };
    expect(file.registrations.map(({ name }) => name)).toEqual([SAMPLE.name, EXAMPLE.name]);
  });

  it('imports a file into a new registration, after a preview that first offers this tab’s, and undoes it there', async () => {
    await browserWith(TWO_COMPANIES);
    const page = await pages.newPage();
    await openHandoff(page, `${text.prefix}handoff/`);
    const before = await everythingStored(page);
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'gamma.json',
      mimeType: 'application/json',
      buffer: Buffer.from(gammaFile('Gamma K.K.')),
    });
    const preview = page.locator('.handoff-preview');
    await preview.waitFor();
    const targets = preview.getByRole('group', { name: text.legend });
    expect(await targets.getByRole('radio', { name: text.existing }).isChecked()).toBe(true);
    const select = targets.getByLabel(text.existingLabel, { exact: true });
    expect(await select.inputValue()).toBe(SAMPLE.id);
    expect(await preview.locator('p').filter({ hasText: 'gamma.json' }).first().textContent()).toBe(
      text.into('gamma.json', SAMPLE.name),
    );
    expect(await everythingStored(page)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // Into a new registration, named from the file; a name the index refuses is said and changes nothing.
    await targets.getByRole('radio', { name: text.newOne }).check();
    const name = targets.getByLabel(text.newName, { exact: true });
    expect(await name.inputValue()).toBe('Gamma K.K.');
    await name.fill('Gamma\tK.K.');
    await expect
      .poll(() => preview.locator('#handoff-import-name-error').textContent())
      .toBe(text.controlCharacter);
    expect(await preview.getByRole('button', { name: text.confirm, exact: true }).isDisabled()).toBe(true);
    await name.fill('Gamma 株式会社');
    expect(await everythingStored(page)).toEqual(before);
    await preview.getByRole('button', { name: text.confirm, exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe(text.imported('Gamma 株式会社'));
    await expect.poll(() => switcherName(page).textContent()).toBe(text.current('Gamma 株式会社'));
    const names = await storedNames(page);
    expect(names.map(({ name: stored }) => stored)).toEqual([SAMPLE.name, EXAMPLE.name, 'Gamma 株式会社']);
    const gamma = names[2]!.id;
    expect(await storedProgressOf(page, gamma)).toMatchObject({
      records: { 'hp-account-email': { value: 'info@gamma.example.co.jp' } },
    });
    expect(await storedProgressOf(page, SAMPLE.id)).toEqual(JSON.parse(before[progressKey(SAMPLE.id)]!));

    // A second tab on the new registration, which the undo is about to take back.
    const other = await pages.newPage();
    await other.goto(`${site}${text.prefix}hp/?r=${gamma}`);
    await expect.poll(() => switcherName(other).textContent()).toBe(text.current('Gamma 株式会社'));

    await page.getByRole('button', { name: text.undo }).click();
    await expect.poll(() => status(page).textContent()).toBe(text.undone(SAMPLE.name));
    // The whole import is taken back: the registration it added is gone, as a deleted one goes.
    expect(await storedNames(page)).toEqual([
      { id: SAMPLE.id, name: SAMPLE.name },
      { id: EXAMPLE.id, name: EXAMPLE.name },
    ]);
    expect(await storedProgressOf(page, gamma)).toBeNull();
    expect(await switcherName(page).textContent()).toBe(text.current(SAMPLE.name));
    expect(await page.getByRole('button', { name: text.undo }).count()).toBe(0);
    await expect
      .poll(() => other.locator('[data-testid="registration-notice"]').textContent())
      .toBe(text.removed);
  });

  it.each([1280, 375])(
    'lays out where a file goes as the other forms are, at %i pixels wide: each field under its choice’s text',
    async (width) => {
      await browserWith(TWO_COMPANIES);
      const page = await pages.newPage();
      await page.setViewportSize({ width, height: 900 });
      await openHandoff(page, `${text.prefix}handoff/`);
      await page.locator('#handoff-import-file').setInputFiles({
        name: 'gamma.json',
        mimeType: 'application/json',
        buffer: Buffer.from(gammaFile('Gamma K.K.')),
      });
      const targets = page.locator('.handoff-preview').getByRole('group', { name: text.legend });
      await targets.waitFor();
      const layout = await targets.evaluate((group) => {
        const box = (element: Element | null) => element!.getBoundingClientRect();
        const choices = [...group.querySelectorAll('label:has(input[type="radio"])')];
        const textStart = (label: Element) => {
          const range = document.createRange();
          range.selectNodeContents(label.lastChild!);
          return range.getBoundingClientRect().left;
        };
        const fields = ['handoff-import-registration', 'handoff-import-name'].map((id) => ({
          label: box(group.querySelector(`label[for="${id}"]`)),
          field: box(document.getElementById(id)),
          minHeight: getComputedStyle(document.getElementById(id)!).minHeight,
        }));
        return {
          groupRight: box(group).right,
          choiceWeights: choices.map((label) => getComputedStyle(label).fontWeight),
          labelWeights: fields.map(
            (_, place) => getComputedStyle(group.querySelectorAll('label[for]')[place]!).fontWeight,
          ),
          offsets: choices.map((label, place) => Math.round(fields[place]!.label.left - textStart(label))),
          belowChoice: choices.map((label, place) =>
            Math.round(fields[place]!.label.top - box(label).bottom),
          ),
          overflow: fields.map(({ field }) => Math.round(field.right - box(group).right)),
          minHeights: fields.map(({ minHeight }) => minHeight),
        };
      });
      // A choice reads as text beside its button; the field it enables sits under that text, close
      // to it, labelled in bold and as tall as a record field; nothing sticks out of the form.
      expect(layout.choiceWeights).toEqual(['400', '400']);
      expect(layout.labelWeights).toEqual(['600', '600']);
      for (const offset of layout.offsets) expect(Math.abs(offset)).toBeLessThanOrEqual(1);
      for (const gap of layout.belowChoice) expect(gap).toBeLessThanOrEqual(8);
      for (const overflow of layout.overflow) expect(overflow).toBeLessThanOrEqual(0);
      expect(layout.minHeights).toEqual(['40px', '40px']);
    },
  );

  it('imports a file into another registration chosen in the preview, switching this tab to it', async () => {
    await browserWith(TWO_COMPANIES);
    const page = await pages.newPage();
    await openHandoff(page, `${text.prefix}handoff/`);
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'gamma.json',
      mimeType: 'application/json',
      buffer: Buffer.from(gammaFile('')),
    });
    const preview = page.locator('.handoff-preview');
    await preview.waitFor();
    await preview.getByLabel(text.existingLabel, { exact: true }).selectOption(EXAMPLE.id);
    await expect
      .poll(() => preview.locator('p').filter({ hasText: 'gamma.json' }).first().textContent())
      .toBe(text.into('gamma.json', EXAMPLE.name));
    await preview.getByRole('button', { name: text.confirm, exact: true }).click();
    await expect.poll(() => switcherName(page).textContent()).toBe(text.current(EXAMPLE.name));
    expect(await storedProgressOf(page, EXAMPLE.id)).toMatchObject({
      records: {
        'hp-account-email': { value: 'info@gamma.example.co.jp' },
        'ms-partner-id-location': { value: EXAMPLE.partnerId },
      },
    });
    expect(await storedProgressOf(page, SAMPLE.id)).not.toMatchObject({
      records: { 'hp-account-email': {} },
    });
  });
});

describe('a file of several registrations', () => {
  const file = exportRegistrations(
    [
      {
        name: SAMPLE.name,
        data: withRecord(emptyProgress(), 'hp-account-email', 'info@sample.example.co.jp', new Date(AT)),
      },
      { name: 'New Company', data: withStep(emptyProgress(), 'hp', 'hp-open-registration-page', AT) },
    ],
    new Date(AT),
  );

  it('shows where each goes (by name, or all new), imports on confirmation, and undoes every registration', async () => {
    await browserWith(TWO_COMPANIES);
    const page = await pages.newPage();
    await openHandoff(page, `handoff/?r=${EXAMPLE.id}`);
    const before = await everythingStored(page);
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'all.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    const preview = page.locator('.handoff-preview');
    await preview.waitFor();
    expect(await preview.locator('p').first().textContent()).toBe(
      '「all.json」には 2 件の登録先が保存されています。それぞれ次のように取り込みます。ファイルにない進捗や記録は、そのまま残ります。',
    );
    const plans = preview.locator('.handoff-preview__registrations > li');
    expect(await plans.evaluateAll((items) => items.map((item) => item.getAttribute('data-target')))).toEqual(
      ['existing', 'new'],
    );
    expect(await plans.first().textContent()).toMatch(/^株式会社サンプル 「株式会社サンプル」に統合します。/);
    expect(await plans.nth(1).textContent()).toMatch(/^New Company 新しい登録先として追加します。/);
    expect(await axeViolations(page)).toEqual([]);
    await preview.getByRole('radio', { name: 'すべて新しい登録先として追加する' }).check();
    await expect
      .poll(() => plans.evaluateAll((items) => items.map((item) => item.getAttribute('data-target'))))
      .toEqual(['new', 'new']);
    await preview.getByRole('radio', { name: /^同じ名前の登録先があれば統合し/ }).check();
    expect(await everythingStored(page)).toEqual(before);

    await preview.getByRole('button', { name: '取り込む', exact: true }).click();
    await expect
      .poll(() => status(page).textContent())
      .toBe(
        '2 件の登録先を取り込みました（新しい登録先 1 件、統合 1 件）。 「取り込みを元に戻す」を選ぶと、取り込む前の状態に戻せます。',
      );
    // This tab stays on its registration.
    expect(await switcherName(page).textContent()).toBe(`登録先: ${EXAMPLE.name}`);
    const names = await storedNames(page);
    expect(names.map(({ name }) => name)).toEqual([SAMPLE.name, EXAMPLE.name, 'New Company']);
    expect(await storedProgressOf(page, SAMPLE.id)).toMatchObject({
      records: { 'hp-account-email': { value: 'info@sample.example.co.jp' } },
    });

    await page.getByRole('button', { name: '取り込みを元に戻す' }).click();
    await expect
      .poll(() => status(page).textContent())
      .toBe('取り込みを元に戻しました。進捗と記録は取り込む前の状態です。');
    expect(Object.keys((await recordsOf(page, SAMPLE.id)) ?? {})).toEqual([
      'ms-mpa-accepted-by',
      'ms-mpa-accepted-on',
      'ms-partner-id-location',
    ]);
    // The registration the import added is taken back with it; this tab stays where it was.
    expect(await storedNames(page)).toEqual([
      { id: SAMPLE.id, name: SAMPLE.name },
      { id: EXAMPLE.id, name: EXAMPLE.name },
    ]);
    expect(await storedProgressOf(page, names[2]!.id)).toBeNull();
    expect(await switcherName(page).textContent()).toBe(`登録先: ${EXAMPLE.name}`);
    expect(await page.getByRole('button', { name: '取り込みを元に戻す' }).count()).toBe(0);
  });

  it('stops offering to undo the import once another tab changes what it imported', async () => {
    await browserWith(TWO_COMPANIES);
    const page = await pages.newPage();
    await openHandoff(page, `handoff/?r=${EXAMPLE.id}`);
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'all.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await page.locator('.handoff-preview').getByRole('button', { name: '取り込む', exact: true }).click();
    const undo = page.getByRole('button', { name: '取り込みを元に戻す' });
    await undo.waitFor();

    // Another tab's new value for the e-mail address the import brought to 株式会社サンプル.
    const other = await pages.newPage();
    await other.goto(`${site}about/`);
    await other.evaluate((key) => {
      const progress = JSON.parse(localStorage.getItem(key)!) as {
        records: Record<string, { value: string; updatedAt: string }>;
      };
      progress.records['hp-account-email'] = {
        value: 'sales@sample.example.co.jp',
        updatedAt: new Date().toISOString(),
      };
      localStorage.setItem(key, JSON.stringify(progress));
    }, progressKey(SAMPLE.id));
    await expect.poll(() => undo.count()).toBe(0);
    expect(await status(page).textContent()).toBe(
      '2 件の登録先を取り込みました（新しい登録先 1 件、統合 1 件）。',
    );
    expect(await recordsOf(page, SAMPLE.id)).toMatchObject({
      'hp-account-email': { value: 'sales@sample.example.co.jp' },
    });
  });

  it('changes nothing when the file is bad, and says why', async () => {
    await browserWith(TWO_COMPANIES);
    const page = await pages.newPage();
    await openHandoff(page, 'handoff/');
    const before = await everythingStored(page);
    const bad = JSON.parse(file) as { registrations: { guides: unknown }[] };
    bad.registrations[1]!.guides = 'hp-open-registration-page';
    await page.locator('#handoff-import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expect
      .poll(() => status(page).textContent())
      .toBe(
        '「broken.json」は内容の一部が読み取れないため、取り込めません。元のパソコンで保存し直してお試しください。 このブラウザーの進捗と記録は変更していません。',
      );
    expect(await page.locator('.handoff-preview').count()).toBe(0);
    expect(await everythingStored(page)).toEqual(before);
  });
});
