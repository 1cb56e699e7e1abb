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
  /** When its text next changes by time alone, in ms since 1970; Infinity if it does not. */
  changesAt: () => number;
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
let viewport: IntersectionObserver | undefined;

/**
 * Brings the displays on screen whose time has come up to date, then sets the one timer for the
 * next change among them; with the page hidden, sets none. (Waking a display changes its store,
 * whose listener plans again before this plan ends; this plan's timer replaces that one.)
 */
function plan(): void {
  const now = Date.now();
  const onScreen = document.hidden ? [] : [...displays.values()].filter((display) => display.onScreen);
  for (const display of onScreen) if (display.changesAt() <= now) display.wake();
  const next = Math.min(...onScreen.map((display) => display.changesAt()));
  clearTimeout(timer);
  // A display still due after waking would be a fault: it is looked at again in a second, not at once.
  timer =
    next < Infinity
      ? setTimeout(plan, Math.min(next > now ? next - now : 1000, LONGEST_SLEEP_MS))
      : undefined;
}

/**
 * A ref callback for the element that shows a store whose text follows the time: while the element
 * is in the viewport of a visible page, the clock calls `wake` whenever `changesAt(value)` has come.
 */
export function timeShownIn<T>(
  store: ReadableAtom<T>,
  changesAt: (value: T) => number,
  wake: () => void,
): (element: Element | null) => void {
  let shown: Element | null = null;
  let stopListening = () => {};
  return (element) => {
    if (shown) {
      stopListening();
      viewport?.unobserve(shown);
      displays.delete(shown);
    }
    shown = element;
    if (element) {
      viewport ??= new IntersectionObserver((entries) => {
        for (const entry of entries) {
          const display = displays.get(entry.target);
          if (display) display.onScreen = entry.isIntersecting;
        }
        plan();
      });
      // The same listener added again is not added twice.
      document.addEventListener('visibilitychange', plan);
      stopListening = store.listen(plan);
      displays.set(element, { changesAt: () => changesAt(store.get()), wake, onScreen: false });
      viewport.observe(element);
    }
    plan();
  };
}
