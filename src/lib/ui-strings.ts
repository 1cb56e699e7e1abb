import type en from '../content/i18n/en.json';

/**
 * A key of our interface strings (src/content/i18n/en.json; ja.json has the same keys, which
 * tests/unit/ui-strings.test.ts checks).
 */
export type UiKey = keyof typeof en;

/** The keys that start with one of `Selector` (a prefix such as `checklist.`, or a whole key). */
export type UiKeyOf<Selector extends string> = Extract<UiKey, `${Selector}${string}`>;

/**
 * The interface strings one island uses, in the page's language, by key: `strings['progress.count']`.
 * Built at build time by uiStrings (src/content-queries/ui-strings.ts) from the keys' prefixes.
 */
export type UiStrings<Selector extends string> = { readonly [Key in UiKeyOf<Selector>]: string };
