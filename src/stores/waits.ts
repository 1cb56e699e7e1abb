import { computed, onMount, type ReadableAtom } from 'nanostores';
import { memoize } from '../lib/memo';
import { holidayYearsNeeded, waitState, type WaitRule, type WaitState } from '../lib/waits';
import { $now } from './clock';
import { $holidayYears, loadHolidayYears } from './holidays';
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

/**
 * The state of each of a guide's `rules`, following progress, the clock and the holiday files: one
 * store per guide and list of rules, worked out once per change however many islands show it.
 * While it is followed, it loads the years of holidays its started waits need.
 */
export const guideWaits = memoize(
  waitsOfGuide,
  (guide, rules) => `${guide}:${rules.map((rule) => rule.id).join()}`,
);

function waitsOfGuide(guide: string, rules: readonly WaitRule[]): ReadableAtom<WaitsNow> {
  const $years = computed($progress, (progress) => holidayYearsNeeded(rules, progress.guides[guide]));
  const $waits = computed(
    [$progress, $now, $holidayYears, $years],
    (progress, now, holidayYears, years): WaitsNow => {
      const loaded = years.map((year) => holidayYears[year]);
      const ready = loaded.every((year) => year && year.status !== 'loading');
      const holidays = new Set(loaded.flatMap((year) => year?.dates ?? []));
      return {
        states: rules.map((rule) =>
          'businessDays' in rule.duration && !ready
            ? undefined
            : waitState(rule, progress.guides[guide], now, holidays),
        ),
        now,
        holidaysFailed: loaded.some((year) => year?.status === 'failed'),
      };
    },
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
