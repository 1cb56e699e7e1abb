import type uiStrings from '../content/i18n/en.json';

/** Starlight's translation function, as found on Astro.locals.t. */
export type Translate = App.Locals['t'];

/**
 * A key of our interface strings, for keys built from an id or a code (`record.label.<field id>`);
 * tests/unit/ui-strings.test.ts checks that every such key exists in both languages.
 */
export type UiKey = keyof typeof uiStrings;
