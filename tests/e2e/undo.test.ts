import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';
import { emptyProgress, withRecord, withStep, type ProgressData } from '../../src/lib/progress-data';
import { exportProgress } from '../../src/lib/transfer';

/**
 * Mistakes can be taken back: an untick, a reset and an import each offer to undo them, restoring
 * tick times exactly in every open tab; a completion time can be corrected; the reset question says
 * what goes and what stays; the hand-off message is offered only once the steps it reports are ticked.
 */

const site = inject('siteUrl');
const KEY = 'partner-guides:progress';
/** Where progress seeded under KEY (as stored before registrations) is once a page moved it: registration 1. */
const FIRST_REGISTRATION = 'partner-guides:progress:1';
const pages = useTestPages(useBrowser());

/** Thursday 19 and Friday 20 November 2026, 10:00 and 18:45 in Japan. */
const THURSDAY = '2026-11-19T01:00:00.000Z';
const FRIDAY = '2026-11-20T09:45:00.000Z';

/** Opens a context whose storage starts with `data` (only while empty, so changes survive reloads). */
async function contextWith(data: ProgressData): Promise<BrowserContext> {
  const context = await pages.freshContext();
  await context.addInitScript(
    ([key, value]) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    },
    [KEY, JSON.stringify(data)] as const,
  );
  return context;
}

async function openGuide(path: string): Promise<Page> {
  const page = await pages.newPage();
  await page.goto(site + path);
  await expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBeGreaterThan(0);
  return page;
}

const box = (page: Page, stepId: string) => page.locator(`#check-${stepId}`);
/** A step's tick time with its controls (correct the time, undo an untick). */
const stepStatus = (page: Page, stepId: string) =>
  page.locator(`[data-step-id="${stepId}"] .guide-step__state`);
const liveStatus = (page: Page) => page.locator('.checklist-panel [role="status"]');
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName.toLowerCase()}#${element.id}.${element.className}` : '';
  });

describe('undoing an untick', () => {
  it('puts the tick back with its original time, in both tabs (Japanese)', async () => {
    await contextWith(
      withStep(
        withStep(emptyProgress(), 'hp', 'hp-open-registration-page', THURSDAY),
        'hp',
        'hp-download-application-form',
        FRIDAY,
      ),
    );
    const page = await openGuide('hp/');
    const other = await openGuide('hp/');
    const status = stepStatus(page, 'hp-open-registration-page');
    expect(await status.textContent()).toContain('2026/11/19(木) 10:00 に完了');

    await box(page, 'hp-open-registration-page').uncheck();
    await expect.poll(() => box(other, 'hp-open-registration-page').isChecked()).toBe(false);
    await expect.poll(() => status.textContent()).toContain('完了を取り消しました。');
    await expect.poll(() => liveStatus(page).textContent()).toContain('「元に戻す」を選ぶと元に戻せます。');

    await status.getByRole('button', { name: '元に戻す' }).click();
    await expect.poll(() => status.textContent()).toContain('2026/11/19(木) 10:00 に完了');
    expect(await box(page, 'hp-open-registration-page').isChecked()).toBe(true);
    await expect.poll(() => focused(page)).toContain('#check-hp-open-registration-page');
    await expect
      .poll(() => liveStatus(page).textContent())
      .toMatch(/^元に戻しました。2 \/ \d+ ステップ完了です。$/);
    // The other tab shows the restored tick with its original time too.
    await expect
      .poll(() => stepStatus(other, 'hp-open-registration-page').textContent())
      .toContain('2026/11/19(木) 10:00 に完了');
    // The tick made on Friday is untouched.
    expect(await stepStatus(other, 'hp-download-application-form').textContent()).toContain(
      '2026/11/20(金) 18:45 に完了',
    );
  });

  it('is offered until the next change, in English', async () => {
    await contextWith(withStep(emptyProgress(), 'redhat', 'rh-open-partner-connect', THURSDAY));
    const page = await openGuide('en/redhat/');
    const status = stepStatus(page, 'rh-open-partner-connect');
    await box(page, 'rh-open-partner-connect').uncheck();
    const undo = status.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.count()).toBe(1);
    await box(page, 'rh-choose-business-partner-login').check();
    await expect.poll(() => undo.count()).toBe(0);
    expect(await status.textContent()).toBe('');
  });
});

