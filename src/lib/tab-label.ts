import { isPlainObject } from './progress-data';
import { parseIndex, salvageRegistrationName, summarizeIndex } from './tab-registration';
import { fillTemplate } from './template';

/**
 * What a tab shows of the registration it works on, at load (islands/registration-switcher.ts): read
 * from the stored index with the functions the progress store reads it with, so that a guide loads
 * little more than this to name its registration.
 */

/** The name a tab shows for its registration, and whether the page's title carries it too. */
export interface TabLabel {
  name: string;
  /** True when there is more than one registration or this one is named: tabs must then be told apart. */
  inTitle: boolean;
}

/**
 * The label of registration `id`, from the stored index `raw`: its own name (made usable), else
 * `defaultName` with its place in creation order (`{number}`, from 1); one the index does not list
 * yet (its first change creates it) is numbered after the others. Undefined for a removed one: the
 * tab keeps what it showed, and says that it was removed.
 */
export function tabLabel(
  raw: string | undefined,
  id: string,
  defaultName: string,
  now: Date = new Date(),
): TabLabel | undefined {
  const { live, removed } = summarizeIndex(raw, now);
  const place = live.indexOf(id);
  if (place < 0 && removed.includes(id)) return undefined;
  const own = place < 0 ? '' : ownName(raw, id);
  return {
    name: own || fillTemplate(defaultName, { number: (place < 0 ? live.length : place) + 1 }),
    inTitle: own !== '' || live.length > (place < 0 ? 0 : 1),
  };
}

/**
 * The own name of registration `id` in the stored index `raw`, made usable; '' when it has none or
 * the index does not list it (the hand-off message names the registration with it).
 */
export function ownName(raw: string | undefined, id: string): string {
  const entry = (parseIndex(raw)?.registrations as Record<string, unknown> | undefined)?.[id];
  return isPlainObject(entry) && typeof entry.name === 'string' ? salvageRegistrationName(entry.name) : '';
}
