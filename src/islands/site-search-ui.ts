/**
 * Pagefind's interface in Starlight's search dialog, loaded when search is about to be used
 * (src/islands/site-search.ts): the same interface, with the query folded before Pagefind sees it and,
 * under each result page, the sections that match most strongly (src/lib/site-search.ts). Starlight's
 * own options, its result processing included, still apply.
 */
import {
  PagefindUI as PagefindDefaultUI,
  type PagefindResultData,
  type PagefindUIOptions,
} from '@pagefind/default-ui';
import { foldSearchTerm, strongestSubResults } from '../lib/site-search';

export class PagefindUI extends PagefindDefaultUI {
  constructor(options: PagefindUIOptions) {
    // The query the results being shown answer: Pagefind hands each result over after its term.
    let searchedTerm = '';
    super({
      ...options,
      processTerm: (term: string) => {
        searchedTerm = foldSearchTerm(options.processTerm?.(term) ?? term, document.documentElement.lang);
        return searchedTerm;
      },
      processResult: (result: PagefindResultData) => {
        const processed = options.processResult?.(result) ?? result;
        processed.sub_results = strongestSubResults(
          processed.meta?.url || processed.url,
          processed.sub_results,
          {
            term: searchedTerm,
            // Pagefind counts an English page's words at white space, as split() does here.
            pageWords: document.documentElement.lang.startsWith('ja')
              ? undefined
              : processed.content?.split(/\s+/),
          },
        );
        return processed;
      },
    });
  }
}
