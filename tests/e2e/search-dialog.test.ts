import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useTestPages } from './support/browser';
import { DIALOG, openSearchDialog, searchInDialog } from '../support/search-quality';

const site = inject('siteUrl');
const pages = useTestPages(useBrowser());

/**
 * The interface text of the open search dialog: its text and the labels of its controls, leaving out
 * the results themselves (page titles and excerpts are content, in whatever language they are).
 */
function interfaceTexts(page: Page): Promise<string[]> {
  return page.locator('site-search dialog').evaluate((dialog) => {
    const texts: string[] = [];
    const inResult = (node: Node) =>
      (node instanceof Element ? node : node.parentElement)?.closest('.pagefind-ui__result') != null;
    const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text !== '' && !inResult(node)) texts.push(text);
    }
    for (const element of [dialog, ...dialog.querySelectorAll('*')]) {
      if (inResult(element) || element instanceof HTMLInputElement) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    const input = dialog.querySelector('input');
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = input?.getAttribute(name);
      if (value) texts.push(value);
    }
    return texts;
  });
}

/** Starts recording every message the dialog shows (the “searching” one is brief). */
async function recordMessages(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { __searchMessages: seen });
    const root = document.querySelector('#starlight__search')!;
    new MutationObserver(() => {
      for (const message of root.querySelectorAll('.pagefind-ui__message')) {
        const text = message.textContent?.trim() ?? '';
        if (text !== '' && seen.at(-1) !== text) seen.push(text);
      }
    }).observe(root, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __searchMessages: string[] }).__searchMessages);
}

describe('the search dialog in Japanese', () => {
  it('speaks Japanese: its label, clear button, result counts, “no results” and “load more”', async () => {
    const page = await pages.newPage();
    await page.goto(site);
    await openSearchDialog(page);
    const messages = await recordMessages(page);

    const found = await searchInDialog(page, site, '確認コード');
    expect(found.resultCount).toBeGreaterThan(0);
    expect(found.message).toMatch(/^「確認コード」の検索結果: \d+ 件$/);
    expect(await page.locator('#starlight__search form').getAttribute('aria-label')).toBe('サイト内検索');
    expect(await page.locator('#starlight__search .pagefind-ui__search-clear').textContent()).toBe('クリア');

    // More results than one page of them: the button that shows the rest.
    const many = await searchInDialog(page, site, 'パートナー');
    expect(many.message).toMatch(/^「パートナー」の検索結果: \d+ 件$/);
    expect(Number(/(\d+) 件/.exec(many.message)?.[1])).toBeGreaterThan(5);
    expect(await page.locator('#starlight__search .pagefind-ui__button').textContent()).toBe('さらに表示');
    expect(await interfaceTexts(page)).not.toContainEqual(expect.stringMatching(/[A-Za-z]/));

    const none = await searchInDialog(page, site, 'ぬぬぬぬ');
    expect(none.resultCount).toBe(0);
    expect(none.message).toBe('「ぬぬぬぬ」に一致するページは見つかりませんでした。');
    expect(await interfaceTexts(page)).not.toContainEqual(expect.stringMatching(/[A-Za-z]/));

    // Every message shown on the way, the “searching” one included, was Japanese.
    expect(await messages()).not.toContainEqual(expect.stringMatching(/[A-Za-z]/));
    for (const message of await messages()) {
      expect(message).toMatch(
        /^「(確認コード|パートナー|ぬぬぬぬ)」(の検索結果: \d+ 件|に一致するページは見つかりませんでした。|を検索しています…)$/,
      );
    }
  });
});

describe('the search dialog in English', () => {
  it('reads naturally: its label, clear button, result counts, “no results” and “load more”', async () => {
    const page = await pages.newPage();
    await page.goto(`${site}en/`);
    await openSearchDialog(page);

    const found = await searchInDialog(page, site, 'verification code');
    expect(found.message).toMatch(/^\d+ results for “verification code”$/);
    expect(await page.locator('#starlight__search form').getAttribute('aria-label')).toBe('Search this site');
    expect(await page.locator('#starlight__search .pagefind-ui__search-clear').textContent()).toBe('Clear');

    const many = await searchInDialog(page, site, 'partner');
    expect(many.message).toMatch(/^\d+ results for “partner”$/);
    expect(Number(/^\d+/.exec(many.message)?.[0])).toBeGreaterThan(5);
    expect(await page.locator('#starlight__search .pagefind-ui__button').textContent()).toBe(
      'Show more results',
    );

    const none = await searchInDialog(page, site, 'qqxqq');
    expect(none.resultCount).toBe(0);
    expect(none.message).toBe('No pages found for “qqxqq”');
    expect(await page.locator(DIALOG.result).count()).toBe(0);
  });
});

describe('the search dialog and the width of what is typed', () => {
  it.each([
    ['', 'ＭＦＡ', 'MFA'],
    ['', 'Ｄ－Ｕ－Ｎ－Ｓ', 'D-U-N-S'],
    ['', 'ﾊﾟｽﾜｰﾄﾞ', 'パスワード'],
    ['en/', 'ＤＵＮＳ', 'DUNS'],
  ])('on /%s finds for “%s” what it finds for “%s”', async (prefix, typed, folded) => {
    const page = await pages.newPage();
    await page.goto(site + prefix);
    await openSearchDialog(page);
    const expected = await searchInDialog(page, site, folded);
    expect(expected.resultCount).toBeGreaterThan(0);
    const found = await searchInDialog(page, site, typed);
    expect(found.firstGroup).toEqual(expected.firstGroup);
    expect(found.resultCount).toBe(expected.resultCount);
  });
});
