import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import ja from '../../src/content/i18n/ja.json';
import { importFailureKeys } from '../../src/components/handoff/handoff-strings';
import { recordStringKeys } from '../../src/components/records/record-views';

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
    const keys = recordStringKeys();
    // 15 error and warning codes (src/lib/records.ts).
    expect(keys.length).toBe(15);
    expect(keys.filter((key) => !Object.hasOwn(en, key))).toEqual([]);
    expect(keys.filter((key) => !Object.hasOwn(ja, key))).toEqual([]);
  });

  it('explain every reason an import is refused', () => {
    const keys = importFailureKeys();
    expect(keys).toHaveLength(12);
    expect(keys.filter((key) => !Object.hasOwn(en, key))).toEqual([]);
    expect(keys.filter((key) => !Object.hasOwn(ja, key))).toEqual([]);
  });
});
