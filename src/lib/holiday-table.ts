import holidayJp from '@holiday-jp/holiday_jp';
import { HOLIDAY_YEARS } from '../config/business-calendar';

/**
 * Japanese public holidays from @holiday-jp/holiday_jp, for the build and for tests. Browsers never
 * load this module: the build publishes one small file per year (src/pages/holidays/[year].json.ts)
 * and a guide fetches only the years a wait needs.
 */

/** ISO dates of the public holidays of a year, substitute and citizens' holidays included. */
export function holidaysOfYear(year: number): string[] {
  return Object.keys(holidayJp.holidays)
    .filter((date) => date.startsWith(`${year}-`))
    .sort();
}

/** The years published with the site, within the table's range. */
export function publishedHolidayYears(): number[] {
  const years: number[] = [];
  for (let year = HOLIDAY_YEARS.first; year <= HOLIDAY_YEARS.last; year++) {
    if (holidaysOfYear(year).length > 0) years.push(year);
  }
  return years;
}
