import { atom } from 'nanostores';
import {
  readFilterFromSearch,
  writeFilterToSearch,
  type FaqFilterState,
  type FaqVendor,
} from '../lib/faq-filter';

/** The troubleshooting filter; mirrored in the page URL so that a filtered view can be shared. */
export const $faqFilter = atom<FaqFilterState>({ query: '', vendor: undefined });

function update(state: FaqFilterState): void {
  $faqFilter.set(state);
  if (typeof window === 'undefined') return;
  const search = writeFilterToSearch(window.location.search, state);
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  window.history.replaceState(window.history.state, '', url);
}

/**
 * Takes the filter from the page URL (on load, and when the user navigates back or forward); a
 * vendor not among `vendors` is ignored.
 */
export function loadFilterFromUrl(vendors: readonly FaqVendor[]): void {
  if (typeof window !== 'undefined') $faqFilter.set(readFilterFromSearch(window.location.search, vendors));
}

/** Sets the words to look for. */
export function setFaqQuery(query: string): void {
  update({ ...$faqFilter.get(), query });
}

/** Shows one vendor's entries, or every vendor's with undefined. */
export function setFaqVendor(vendor: FaqVendor | undefined): void {
  update({ ...$faqFilter.get(), vendor });
}

/** Shows every entry again. */
export function clearFaqFilter(): void {
  update({ query: '', vendor: undefined });
}
