/** The part of Pagefind's interface (it ships no types) that src/islands/site-search-ui.ts uses. */
declare module '@pagefind/default-ui' {
  /** Options of the interface; Starlight passes more, which are handed on unchanged. */
  export interface PagefindUIOptions {
    processTerm?: (term: string) => string;
    [option: string]: unknown;
  }

  export class PagefindUI {
    constructor(options: PagefindUIOptions);
  }
}
