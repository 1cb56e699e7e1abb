import { BUSINESS_DAY_CUTOFF_HOUR, UTC_OFFSET_MINUTES, YEAR_END_CLOSURE } from '../config/business-calendar';

/**
 * Business-day arithmetic in Japan time, without the computer's time zone or `Intl`: days are
 * counted as whole numbers (days since 1970-01-01 in Japan time), which makes adding days exact.
 */

/** A calendar day in Japan time, as the number of days since 1970-01-01. */
export type Day = number;

const DAY_MS = 86_400_000;
const OFFSET_MS = UTC_OFFSET_MINUTES * 60_000;

/** Public holidays, as ISO dates (`2026-05-06`); substitute holidays included. */
export type HolidaySet = ReadonlySet<string>;

/** The calendar day in Japan of an instant. */
export function dayInJapan(instant: Date): Day {
  return Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);
}

/** The hour (0–23) in Japan of an instant. */
export function hourInJapan(instant: Date): number {
  return Math.floor(((instant.getTime() + OFFSET_MS) % DAY_MS) / 3_600_000);
}

/** The instant a day begins in Japan (00:00 Japan time). */
export function startOfDay(day: Day): Date {
  return new Date(day * DAY_MS - OFFSET_MS);
}

/** Year, month (1–12), day of month and weekday (0 = Sunday) of a day. */
export function dateParts(day: Day): { year: number; month: number; date: number; weekday: number } {
  const utc = new Date(day * DAY_MS);
  return {
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    date: utc.getUTCDate(),
    weekday: utc.getUTCDay(),
  };
}

/** The ISO date (`YYYY-MM-DD`) of a day. */
export function isoDate(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day of an ISO date (`YYYY-MM-DD`). */
export function dayOfIsoDate(iso: string): Day {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Tells whether a day falls in the year-end closure (config/business-calendar.ts). */
export function isYearEndClosure(day: Day): boolean {
  const { month, date } = dateParts(day);
  const { from, to } = YEAR_END_CLOSURE;
  const afterFrom = month > from.month || (month === from.month && date >= from.day);
  const beforeTo = month < to.month || (month === to.month && date <= to.day);
  // The closure spans the new year when it ends in an earlier month than it starts.
  return from.month > to.month ? afterFrom || beforeTo : afterFrom && beforeTo;
}

/** Tells whether a day is a business day: a weekday that is neither a public holiday nor in the closure. */
export function isBusinessDay(day: Day, holidays: HolidaySet): boolean {
  const { weekday } = dateParts(day);
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoDate(day)) && !isYearEndClosure(day);
}

/** The first business day after `day`. */
export function nextBusinessDay(day: Day, holidays: HolidaySet): Day {
  let next = day + 1;
  while (!isBusinessDay(next, holidays)) next++;
  return next;
}

/**
 * The business day a wait that starts at `instant` is counted from: the same day during business
 * hours, otherwise (day off, or after the cut-off hour) the next business day.
 */
export function countingDay(instant: Date, holidays: HolidaySet): Day {
  const day = dayInJapan(instant);
  if (isBusinessDay(day, holidays) && hourInJapan(instant) < BUSINESS_DAY_CUTOFF_HOUR) return day;
  return nextBusinessDay(day, holidays);
}

/** The business day `count` business days after `day`. */
export function addBusinessDays(day: Day, count: number, holidays: HolidaySet): Day {
  let result = day;
  for (let i = 0; i < count; i++) result = nextBusinessDay(result, holidays);
  return result;
}

/** Expected completion of a wait of `min`–`max` business days that started at `start`. */
export interface BusinessDayWindow {
  /** Earliest expected day. */
  first: Day;
  /** Latest expected day. */
  last: Day;
  /** When the wait counts as late: the start of the day after `last`. */
  lateAt: Date;
}

/** Computes the window of a wait of `min`–`max` business days that started at `start`. */
export function businessDayWindow(
  start: Date,
  min: number,
  max: number,
  holidays: HolidaySet,
): BusinessDayWindow {
  const from = countingDay(start, holidays);
  const last = addBusinessDays(from, max, holidays);
  return { first: addBusinessDays(from, min, holidays), last, lateAt: startOfDay(last + 1) };
}

/**
 * Years whose holidays a window starting at `start` can touch. Waits are at most a few business days,
 * so a window reaches the next year only when it starts in December.
 */
export function yearsForWindow(start: Date): number[] {
  const { year, month } = dateParts(dayInJapan(start));
  return month === 12 ? [year, year + 1] : [year];
}
