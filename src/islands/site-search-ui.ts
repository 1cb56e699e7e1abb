/**
 * Pagefind's interface as Starlight's search dialog loads it (astro.config.mjs points the dialog's
 * import of `@pagefind/default-ui` here): the same interface, with the query's width folded before
 * Pagefind sees it (src/lib/site-search.ts). Starlight's own options still apply.
 */
import { PagefindUI as PagefindDefaultUI, type PagefindUIOptions } from '@pagefind/default-ui';
import { foldSearchTerm } from '../lib/site-search';

export class PagefindUI extends PagefindDefaultUI {
  constructor(options: PagefindUIOptions) {
    super({ ...options, processTerm: (term: string) => foldSearchTerm(options.processTerm?.(term) ?? term) });
  }
}
