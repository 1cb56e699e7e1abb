import { describe, expect, it } from 'vitest';
import type { APIContext } from 'astro';
import en from '../../src/content/i18n/en.json';
import ja from '../../src/content/i18n/ja.json';
import { GET, getStaticPaths } from '../../src/pages/registration-strings/[lang].json';

/**
 * The switcher's dialog fetches its strings (islands/registration-dialog.ts): one file per language,
 * holding every `registration.` string of that language and nothing else.
 */
describe('the strings of the registration dialog', () => {
  it('are built for each language of the site', () => {
    expect(getStaticPaths().map(({ params }) => params.lang)).toEqual(['ja', 'en']);
  });

  it.each([
    ['ja', ja],
    ['en', en],
  ] as const)('hold every registration. string of %s, and only those', async (lang, texts) => {
    const response = await GET({ params: { lang } } as unknown as APIContext);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    const expected = Object.fromEntries(
      Object.entries(texts).filter(([key]) => key.startsWith('registration.')),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    expect(await response.json()).toEqual(expected);
  });
});