describe('resetting a guide', () => {
  it('says what is cleared and kept, focuses the summary, and undoes with every time restored (English)', async () => {
    let data = withStep(emptyProgress(), 'redhat', 'rh-open-partner-connect', THURSDAY);
    data = withStep(data, 'redhat', 'rh-choose-business-partner-login', FRIDAY);
    await contextWith(data);
    const page = await openGuide('en/redhat/');
    const other = await openGuide('en/redhat/');

    await page.getByRole('button', { name: 'Reset this guide’s progress' }).click();
    const question = page.getByRole('group', { name: 'Reset this guide’s progress' });
    expect(await question.locator('li').allTextContents()).toEqual([
      'Cleared: this guide’s ticks and their completion times (which are also when its waits started)',
      'Kept: the details you noted (Partner IDs and so on) and the progress of other guides',
    ]);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => box(other, 'rh-open-partner-connect').isChecked()).toBe(false);
    await expect.poll(() => focused(page)).toContain('checklist-panel__summary');
    const summary = page.getByRole('group', { name: /^0 of \d+ steps done$/ });
    expect(await summary.count()).toBe(1);

    await page.locator('.checklist-panel').getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => stepStatus(page, 'rh-open-partner-connect').textContent())
      .toContain('Done Thu, 19 Nov 2026, 10:00');
    expect(await stepStatus(page, 'rh-choose-business-partner-login').textContent()).toContain(
      'Done Fri, 20 Nov 2026, 18:45',
    );
    await expect.poll(() => focused(page)).toContain('checklist-panel__summary');
    expect(await page.getByRole('group', { name: /^2 of \d+ steps done$/ }).count()).toBe(1);
    await expect
      .poll(() => stepStatus(other, 'rh-choose-business-partner-login').textContent())
      .toContain('Done Fri, 20 Nov 2026, 18:45');
    expect(await stepStatus(other, 'rh-open-partner-connect').textContent()).toContain(
      'Done Thu, 19 Nov 2026, 10:00',
    );
  });

  it('lists what is cleared and kept in Japanese, and moves focus to the summary', async () => {
    await contextWith(withStep(emptyProgress(), 'redhat', 'rh-open-partner-connect', THURSDAY));
    const page = await openGuide('redhat/');
    await page.getByRole('button', { name: 'このガイドの進捗をリセット' }).click();
    const question = page.getByRole('group', { name: 'このガイドの進捗をリセット' });
    expect(await question.locator('li').allTextContents()).toEqual([
      'リセットで消去されるもの：このガイドのチェックと完了日時（待ち期間の起点となる日時を含みます）',
      'リセット後も残るもの：記録した情報（パートナー ID など）、ほかのガイドの進捗',
    ]);
    await page.getByRole('button', { name: 'リセットする' }).click();
    await expect.poll(() => focused(page)).toContain('checklist-panel__summary');
    expect(await page.getByRole('group', { name: /^0 \/ \d+ ステップ完了$/ }).count()).toBe(1);
    await expect
      .poll(() => liveStatus(page).textContent())
      .toBe('このガイドの進捗をリセットしました。 「元に戻す」を選ぶと元に戻せます。');
  });
});

