import { businessDayWindow, yearsForWindow, type BusinessDayWindow, type HolidaySet } from './business-days';
import type { GuideTicks } from './progress-data';

/**
 * Where a wait or deadline of a procedure stands, given the guide's ticks and the time now. The
 * rules come from the `waits` collection (src/content/waits.json); this is the arithmetic only.
 */

/** How long a wait lasts: business days (a window), or a fixed number of hours or minutes. */
export type WaitDuration =
  { businessDays: { min: number; max: number } } | { hours: number } | { minutes: number };

/** The part of a wait rule the arithmetic needs (it is passed to islands, so it stays small). */
export interface WaitRule {
  id: string;
  kind: 'business-days' | 'deadline' | 'recheck';
  startStep: string;
  doneWhen: readonly string[];
  duration: WaitDuration;
}

/** One wait as the waiting step shows it, with its texts in the page's language. */
export interface WaitNoticeItem {
  rule: WaitRule;
  label: string;
  late: string;
  /** Title of the step whose tick starts the wait. */
  startTitle: string;
  /** Where to turn when it runs late: troubleshooting entry, next step, seed documents. */
  links: { href: string; text: string }[];
  /** Where its figures come from: 「出典：…」, the source document and its edition. */
  source: string;
}

/** A wait as the home page lists it, linking to its waiting step. */
export interface HomeWait {
  rule: WaitRule;
  what: string;
  label: string;
  href: string;
  /** On the home page: where its figures come from (「出典：…」). */
  source?: string;
}

/** Where a wait stands. */
export type WaitState =
  /** The step that starts it is not ticked. */
  | { phase: 'not-started' }
  /** A step that ends it is ticked. */
  | { phase: 'done' }
  /**
   * Running (`pending`) or past its end (`late`: window passed, deadline expired, time to check
   * again). `until` is when it turns late; `window` is set for business-day waits.
   */
  | { phase: 'pending' | 'late'; startedAt: Date; until: Date; window?: BusinessDayWindow };

/** Length of a wait given in hours or minutes, in milliseconds. */
export function fixedDurationMs(duration: { hours: number } | { minutes: number }): number {
  return 'hours' in duration ? duration.hours * 3_600_000 : duration.minutes * 60_000;
}

/** Computes the state of a wait from the guide's ticks at `now`; holidays matter for business days only. */
export function waitState(
  rule: WaitRule,
  ticks: GuideTicks | undefined,
  now: Date,
  holidays: HolidaySet,
): WaitState {
  const started = ticks?.[rule.startStep];
  if (!started) return { phase: 'not-started' };
  if (rule.doneWhen.some((step) => ticks[step] !== undefined)) return { phase: 'done' };

  const startedAt = new Date(started.tickedAt);
  const { duration } = rule;
  if ('businessDays' in duration) {
    const window = businessDayWindow(
      startedAt,
      duration.businessDays.min,
      duration.businessDays.max,
      holidays,
    );
    const phase = now >= window.lateAt ? 'late' : 'pending';
    return { phase, startedAt, until: window.lateAt, window };
  }
  const until = new Date(startedAt.getTime() + fixedDurationMs(duration));
  return { phase: now >= until ? 'late' : 'pending', startedAt, until };
}

/** Years of public holidays the started business-day waits among `rules` need, in ascending order. */
export function holidayYearsNeeded(rules: readonly WaitRule[], ticks: GuideTicks | undefined): number[] {
  const years = new Set<number>();
  for (const rule of rules) {
    const start = ticks?.[rule.startStep];
    if ('businessDays' in rule.duration && start) {
      for (const year of yearsForWindow(new Date(start.tickedAt))) years.add(year);
    }
  }
  return [...years].sort((a, b) => a - b);
}
