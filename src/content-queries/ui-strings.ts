import en from '../content/i18n/en.json';
import { fillTemplate } from '../lib/template';
import type { UiKey, UiStrings } from '../lib/ui-strings';

/** Starlight's translation function, as found on Astro.locals.t. */
export type Translate = App.Locals['t'];

const KEYS = Object.keys(en) as UiKey[];

/**
 * The interface strings an island uses, in the page's language: every key that starts with one of
 * `selectors` (`['checklist.', 'notice.']`), so that a string added to src/content/i18n/*.json
 * under an island's prefix reaches it with no other edit. Only these strings go into the page's
 * HTML with the island. Values known at build time (`fill`) are put into the placeholders here.
 */
export function uiStrings<const Selector extends string>(
  t: Translate,
  selectors: readonly Selector[],
  fill: Readonly<Record<string, string | number>> = {},
): UiStrings<Selector> {
  const unmatched = selectors.filter((selector) => !KEYS.some((key) => key.startsWith(selector)));
  if (unmatched.length > 0)
    throw new Error(`No interface string starts with ${unmatched.join(', ')} (src/content/i18n/en.json)`);
  const keys = KEYS.filter((key) => selectors.some((selector) => key.startsWith(selector)));
  return Object.fromEntries(keys.map((key) => [key, fillTemplate(t(key), fill)])) as UiStrings<Selector>;
}
