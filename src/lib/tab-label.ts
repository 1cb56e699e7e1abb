import type { IndexSummary } from './tab-registration';
import { fillTemplate } from './template';

/**
 * What a tab shows of the registration it works on, at load (islands/registration-switcher.ts):
 * read from the summary of the index that the progress store reads anyway, so that a guide loads
 * no more than this to name its registration.
 */

/** The name a tab shows for its registration, and whether the page's title carries it too. */
export interface TabLabel {
  name: string;
  /** True when there is more than one registration or this one is named: tabs must then be told apart. */
  inTitle: boolean;
}

/**
 * The label of registration `id`: its own name, else `defaultName` with its place in creation order
 * (`{number}`, from 1); one that its first change will create is numbered after the others.
 * Undefined for a removed one: the tab keeps what it showed, and says that it was removed.
 */
export function tabLabel(summary: IndexSummary, id: string, defaultName: string): TabLabel | undefined {
  const place = summary.live.indexOf(id);
  if (place < 0 && summary.removed.includes(id)) return undefined;
  const own = summary.names[place] ?? '';
  return {
    name: own || fillTemplate(defaultName, { number: (place < 0 ? summary.live.length : place) + 1 }),
    inTitle: own !== '' || summary.live.length > (place < 0 ? 0 : 1),
  };
}
