/** The part of Pagefind's interface (it ships no types) that src/islands/site-search-ui.ts uses. */
declare module '@pagefind/default-ui' {
  /** A result page's data, as the interface hands it to `processResult`. */
  export interface PagefindResultData {
    url: string;
    meta?: { url?: string; [key: string]: string | undefined };
    sub_results: {
      url: string;
      title: string;
      excerpt: string;
      locations: number[];
      weighted_locations?: { weight: number; balanced_score: number; location: number }[];
    }[];
  }

  /** Options of the interface; Starlight passes more, which are handed on unchanged. */
  export interface PagefindUIOptions {
    processTerm?: (term: string) => string;
    processResult?: (result: PagefindResultData) => PagefindResultData | void;
    [option: string]: unknown;
  }

  export class PagefindUI {
    constructor(options: PagefindUIOptions);
  }
}
