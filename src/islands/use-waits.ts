import { useEffect } from 'preact/hooks';
import { useHydratedStore } from './hydration';
import { $progress } from '../stores/progress';
import { $holidayYears, loadHolidayYears } from '../stores/holidays';
import { $now } from '../stores/clock';
import { emptyProgress } from '../lib/progress-data';
import { yearsForWindow } from '../lib/business-days';
import { waitState, type WaitRule, type WaitState } from '../lib/waits';

const EMPTY = emptyProgress();
const EPOCH = new Date(0);

/** Where each wait of a guide stands now; `undefined` while the holidays it needs are loading. */
export interface WaitsNow {
  states: (WaitState | undefined)[];
  now: Date;
  /** Some needed year of holidays could not be loaded: business days skip weekends and the closure only. */
  holidaysFailed: boolean;
}

/** Follows progress, the clock and the holiday files to give the state of each wait of a guide. */
export function useWaits(guide: string, rules: readonly WaitRule[]): WaitsNow {
  const progress = useHydratedStore($progress, EMPTY);
  const now = useHydratedStore($now, EPOCH);
  const holidayYears = useHydratedStore($holidayYears, {});
  const ticks = progress.guides[guide];

  const years = new Set<number>();
  for (const rule of rules) {
    const start = ticks?.[rule.startStep];
    if ('businessDays' in rule.duration && start) {
      for (const year of yearsForWindow(new Date(start.tickedAt))) years.add(year);
    }
  }
  const yearsKey = [...years].join(',');
  // Keyed by the list of years, so that a new render with the same years does not fetch again.
  useEffect(() => loadHolidayYears([...years]), [yearsKey]);

  const loaded = [...years].map((year) => holidayYears[year]);
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
