import { useEffect, useLayoutEffect } from 'preact/hooks';
import { useHydrated, useHydratedStore } from './hydration';
import { fillTemplate } from '../lib/template';
import {
  rankEntries,
  type FaqFilterResult,
  type FaqFilterState,
  type FaqSearchEntry,
  type FaqVendorOption,
} from '../lib/faq-filter';
import type { UiStrings } from '../lib/ui-strings';
import {
  $faqFilter,
  clearFaqFilter,
  loadFilterFromUrl,
  setFaqQuery,
  setFaqVendor,
} from '../stores/faq-filter';

interface Props {
  entries: FaqSearchEntry[];
  vendors: FaqVendorOption[];
  strings: UiStrings<'faqFilter.'>;
}

const NO_FILTER: FaqFilterState = { query: '', vendor: undefined };

/** Opens the site search with the same words, for when the troubleshooting page has no answer. */
function searchWholeSite(query: string): void {
  // Starlight's search opens only once its element is defined, which on a busy computer can be after
  // this page's islands are ready: a click before that would do nothing. It also closes on any click
  // outside it that reaches the window, so it opens only once this button's click (also fired by
  // Enter and Space) has finished propagating: otherwise that same click would close it at once.
  void customElements.whenDefined('site-search').then(() => setTimeout(() => openSearchWith(query), 0));
}

function openSearchWith(query: string): void {
  document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]')?.click();
  // The dialog has a search box from the start: Pagefind's, or the one that stands in for it until its
  // interface has loaded and then hands it what it holds (src/islands/site-search.ts).
  const input = document.querySelector<HTMLInputElement>('#starlight__search input');
  if (!input) return;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Puts `element` at `index` among the children of `parent`, if it is not there already. */
function placeAt(parent: Element, index: number, element: Element | null): void {
  if (element && parent.children[index] !== element)
    parent.insertBefore(element, parent.children[index] ?? null);
}

/**
 * Moves the entries the filter ranks into the list above the vendor sections, best first, and every
 * other entry back into its section in the author's order. The entries are moved, not reordered with
 * CSS, so that screen readers and the keyboard follow the order on screen.
 */
function placeEntries(entries: readonly FaqSearchEntry[], result: FaqFilterResult, heading: string): void {
  const ranked = document.querySelector<HTMLElement>('.faq-ranked');
  const list = ranked?.querySelector('.faq-ranked__entries');
  if (!ranked || !list) return;
  const elementOf = (id: string) => document.querySelector(`.faq-entry[data-faq-id="${id}"]`);
  const rankedIds = result.kind === 'match' || result.kind === 'closest' ? result.ids : [];
  rankedIds.forEach((id, index) => placeAt(list, index, elementOf(id)));
  const placedInGroup = new Map<Element, number>();
  for (const entry of entries) {
    const group = document.querySelector(`.faq-group[data-vendor="${entry.vendors[0]}"]`);
    if (rankedIds.includes(entry.id) || !group) continue;
    const index = placedInGroup.get(group) ?? 0;
    placeAt(group, index, elementOf(entry.id));
    placedInGroup.set(group, index + 1);
  }
  ranked.hidden = rankedIds.length === 0;
  const headingElement = ranked.querySelector('.faq-ranked__heading');
  if (headingElement) headingElement.textContent = heading;
}

/**
 * The filter box and vendor choice of the troubleshooting page. Without a query it hides the entries
 * of other vendors with a generated style rule; with one, it shows the matching entries (or the
 * closest ones) best first, in a list of their own. The entries themselves stay static, indexed HTML.
 */
export default function FaqFilter({ entries, vendors, strings }: Props) {
  const hydrated = useHydrated();
  const state = useHydratedStore($faqFilter, NO_FILTER);
  useEffect(() => {
    const vendorIds = vendors.map((vendor) => vendor.id);
    const load = () => loadFilterFromUrl(vendorIds);
    load();
    window.addEventListener('popstate', load);
    return () => window.removeEventListener('popstate', load);
  }, []);

  const result = rankEntries(entries, state);
  const { kind } = result;
  useLayoutEffect(() =>
    placeEntries(
      entries,
      result,
      strings[kind === 'closest' ? 'faqFilter.closestHeading' : 'faqFilter.matchHeading'],
    ),
  );
  const shown = new Set(result.ids);
  const hidingRules =
    kind === 'all'
      ? [
          ...entries
            .filter((entry) => !shown.has(entry.id))
            .map((entry) => `.faq-entry[data-faq-id="${entry.id}"]`),
          ...vendors
            .map((vendor) => vendor.id)
            .filter((vendor) => !entries.some((entry) => entry.vendors[0] === vendor && shown.has(entry.id)))
            .flatMap((vendor) => [
              `.faq-group[data-vendor="${vendor}"]`,
              `.sl-heading-wrapper:has(+ .faq-group[data-vendor="${vendor}"])`,
            ]),
        ]
      : // The ranked list holds every entry shown: the vendor sections are left with hidden ones.
        ['.faq-group', '.sl-heading-wrapper:has(+ .faq-group)'];
  const counts = { query: state.query, shown: shown.size, total: entries.length };
  const status = {
    all: state.vendor === undefined ? '' : fillTemplate(strings['faqFilter.count'], counts),
    match: fillTemplate(strings['faqFilter.ranked'], counts),
    closest: fillTemplate(strings['faqFilter.closest'], counts),
    none: fillTemplate(strings['faqFilter.noMatch'], counts),
  }[kind];

  return (
    <div class="faq-filter" role="search">
      <label class="faq-filter__label" for="faq-filter-query">
        {strings['faqFilter.label']}
      </label>
      <p class="faq-filter__hint" id="faq-filter-hint">
        {strings['faqFilter.hint']}
      </p>
      <input
        id="faq-filter-query"
        type="search"
        autocomplete="off"
        aria-describedby="faq-filter-hint"
        disabled={!hydrated}
        value={state.query}
        onInput={(event) => setFaqQuery(event.currentTarget.value)}
      />
      <fieldset class="faq-filter__vendors">
        <legend>{strings['faqFilter.vendorLegend']}</legend>
        {[{ id: undefined, name: strings['faqFilter.all'] }, ...vendors].map((vendor) => (
          <label key={vendor.id ?? 'all'}>
            <input
              type="radio"
              name="faq-vendor"
              value={vendor.id ?? ''}
              checked={state.vendor === vendor.id}
              disabled={!hydrated}
              onChange={() => setFaqVendor(vendor.id)}
            />{' '}
            {vendor.name}
          </label>
        ))}
      </fieldset>
      <p class="faq-filter__status" role="status">
        {status}
      </p>
      {(kind === 'closest' || kind === 'none') && (
        <div class="faq-filter__empty">
          <button type="button" onClick={() => searchWholeSite(state.query)}>
            {strings['faqFilter.searchSite']}
          </button>{' '}
          <button type="button" onClick={clearFaqFilter}>
            {strings['faqFilter.clear']}
          </button>
        </div>
      )}
      {hidingRules.length > 0 && <style>{`${hidingRules.join(',\n')} { display: none; }`}</style>}
    </div>
  );
}
