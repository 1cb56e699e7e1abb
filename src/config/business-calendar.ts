/**
 * The business calendar used to turn "3–5 business days" into dates. Everything an office may want
 * to adjust lives here: change a value and rebuild.
 *
 * Business days are Monday to Friday in Japan, except Japanese public holidays (substitute holidays
 * included, from @holiday-jp/holiday_jp) and the year-end closure below. The seeds give the waiting
 * periods; these rules for counting them are our assumption and the guides say so.
 */

/** Time zone of every date and time the site shows and counts in: the periods are Japanese business days. */
export const TIME_ZONE = 'Asia/Tokyo';

/**
 * Japan has had no daylight saving time since 1951, so Japan time is always UTC+9. Counting with a
 * fixed offset keeps the arithmetic exact and independent of the computer's own time zone.
 */
export const UTC_OFFSET_MINUTES = 9 * 60;

/** The year-end closure, inclusive, as month and day; it spans the turn of the year. */
export const YEAR_END_CLOSURE = { from: { month: 12, day: 29 }, to: { month: 1, day: 3 } } as const;

/**
 * A wait that starts at or after this hour (Japan time), or on a day off, is counted from the next
 * business day, as a request sent after hours is handled the next morning.
 */
export const BUSINESS_DAY_CUTOFF_HOUR = 18;

/** Years for which public holidays are published with the site (see src/pages/holidays/). */
export const HOLIDAY_YEARS = { first: 2020, last: 2050 } as const;
