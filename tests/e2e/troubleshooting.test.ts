import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { copiedText, keepCopiesInPage } from './support/clipboard';
import { useBrowser, useTestPages } from './support/browser';

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

async function open(
  path: string,
  prepare?: (context: BrowserContext) => Promise<unknown>,
  waitUntil: 'load' | 'commit' = 'load',
): Promise<Page> {
  const context = await pages.freshContext();
  await prepare?.(context);
  await keepCopiesInPage(context);
  const page = await pages.newPage();
  await page.goto(site + path, { waitUntil });
  await page.locator('#faq-filter-query:not([disabled])').waitFor();
  return page;
}

/** Opens a page of the site in a fresh context, without waiting for anything but its load. */
async function openPlain(path: string): Promise<Page> {
  await pages.freshContext();
  const page = await pages.newPage();
  await page.goto(site + path);
  return page;
}

/** Ids of the entries the page shows. */
const visibleEntries = (page: Page) =>
  page
    .locator('.faq-entry')
    .evaluateAll((entries) =>
      entries
        .filter((entry) => entry.getClientRects().length > 0)
        .map((entry) => entry.getAttribute('data-faq-id')),
    );

describe('troubleshooting filter', () => {
  it('narrows the entries as you type, in Japanese, whatever the width, and keeps it in the URL', async () => {
    const page = await open('troubleshooting/');
    const total = await page.locator('.faq-entry').count();
    expect(await visibleEntries(page)).toHaveLength(total);

    await page.locator('#faq-filter-query').pressSequentially('既にシステムに存在');
    await expect.poll(() => visibleEntries(page)).toEqual(['ms-name-already-exists']);
    expect(await page.locator('.faq-filter__status').textContent()).toBe(
      `1 / ${total} 件を、一致度の高い順に表示しています。`,
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('既にシステムに存在');

    await page.locator('#faq-filter-query').fill('ＳＥＮＤＧＲＩＤ');
    await expect.poll(() => visibleEntries(page)).toEqual(['hp-confirmation-mail-not-arriving']);
  });

  it('finds English words on the English page and lists the matches under a heading of their own', async () => {
    const page = await open('en/troubleshooting/');
    await page.locator('#faq-filter-query').fill('name already exists');
    await expect.poll(async () => (await visibleEntries(page))[0]).toBe('ms-name-already-exists');
    expect(await page.getByRole('heading', { level: 2, name: 'Matching entries' }).isVisible()).toBe(true);
    expect(await page.locator('h2#hp').isVisible()).toBe(false);
    expect(await page.locator('h2#microsoft').isVisible()).toBe(false);
  });

  it.each([
    ['', 'メールアドレス'],
    ['en/', 'email address'],
  ])(
    'on /%stroubleshooting/ shows the entry with “%s” in its title first, in reading order, and restores the author’s order',
    async (prefix, query) => {
      const page = await open(`${prefix}troubleshooting/`);
      const authorsOrder = await visibleEntries(page);
      await page.locator('#faq-filter-query').fill(query);
      // Microsoft's entry on a refused email address comes after HP's entries on the page, whose
      // text only mentions email addresses: ranked, it comes first.
      await expect.poll(async () => (await visibleEntries(page))[0]).toBe('ms-email-address-refused');
      const shown = await visibleEntries(page);
      expect(shown.length).toBeGreaterThan(1);
      const before = (id: string | null) =>
        authorsOrder.indexOf(id) < authorsOrder.indexOf('ms-email-address-refused');
      expect(shown.slice(1).some(before)).toBe(true);
      // The ranking moved the entries themselves: the document (reading) order is the order on screen.
      const tops = await page
        .locator('.faq-entry')
        .evaluateAll((entries) =>
          entries
            .filter((entry) => entry.getClientRects().length > 0)
            .map((entry) => entry.getBoundingClientRect().top),
        );
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
      await page.locator('#faq-filter-query').fill('');
      await expect.poll(() => visibleEntries(page)).toEqual(authorsOrder);
      expect(await page.locator('.faq-ranked').isVisible()).toBe(false);
      expect(await page.locator('h2#hp').isVisible()).toBe(true);
    },
  );

  it.each([
    [
      '',
      '先週の月曜から審査が保留中のまま',
      'ms-review-pending',
      '「先週の月曜から審査が保留中のまま」に完全に一致する項目はありません。近い項目を表示しています',
      '近い項目',
      'サイト全体を検索する',
    ],
    [
      'en/',
      'review pending since last monday',
      'ms-review-pending',
      'No entry matches “review pending since last monday” exactly. Showing the closest entries',
      'Closest entries',
      'Search the whole site',
    ],
  ])(
    'on /%stroubleshooting/ a paraphrase (“%s”) shows the closest entries, marked as such, with the site search',
    async (prefix, query, expected, status, heading, searchSite) => {
      const page = await open(`${prefix}troubleshooting/`);
      await page.locator('#faq-filter-query').fill(query);
      await expect.poll(async () => (await visibleEntries(page))[0]).toBe(expected);
      const shown = await visibleEntries(page);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThanOrEqual(5);
      expect(await page.locator('.faq-filter__status').textContent()).toContain(status);
      expect(await page.locator('.faq-filter__status').getAttribute('role')).toBe('status');
      expect(await page.getByRole('heading', { level: 2, name: heading }).isVisible()).toBe(true);
      await page.getByRole('button', { name: searchSite }).click();
      await expectSiteSearchOpenWith(page, query);
    },
  );

  it.each([
    ['', 'ぱすわーど', 'ms-locked-out-password-reset'],
    ['', 'ﾊﾟｽﾜｰﾄﾞ', 'ms-locked-out-password-reset'],
    ['', '審査終わらない', 'ms-review-pending'],
    ['en/', 'ＰＡＳＳＷＯＲＤ', 'ms-locked-out-password-reset'],
    ['en/', 'DUNS', 'ms-duns-number-error'],
  ])(
    'on /%stroubleshooting/ “%s” puts %s first (width, case and kana folded, Japanese segmented)',
    async (prefix, query, expected) => {
      const page = await open(`${prefix}troubleshooting/`);
      await page.locator('#faq-filter-query').fill(query);
      await expect.poll(async () => (await visibleEntries(page))[0]).toBe(expected);
    },
  );

  it('filters by vendor, shares the view through the URL, and restores it from the URL', async () => {
    const page = await open('troubleshooting/');
    await page.getByRole('radio', { name: 'Red Hat' }).check();
    await expect
      .poll(async () => (await visibleEntries(page)).every((id) => id?.startsWith('rh-')))
      .toBe(true);
    expect(new URL(page.url()).searchParams.get('vendor')).toBe('redhat');

    await page.goto(`${site}troubleshooting/?q=D-U-N-S&vendor=microsoft`);
    // The entry with D-U-N-S in its title first, then the one with it in its text.
    await expect.poll(() => visibleEntries(page)).toEqual(['ms-duns-number-error', 'ms-duns-no-results']);
    expect(await page.locator('#faq-filter-query').inputValue()).toBe('D-U-N-S');
    expect(await page.getByRole('radio', { name: 'Microsoft' }).isChecked()).toBe(true);
  });

  it('says when nothing matches and offers the site search, even before the search script has arrived', async () => {
    // As on a slow computer, Starlight's search script arrives after the filter is ready: it is
    // held back until the button has been clicked.
    let releaseSearchScript = () => {};
    const searchScriptReleased = new Promise<void>((resolve) => (releaseSearchScript = resolve));
    const page = await open(
      'troubleshooting/',
      (context) =>
        context.route(/\/_astro\/Search\.astro_astro_type_script/, async (route) => {
          await searchScriptReleased;
          await route.continue();
        }),
      // The page cannot finish loading without that script.
      'commit',
    );
    await page.locator('#faq-filter-query').fill('チェックリスト');
    await expect
      .poll(() => page.locator('.faq-filter__status').textContent())
      .toBe('「チェックリスト」に一致する項目はありません。');
    expect(await visibleEntries(page)).toEqual([]);
    expect(await page.evaluate(() => customElements.get('site-search') === undefined)).toBe(true);
    await page.getByRole('button', { name: 'サイト全体を検索する' }).click();
    releaseSearchScript();
    await expectSiteSearchOpenWith(page, 'チェックリスト');
    await page.keyboard.press('Escape');
    await expect.poll(() => siteSearchDialog(page).isVisible()).toBe(false);
    await page.getByRole('button', { name: '絞り込みを解除' }).click();
    await expect
      .poll(async () => (await visibleEntries(page)).length)
      .toBe(await page.locator('.faq-entry').count());
  });

  // Words no troubleshooting entry contains (in either language) but other pages do.
  it.each([
    ['', 'チェックリスト', 'サイト全体を検索する', 'mouse click'],
    ['', 'チェックリスト', 'サイト全体を検索する', 'Enter'],
    ['', 'チェックリスト', 'サイト全体を検索する', 'Space'],
    ['en/', 'checklist', 'Search the whole site', 'mouse click'],
    ['en/', 'checklist', 'Search the whole site', 'Enter'],
    ['en/', 'checklist', 'Search the whole site', 'Space'],
  ])(
    'on /%stroubleshooting/ “%s” matches nothing, and “%s” (by %s) leaves the site search open on its results',
    async (prefix, query, buttonName, activation) => {
      const page = await open(`${prefix}troubleshooting/`);
      // The usual case: Starlight's search is ready before the user asks for it.
      await page.locator('site-search button[data-open-modal]:not([disabled])').waitFor();
      await page.locator('#faq-filter-query').fill(query);
      const button = page.getByRole('button', { name: buttonName });
      await button.waitFor();
      expect(await visibleEntries(page)).toEqual([]);
      if (activation === 'mouse click') {
        await button.click();
      } else {
        await button.focus();
        await page.keyboard.press(activation);
      }
      await expectSiteSearchOpenWith(page, query);
    },
  );

  it('opens the site search with the query on a slow computer, straight after the page has loaded', async () => {
    // Starlight creates Pagefind's interface, and so its search box, in the browser's idle time, after
    // everything else that waits for idle time, and a busy browser may never be idle. As on a slow or
    // busy computer, idle time comes here once a second at most, for one waiting task at a time
    // (found under CPU throttling, which is too unsteady for a test).
    const context = await pages.freshContext();
    await context.addInitScript(() => {
      const requestIdle = window.requestIdleCallback.bind(window);
      let nextIdle = 0;
      window.requestIdleCallback = (callback, options) => {
        nextIdle = Math.max(nextIdle, performance.now()) + 1000;
        return window.setTimeout(() => requestIdle(callback, options), nextIdle - performance.now());
      };
    });
    const page = await pages.newPage();
    await page.goto(`${site}en/troubleshooting/`);
    await page.locator('#faq-filter-query:not([disabled])').fill('checklist');
    const button = page.getByRole('button', { name: 'Search the whole site' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expectSiteSearchOpenWith(page, 'checklist');
  }, 60_000);
});

/** Starlight's search dialog, when it is open. */
const siteSearchDialog = (page: Page) => page.locator('site-search dialog[open]');

/** Checks that the site search is open, holds the query and shows results, and stays open. */
async function expectSiteSearchOpenWith(page: Page, query: string): Promise<void> {
  const dialog = siteSearchDialog(page);
  await expect.poll(() => dialog.isVisible()).toBe(true);
  // Pagefind's interface and index load only now; on a busy machine that takes a while.
  const input = dialog.locator('#starlight__search input');
  await expect.poll(() => input.inputValue(), { timeout: 20_000 }).toBe(query);
  const firstResult = dialog.locator('#starlight__search .pagefind-ui__result').first();
  await expect.poll(() => firstResult.isVisible(), { timeout: 20_000 }).toBe(true);
  expect(await dialog.isVisible()).toBe(true);
}

describe('troubleshooting copy buttons', () => {
  it('copies an address to allow, and says so politely', async () => {
    const page = await open('troubleshooting/');
    const button = page.getByRole('button', { name: 'コピー: sendgrid.net' });
    await button.click();
    await expect.poll(() => copiedText(page)).toBe('sendgrid.net');
    const status = page
      .locator('.faq-entry[data-faq-id="hp-confirmation-mail-not-arriving"] .faq-entry__copy [role="status"]')
      .first();
    await expect.poll(() => status.textContent()).toBe('コピーしました');
  });

  it('copies a link to an entry that opens on that entry', async () => {
    const page = await open('en/troubleshooting/');
    const entry = page.locator('.faq-entry[data-faq-id="ms-review-pending"]');
    await entry.getByRole('button', { name: 'Copy a link to this entry' }).click();
    await expect.poll(() => copiedText(page)).toBe(`${site}en/troubleshooting/#ms-review-pending`);
    await page.goto(`${site}en/troubleshooting/#ms-review-pending`);
    await expect.poll(() => page.locator('#ms-review-pending').isVisible()).toBe(true);
  });
});

describe('troubleshooting search terms', () => {
  it.each([
    ['', 'こんな表示・言葉でも', 'Pending', 'en'],
    ['en/', 'Other words for this problem', '審査', 'ja'],
  ])(
    'on /%stroubleshooting/ “%s” shows an entry’s words on request, by keyboard, each in its language (%s: %s)',
    async (prefix, summaryText, otherLanguageText, otherLanguage) => {
      const page = await open(`${prefix}troubleshooting/`);
      const terms = page.locator('.faq-entry[data-faq-id="ms-review-pending"] .faq-entry__terms');
      const summary = terms.locator('summary');
      const list = terms.locator('ul');
      expect(await terms.count()).toBe(1);
      expect(await summary.textContent()).toBe(summaryText);
      expect(await list.isVisible()).toBe(false);

      await summary.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => list.isVisible()).toBe(true);
      expect(await list.locator('li').count()).toBeGreaterThanOrEqual(4);
      const marked = list.locator(`[lang="${otherLanguage}"]`, { hasText: otherLanguageText }).first();
      expect(await marked.isVisible()).toBe(true);

      await page.keyboard.press('Space');
      await expect.poll(() => list.isVisible()).toBe(false);
    },
  );

  it.each(['', 'en/'])(
    'on /%stroubleshooting/ every entry’s words, all shown, pass axe in both themes',
    async (prefix) => {
      const page = await open(`${prefix}troubleshooting/`);
      const details = page.locator('.faq-entry__terms');
      expect(await details.count()).toBe(await page.locator('.faq-entry').count());
      await details.evaluateAll((elements) =>
        elements.forEach((element) => element.setAttribute('open', '')),
      );
      await expect.poll(() => page.locator('.faq-entry__terms li').first().isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page, { coloursOnly: true })).toEqual([]);
    },
    // The longest page, with every list shown, and its colours checked twice: allow for a busy machine.
    60_000,
  );

  it('leaves the words out of print', async () => {
    const page = await open('troubleshooting/');
    const terms = page.locator('.faq-entry__terms').first();
    expect(await terms.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await terms.isVisible()).toBe(false);
    expect(await page.locator('.faq-entry h3').first().isVisible()).toBe(true);
  });
});

describe('links between guides and troubleshooting', () => {
  it('takes a step’s “困ったときは” link to its entry, and the entry back to the step', async () => {
    const page = await openPlain('hp/');
    await page
      .locator('[data-step-id="hp-check-confirmation-mail"] .guide-step__help a', {
        hasText: '確認コードお知らせメール',
      })
      .first()
      .click();
    await page.waitForURL(/\/troubleshooting\/#hp-confirmation-mail-not-arriving$/);
    const heading = page.locator('#hp-confirmation-mail-not-arriving');
    await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);

    await page
      .locator('.faq-entry[data-faq-id="hp-confirmation-mail-not-arriving"] .faq-entry__steps a')
      .filter({ hasText: '確認コードお知らせメールが届いたことを確認します' })
      .click();
    await page.waitForURL(/\/hp\/#hp-check-confirmation-mail$/);
  });
});

describe('site search', () => {
  it.each([
    ['', 'sendgrid', 'hp-confirmation-mail-not-arriving'],
    ['', '既にシステムに存在', 'ms-name-already-exists'],
    ['', '確認コード', 'hp-confirmation-code-expired'],
    ['', 'D-U-N-S', 'ms-duns-no-results'],
    ['', '迷惑メール', 'hp-confirmation-mail-not-arriving'],
    ['en/', 'sendgrid', 'hp-confirmation-mail-not-arriving'],
    ['en/', 'name already exists', 'ms-name-already-exists'],
    ['en/', 'verification code', 'hp-confirmation-code-expired'],
    // Words found only among the entries' search terms.
    ['', 'ダンズ', 'ms-duns-number-error'],
    ['', '却下', 'ms-review-rejected'],
    ['en/', '2FA', 'ms-mfa-questions'],
    ['en/', 'members-only', 'hp-restricted-area-not-visible'],
  ])(
    'on /%s finds “%s” in the troubleshooting entry %s among the first three',
    async (prefix, query, entry) => {
      const page = await openPlain(prefix);
      await page.getByRole('button', { name: prefix === '' ? '検索' : 'Search' }).click();
      await page.locator('#starlight__search input').fill(query);
      const results = page.locator('#starlight__search .pagefind-ui__result-link');
      const links = () => results.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      // Results arrive in steps; wait until the troubleshooting page's sub-results are in.
      await expect
        .poll(
          async () => (await links()).filter((href) => href.startsWith(`/${prefix}troubleshooting/#`)).length,
        )
        .toBeGreaterThan(0);
      const found = await links();
      expect(found.filter((href) => !href.includes('#')).slice(0, 3)).toContain(`/${prefix}troubleshooting/`);
      const entries = found.filter((href) => href.startsWith(`/${prefix}troubleshooting/#`));
      expect(entries.slice(0, 3)).toContain(`/${prefix}troubleshooting/#${entry}`);
    },
  );
});
