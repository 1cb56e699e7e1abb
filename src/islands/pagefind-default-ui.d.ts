/** The part of Pagefind's interface (it ships no types) that src/islands/site-search-ui.ts uses. */
declare module '@pagefind/default-ui' {
  /** Options of the interface; Starlight passes more, which are handed on unchanged. */
  /** A result page as the interface hands it to `processResult`: its sections and their matches. */
  export interface PagefindResultData {
    url: string;
    meta?: { url?: string };
    /** The page's text as indexed. */
    content?: string;
    sub_results: {
      url: string;
      locations: number[];
      weighted_locations?: { balanced_score: number }[];
      excerpt?: string;
    }[];
  }

  export interface PagefindUIOptions {
    processTerm?: (term: string) => string;
    processResult?: (result: PagefindResultData) => PagefindResultData | void;
    [option: string]: unknown;
  }

  export class PagefindUI {
    constructor(options: PagefindUIOptions);
  }
}