describe('undoing an import', () => {
  it('puts back the progress and records of before, in both tabs', async () => {
    let local = withStep(emptyProgress(), 'redhat', 'rh-open-partner-connect', THURSDAY);
    local = withRecord(local, 'ms-domain', 'contoso.onmicrosoft.com', new Date(THURSDAY));
    await contextWith(local);
    const guide = await openGuide('redhat/');
    const handoff = await pages.newPage();
    await handoff.goto(`${site}handoff/`);
    await handoff.locator('#handoff-import-file:enabled').waitFor();

    let file = withStep(emptyProgress(), 'redhat', 'rh-open-partner-connect', FRIDAY);
    file = withStep(file, 'redhat', 'rh-choose-business-partner-login', FRIDAY);
    file = withRecord(file, 'ms-domain', 'fabrikam.onmicrosoft.com', new Date(FRIDAY));
    await handoff.locator('#handoff-import-file').setInputFiles({
      name: 'progress.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportProgress(file, new Date(FRIDAY))),
    });
    await handoff.getByRole('button', { name: '取り込む', exact: true }).click();
    const importStatus = handoff.locator('#handoff-import-status');
    await expect
      .poll(() => importStatus.textContent())
      .toBe(
        '取り込みました。チェック 2 件と記録 1 件を反映しました。 「取り込みを元に戻す」を選ぶと、取り込む前の状態に戻せます。',
      );
    await expect
      .poll(() => stepStatus(guide, 'rh-open-partner-connect').textContent())
      .toContain('2026/11/20(金) 18:45 に完了');

    await handoff.getByRole('button', { name: '取り込みを元に戻す' }).click();
    await expect
      .poll(() => importStatus.textContent())
      .toBe('取り込みを元に戻しました。進捗と記録は取り込む前の状態です。');
    expect(await handoff.getByRole('button', { name: '取り込みを元に戻す' }).count()).toBe(0);
    await expect.poll(() => focused(handoff)).toContain('#handoff-import-file');
    expect(await handoff.locator('.handoff-records').textContent()).toContain('contoso.onmicrosoft.com');
    // The guide open in the other tab is back to one tick, at its original time.
    await expect
      .poll(() => stepStatus(guide, 'rh-open-partner-connect').textContent())
      .toContain('2026/11/19(木) 10:00 に完了');
    expect(await box(guide, 'rh-choose-business-partner-login').isChecked()).toBe(false);
  });
});

describe('correcting a completion time', () => {
  /** A time in Japan, e.g. `jst('2026-04-28T10:00')`. */
  const jst = (local: string) => new Date(`${local}:00+09:00`);

  it('moves the shown time and the wait window, and refuses impossible times (Japanese)', async () => {
    const context = await pages.freshContext();
    await context.clock.setFixedTime(jst('2026-04-28T10:00'));
    const page = await openGuide('microsoft/');
    const step = 'ms-csp-confirm-contact-email';
    const notice = page.locator('[data-step-id="ms-review-check-status"] .wait-notice');
    await box(page, step).check();
    await expect
      .poll(() => notice.allTextContents())
      .toContainEqual(expect.stringContaining('5月7日（木）〜5月11日（月）'));

    const status = stepStatus(page, step);
    const correct = status.getByRole('button', { name: '完了日時を修正' });
    await expect.poll(() => correct.count()).toBe(1);
    await correct.click();
    const input = page.getByLabel('完了日時（日本時間）');
    await expect.poll(() => input.inputValue()).toBe('2026-04-28T10:00');
    await expect.poll(() => focused(page)).toContain(`#tick-time-${step}`);

    // Later than now: refused with a message, nothing saved.
    await input.fill('2026-04-28T10:01');
    await status.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => status.locator('.guide-step__time-error').textContent())
      .toBe('現在より後の日時は入力できません。完了日時は変更していません。');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('1999-12-31T23:59');
    await status.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => status.locator('.guide-step__time-error').textContent())
      .toBe('2000年1月1日より前の日時は入力できません。完了日時は変更していません。');
    await status.getByRole('button', { name: 'キャンセル' }).click();
    expect(await status.textContent()).toContain('2026/4/28(火) 10:00 に完了');

    // Done on Monday morning, ticked on Tuesday.
    await status.getByRole('button', { name: '完了日時を修正' }).click();
    await input.fill('2026-04-27T09:30');
    await status.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => status.textContent()).toContain('2026/4/27(月) 09:30 に完了');
    await expect.poll(() => focused(page)).toContain('guide-step__action');
    await expect
      .poll(() => liveStatus(page).textContent())
      .toContain('の完了日時を 2026/4/27(月) 09:30 に修正しました。');
    // Three to five business days from Monday 27 April: Fri 1 May to Fri 8 May (Golden Week).
    await expect
      .poll(() => notice.allTextContents())
      .toContainEqual(expect.stringContaining('5月1日（金）〜5月8日（金）'));
    const stored = await page.evaluate((key) => localStorage.getItem(key), FIRST_REGISTRATION);
    expect((JSON.parse(stored ?? '{}') as ProgressData).guides.microsoft?.[step]?.tickedAt).toBe(
      '2026-04-27T00:30:00.000Z',
    );
  });

  it('says the time is Japan time and refuses an incomplete one (English)', async () => {
    await contextWith(withStep(emptyProgress(), 'redhat', 'rh-open-partner-connect', THURSDAY));
    const page = await openGuide('en/redhat/');
    const status = stepStatus(page, 'rh-open-partner-connect');
    const correct = status.getByRole('button', { name: 'Change time' });
    await expect.poll(() => correct.count()).toBe(1);
    await correct.click();
    const input = page.getByLabel('Completion time (Japan time, JST)');
    await expect.poll(() => input.inputValue()).toBe('2026-11-19T10:00');
    await input.fill('');
    await status.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => status.locator('.guide-step__time-error').textContent())
      .toBe('Enter both the date and the time. The completion time has not been changed.');
    await status.getByRole('button', { name: 'Cancel' }).click();
    expect(await status.textContent()).toContain('Done Thu, 19 Nov 2026, 10:00');
  });
});

