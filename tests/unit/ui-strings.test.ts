import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import ja from '../../src/content/i18n/ja.json';
import { uiStrings, type Translate } from '../../src/content-queries/ui-strings';
import { recordMessageKeys } from '../../src/lib/record-messages';
import { importMessageKeys } from '../../src/lib/transfer-messages';

describe('interface strings', () => {
  it('exist in both languages with the same keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(ja[key as keyof typeof ja]), key).toEqual(placeholders(text));
    }
  });

  it('are never empty', () => {
    expect(Object.entries({ ...ja, ...en }).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('give every record validation message', () => {
    const keys = recordMessageKeys();
    // 16 error and warning codes (src/lib/records.ts).
    expect(keys.length).toBe(16);
    expect(keys.filter((key) => !Object.hasOwn(en, key))).toEqual([]);
    expect(keys.filter((key) => !Object.hasOwn(ja, key))).toEqual([]);
  });

  it('explain every reason an import is refused', () => {
    const keys = importMessageKeys();
    // 13 since a file may hold several registrations (several-registrations).
    expect(keys).toHaveLength(13);
    expect(keys.filter((key) => !Object.hasOwn(en, key))).toEqual([]);
    expect(keys.filter((key) => !Object.hasOwn(ja, key))).toEqual([]);
  });
});

describe('string bundles of the islands', () => {
  // Starlight's t, reduced to what uiStrings calls.
  const t = ((key: keyof typeof en) => en[key]) as unknown as Translate;

  it('hold every key under the prefixes given, and no other', () => {
    const strings = uiStrings(t, ['notice.', 'progress.count']);
    expect(Object.keys(strings).sort()).toEqual(
      Object.keys(en)
        .filter((key) => key.startsWith('notice.') || key === 'progress.count')
        .sort(),
    );
    expect(strings['notice.full']).toBe(en['notice.full']);
  });

  it('fill in the values known at build time and leave the other placeholders', () => {
    const strings = uiStrings(t, ['wait.'], { closure: '29 Dec – 3 Jan', cutoff: 18 });
    expect(strings['wait.businessDayRules']).toContain('(29 Dec – 3 Jan)');
    expect(strings['wait.businessDayRules']).toContain('18:00');
    expect(strings['wait.basis']).toBe(en['wait.basis']);
  });

  it('refuse a prefix that no key has, so that a typo fails the build', () => {
    expect(() => uiStrings(t, ['notices.'])).toThrow(/notices\./);
  });
});
