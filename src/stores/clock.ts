import type { ReadableAtom } from 'nanostores';

/**
 * The clock of what pages show about time (countdowns, expected windows, deadlines). It does not
 * tick: each display says when its text next changes, and the clock sets one timer for the soonest
 * of those among the displays in the viewport of a visible page. A display off screen or in a hidden
 * tab keeps its text until it is back, and is brought up to date at once then. With nothing moving
 * on screen, nothing runs.
 */

/** Something on the page whose text follows the time. */
interface Display {
  /** When its text next changes by time alone, in ms since 1970; undefined if it does not. */
  changesAt: () => number | undefined;
  /** Brings its text up to date with the time now. */
  wake: () => void;
  onScreen: boolean;
}

/**
 * Timers count the time the computer runs, which stops while it sleeps: a change a day away is
 * checked against the clock this often, so that it shows at most this late after a sleep. A check
 * that finds nothing due changes nothing on the page.
 */
const LONGEST_SLEEP_MS = 3_600_000;

const displays = new Map<Element, Display>();
let timer: ReturnType<typeof setTimeout> | undefined;
let planning = false;
let observer: IntersectionObserver | undefined;

/**
 * Brings the displays on screen whose time has come up to date, then sets the one timer for the
 * next change among them; with the page hidden, sets none.
 */
function plan(): void {
  // Waking a display changes its store, whose listener asks to plan again: this plan covers it.
  if (planning) return;
  planning = true;
  clearTimeout(timer);
  timer = undefined;
  try {
    if (typeof document === 'undefined' || !document.hidden) {
      const now = Date.now();
      const onScreen = [...displays.values()].filter((display) => display.onScreen);
      for (const display of onScreen) if ((display.changesAt() ?? Infinity) <= now) display.wake();
      const next = Math.min(...onScreen.map((display) => display.changesAt() ?? Infinity));
      // A display still due after waking would be a fault: it is looked at again in a second, not at once.
      if (next < Infinity)
        timer = setTimeout(plan, Math.min(next > now ? next - now : 1000, LONGEST_SLEEP_MS));
    }
  } finally {
    planning = false;
  }
}

/**
 * Shows in `element` a store whose text follows the time: while the element is in the viewport of a
 * visible page, the clock calls `wake` whenever `changesAt(value)` has come. Returns how to stop.
 * Where IntersectionObserver is missing, the element counts as always on screen.
 */
export function showTime<T>(
  element: Element,
  store: ReadableAtom<T>,
  changesAt: (value: T) => number | undefined,
  wake: () => void,
): () => void {
  if (!observer && typeof IntersectionObserver !== 'undefined') {
    observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const display = displays.get(entry.target);
        if (display) display.onScreen = entry.isIntersecting;
      }
      plan();
    });
  }
  // The same listener added again is not added twice.
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', plan);
  const stopListening = store.listen(plan);
  displays.set(element, { changesAt: () => changesAt(store.get()), wake, onScreen: !observer });
  observer?.observe(element);
  plan();
  return () => {
    stopListening();
    observer?.unobserve(element);
    displays.delete(element);
    plan();
  };
}

/** A ref callback for one element that shows time: `show` starts following it, and it stops when the element goes. */
export function shownIn(show: (element: Element) => () => void): (element: Element | null) => void {
  let stop: (() => void) | undefined;
  return (element) => {
    stop?.();
    stop = element ? show(element) : undefined;
  };
}
