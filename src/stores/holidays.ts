import { map } from 'nanostores';

/**
 * Public holidays loaded on demand, one year per file (`/holidays/2026.json`, built from
 * @holiday-jp/holiday_jp), so a page fetches only the years a started wait can touch.
 */

/** Loading state of one year's holidays. */
export type HolidayYearStatus = 'loading' | 'ready' | 'failed';

/** Holidays by year, with each year's loading state. */
export type HolidayYears = Record<number, { status: HolidayYearStatus; dates: readonly string[] }>;

/** Holidays by year, with each year's loading state, as loaded so far. */
export const $holidayYears = map<HolidayYears>({});

/** Shape of one published year file. */
interface HolidayFile {
  year: number;
  holidays: string[];
}

function isHolidayFile(value: unknown, year: number): value is HolidayFile {
  const file = value as Partial<HolidayFile> | null;
  return (
    file?.year === year &&
    Array.isArray(file.holidays) &&
    file.holidays.every((date) => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date))
  );
}

/** Starts loading the years not yet loaded or loading; a failed year is tried again. */
export function loadHolidayYears(years: readonly number[]): void {
  for (const year of years) {
    const status = $holidayYears.get()[year]?.status;
    if (status === 'loading' || status === 'ready') continue;
    $holidayYears.setKey(year, { status: 'loading', dates: [] });
    fetch(`${import.meta.env.BASE_URL}holidays/${year}.json`)
      .then((response) => (response.ok ? response.json() : undefined))
      .then((file: unknown) => {
        $holidayYears.setKey(
          year,
          isHolidayFile(file, year)
            ? { status: 'ready', dates: file.holidays }
            : { status: 'failed', dates: [] },
        );
      })
      .catch(() => $holidayYears.setKey(year, { status: 'failed', dates: [] }));
  }
}
