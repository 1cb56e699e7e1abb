import { useEffect } from 'preact/hooks';
import { useHydrated, useHydratedStore } from './hydration';
import { fillTemplate } from '../lib/template';
import {
  filterEntries,
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
  // The search box appears once Pagefind's interface has loaded, which can take seconds on a slow
  // computer: fill it as soon as it exists, and give up only after half a minute.
  const fill = () => {
    const input = document.querySelector<HTMLInputElement>('#starlight__search input');
    if (!input) return false;
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  };
  if (fill()) return;
  const observer = new MutationObserver(() => {
    if (fill()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 30_000);
}

/**
 * The filter box and vendor choice of the troubleshooting page. It hides the entries that do not
 * match with a generated style rule, so the entries themselves stay static, indexed HTML.
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

  const shown = new Set(filterEntries(entries, state));
  const hiddenIds = entries.filter((entry) => !shown.has(entry.id)).map((entry) => entry.id);
  const emptyVendors = vendors
    .map((vendor) => vendor.id)
    .filter((vendor) => !entries.some((entry) => entry.vendors[0] === vendor && shown.has(entry.id)));
  const hidingRules = [
    ...hiddenIds.map((id) => `.faq-entry[data-faq-id="${id}"]`),
    ...emptyVendors.flatMap((vendor) => [
      `.faq-group[data-vendor="${vendor}"]`,
      `.sl-heading-wrapper:has(+ .faq-group[data-vendor="${vendor}"])`,
    ]),
  ];
  const filtered = state.query.trim() !== '' || state.vendor !== undefined;

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
        {filtered
          ? fillTemplate(strings['faqFilter.count'], { shown: shown.size, total: entries.length })
          : ''}
      </p>
      {filtered && shown.size === 0 && (
        <div class="faq-filter__empty">
          <p>{fillTemplate(strings['faqFilter.noMatch'], { query: state.query })}</p>
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
