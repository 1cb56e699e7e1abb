import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import { memoize } from '../lib/memo';
import type { GuideTicks } from '../lib/progress-data';
import { waitsChangeAt } from '../lib/wait-schedule';
import { holidayYearsNeeded, waitState, type WaitRule, type WaitState } from '../lib/waits';
import { timeShownIn } from './clock';
import { $holidayYears, loadHolidayYears, type HolidayYears } from './holidays';
import { $progress } from './progress';

/** Where each wait of a guide stands now. */
export interface WaitsNow {
  /** One per rule; `undefined` while the holidays a business-day wait needs are loading. */
  states: (WaitState | undefined)[];
  now: Date;
  /** Some needed year of holidays could not be loaded: business days skip weekends and the closure only. */
  holidaysFailed: boolean;
}

/** Until the stored progress is read, no wait is known to have started: none is shown. */
export const WAITS_UNREAD: WaitsNow = { states: [], now: new Date(0), holidaysFailed: false };

/** A guide's waits, and what the clock sets to bring them up to the time now. */
const waitsWithClock = memoize(
  (guide: string, rules: readonly WaitRule[]) => {
    const $woken = atom(0);
    return { $waits: waitsOfGuide(guide, rules, $woken), $woken };
  },
  (guide, rules) => `${guide}:${rules.map((rule) => rule.id).join()}`,
);

/**
 * The state of each of a guide's `rules`, following progress and the holiday files, worked out at
 * the time of each change: one store per guide and list of rules, worked out once per change however
 * many islands show it. It follows the clock while it is shown on screen (waitsShownIn). While it is
 * followed, it loads the years of holidays its started waits need.
 */
export function guideWaits(guide: string, rules: readonly WaitRule[]): ReadableAtom<WaitsNow> {
  return waitsWithClock(guide, rules).$waits;
}

/**
 * A ref callback for the element that shows a guide's waits: while it is on screen, the clock
 * (stores/clock.ts) brings them up to date each time what it shows of them would change, all of them
 * or only the one at the index `only` picks (a line that shows the current wait alone).
 */
export function waitsShownIn(
  guide: string,
  rules: readonly WaitRule[],
  only?: (states: WaitsNow['states']) => number,
): (element: Element | null) => void {
  const { $waits, $woken } = waitsWithClock(guide, rules);
  return timeShownIn(
    $waits,
    ({ states, now }) => waitsChangeAt(rules, states, now, only?.(states)),
    () => $woken.set($woken.get() + 1),
  );
}

/**
 * Where each of `rules` stands for a guide's `ticks` at `now`, with the holidays loaded so far
 * (`holidayYears`): a business-day wait is undefined while a year it needs (`years`) is loading.
 * Shared with the home page's overview, which works it out for every registration.
 */
export function waitsAt(
  rules: readonly WaitRule[],
  ticks: GuideTicks | undefined,
  now: Date,
  holidayYears: HolidayYears,
  years: readonly number[] = holidayYearsNeeded(rules, ticks),
): WaitsNow {
  const loaded = years.map((year) => holidayYears[year]);
  const ready = loaded.every((year) => year && year.status !== 'loading');
  const holidays = new Set(loaded.flatMap((year) => year?.dates ?? []));
  return {
    states: rules.map((rule) =>
      'businessDays' in rule.duration && !ready ? undefined : waitState(rule, ticks, now, holidays),
    ),
    now,
    holidaysFailed: loaded.some((year) => year?.status === 'failed'),
  };
}

function waitsOfGuide(
  guide: string,
  rules: readonly WaitRule[],
  $woken: ReadableAtom<number>,
): ReadableAtom<WaitsNow> {
  const $years = computed($progress, (progress) => holidayYearsNeeded(rules, progress.guides[guide]));
  const $waits = computed(
    [$progress, $woken, $holidayYears, $years],
    // Read at every change, not only when the clock wakes: a tick between wake-ups counts from now.
    (progress, _woken, holidayYears, years): WaitsNow =>
      waitsAt(rules, progress.guides[guide], new Date(), holidayYears, years),
  );
  onMount($waits, () => {
    // Asked again only when the years change, so that a failed year is not fetched on every tick.
    let asked = '';
    return $years.subscribe((years) => {
      if (years.join() === asked) return;
      asked = years.join();
      loadHolidayYears(years);
    });
  });
  return $waits;
}