describe('the message to the distributor after a reset', () => {
  /** Every record the message needs, and the steps it reports ticked. */
  function readyToReport(): ProgressData {
    let data = emptyProgress();
    for (const step of ['ms-csp-link-partner-id', 'ms-mpa-accept'])
      data = withStep(data, 'microsoft', step, THURSDAY);
    data = withRecord(data, 'ms-partner-id-location', '6123456', new Date(THURSDAY));
    data = withRecord(data, 'ms-mpa-accepted-on', '2026-11-19', new Date(THURSDAY));
    return withRecord(data, 'ms-mpa-accepted-by', '山田 太郎', new Date(THURSDAY));
  }

  it.each([
    [
      '',
      'への同意が完了しました',
      'このガイドの進捗をリセット',
      'リセットする',
      '連絡文は、次のステップを完了にすると作成できます。',
    ],
    [
      'en/',
      'we have accepted the Microsoft Partner Agreement',
      'Reset this guide’s progress',
      'Reset',
      'The message can be written once the following steps are marked as done.',
    ],
  ])(
    'is not offered as done once the guide is reset (/%shandoff/)',
    async (prefix, done, reset, confirm, notDone) => {
      await contextWith(readyToReport());
      const page = await pages.newPage();
      await page.goto(`${site}${prefix}handoff/`);
      await expect.poll(() => page.locator('#handoff-message-text').inputValue()).toContain(done);

      await page.goto(`${site}${prefix}microsoft/`);
      await expect.poll(() => page.locator('.guide-step__check:enabled').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: reset }).click();
      await page.getByRole('button', { name: confirm, exact: true }).click();
      await expect.poll(() => box(page, 'ms-mpa-accept').isChecked()).toBe(false);

      await page.goto(`${site}${prefix}handoff/`);
      const message = page.locator('.handoff-steps');
      await expect.poll(() => message.getAttribute('data-state')).toBe('not-done');
      // Every value is still recorded, yet no message is offered.
      expect(await page.locator('.handoff-message').count()).toBe(0);
      expect(await page.locator('#handoff-message-text').count()).toBe(0);
      expect(await message.textContent()).not.toContain(done);
      expect(await message.locator('p').first().textContent()).toContain(notDone);
      const links = await message
        .locator('a')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(links).toEqual([
        `/${prefix}microsoft/#ms-csp-link-partner-id`,
        `/${prefix}microsoft/#ms-mpa-accept`,
      ]);
    },
  );
});
