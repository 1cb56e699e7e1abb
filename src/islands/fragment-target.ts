/**
 * Keeps the target of the address's fragment (a bookmarked or linked step, a record's field) where
 * the browser scrolled it, when an island inserts content above it after load (wait notices only
 * appear once the stored progress and the holidays have been read). The browser keeps its
 * fragment in view only until the load event; after that, the page is scrolled back to it as long
 * as the reader has not moved on: no input, no scrolling since the last time it was put in place,
 * and not a reload or a return through history, where the browser brings back the reader's own
 * position.
 */

let movedOn = false;
let listening = false;
/** Where the page was scrolled when the target was last put in place. */
let placedAt: number | undefined;

/** From the first call on (islands hydrate before the reader can act), any input means moving on. */
function listenForInput(): void {
  if (listening) return;
  listening = true;
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'])
    addEventListener(type, () => (movedOn = true), { capture: true, passive: true, once: true });
}

function arrivedByLink(): boolean {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation?.type !== 'reload' && navigation?.type !== 'back_forward';
}

function fragmentTarget(): HTMLElement | null {
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    // A malformed escape in a hand-typed address names no element.
    return null;
  }
}

/** Call after content above the fragment's target may have changed size. */
export function keepFragmentTargetInPlace(): void {
  listenForInput();
  if (movedOn || location.hash.length < 2 || !arrivedByLink()) return;
  // Until then the browser itself keeps the target in view.
  if (document.readyState !== 'complete') {
    addEventListener('load', keepFragmentTargetInPlace, { once: true });
    return;
  }
  if (placedAt !== undefined && scrollY !== placedAt) {
    movedOn = true;
    return;
  }
  const target = fragmentTarget();
  if (!target) return;
  target.scrollIntoView({ behavior: 'instant' });
  placedAt = scrollY;
}
