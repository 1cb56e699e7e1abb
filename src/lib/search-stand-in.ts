/**
 * The search box that Starlight's search dialog shows from the start, until Pagefind's interface,
 * loaded when search is about to be used (src/islands/site-search.ts), takes its place with what was
 * typed into it. Built like Pagefind's own box, with its classes, so that it looks the same.
 */

/** Marks the stand-in's root element (src/islands/site-search.ts finds it by this attribute). */
export const STAND_IN_ATTRIBUTE = 'data-search-stand-in';

/** The words of the box: the same as Pagefind's interface is given (Starlight's translations). */
export interface StandInText {
  /** The search region's name (Pagefind's `search_label`). */
  label: string;
  /** The box's placeholder and title (Pagefind's `placeholder`). */
  placeholder: string;
}

/**
 * The class Pagefind's stylesheet scopes its search box with (Svelte's, e.g. `svelte-e9gkc3`), which
 * the stand-in wears to be styled alike. Throws when the stylesheet no longer styles the box, its
 * form and its root with one such class, so that an upgrade of Pagefind cannot silently change the look.
 */
export function pagefindScopeClass(css: string): string {
  const scope = /\.pagefind-ui__search-input\.(svelte-[\w-]+)\s*\{/.exec(css)?.[1];
  if (!scope || !css.includes(`.pagefind-ui.${scope}`) || !css.includes(`.pagefind-ui__form.${scope}`)) {
    throw new Error("Pagefind's interface stylesheet changed: review src/lib/search-stand-in.ts");
  }
  return scope;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The stand-in box: Pagefind's markup without its clear button and results, and a search region
 * instead of a form (nothing to submit before the interface has arrived).
 */
export function standInHtml(scope: string, text: StandInText): string {
  const placeholder = escapeHtml(text.placeholder);
  return (
    `<div class="pagefind-ui ${scope} pagefind-ui--reset" ${STAND_IN_ATTRIBUTE}>` +
    `<div class="pagefind-ui__form ${scope}" role="search" aria-label="${escapeHtml(text.label)}">` +
    `<input class="pagefind-ui__search-input ${scope}" type="text" placeholder="${placeholder}" title="${placeholder}" autocapitalize="none" enterkeyhint="search">` +
    `</div></div>`
  );
}

/**
 * Puts the stand-in into Starlight's search container (`#starlight__search`, empty as Starlight
 * renders it). Throws when Starlight's markup no longer looks as expected.
 */
export function withSearchStandIn(html: string, standIn: string): string {
  const container = /(<div id="starlight__search"[^>]*>)(<\/div>)/;
  if (!container.test(html)) {
    throw new Error("Starlight's search dialog markup changed: review src/lib/search-stand-in.ts");
  }
  return html.replace(container, (_, open: string, close: string) => open + standIn + close);
}
