import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDayWindow,
  countingDay,
  dayOfIsoDate,
  isBusinessDay,
  isoDate,
  yearsForWindow,
} from '../../src/lib/business-days';
import { holidaysOfYear, publishedHolidayYears } from '../../src/lib/holiday-table';

const holidays = new Set([...holidaysOfYear(2025), ...holidaysOfYear(2026), ...holidaysOfYear(2027)]);

/** An instant given in Japan time, e.g. `jst('2026-04-28T10:00')`. */
const jst = (local: string) => new Date(`${local}:00+09:00`);

/** The window of a wait as ISO dates. */
function windowOf(start: Date, min: number, max: number) {
  const window = businessDayWindow(start, min, max, holidays);
  return { first: isoDate(window.first), last: isoDate(window.last), lateAt: window.lateAt.toISOString() };
}

describe('the holiday table', () => {
  it('has Golden Week 2026 with its substitute holiday', () => {
    expect(holidaysOfYear(2026)).toEqual(
      expect.arrayContaining(['2026-04-29', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06']),
    );
  });

  it('publishes the configured years that the table covers', () => {
    const years = publishedHolidayYears();
    expect(years[0]).toBe(2020);
    expect(years).toContain(2027);
    expect(years.every((year) => holidaysOfYear(year).length >= 15)).toBe(true);
  });
});

describe('business days', () => {
  it('skip weekends, public holidays and the year-end closure', () => {
    expect(isBusinessDay(dayOfIsoDate('2026-05-07'), holidays)).toBe(true);
    expect(isBusinessDay(dayOfIsoDate('2026-05-09'), holidays)).toBe(false); // Saturday
    expect(isBusinessDay(dayOfIsoDate('2026-05-06'), holidays)).toBe(false); // substitute holiday
    expect(isBusinessDay(dayOfIsoDate('2026-12-28'), holidays)).toBe(true);
    for (const date of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) {
      expect(isBusinessDay(dayOfIsoDate(date), holidays), date).toBe(false);
    }
    expect(isBusinessDay(dayOfIsoDate('2027-01-04'), holidays)).toBe(true);
  });

  it('count from the next business day when adding', () => {
    expect(isoDate(addBusinessDays(dayOfIsoDate('2026-05-01'), 1, holidays))).toBe('2026-05-07');
  });
});

describe('a business-day window', () => {
  it('across Golden Week: Tue 28 Apr 2026 plus 3–5 business days is Thu 7 May – Mon 11 May', () => {
    expect(windowOf(jst('2026-04-28T10:00'), 3, 5)).toEqual({
      first: '2026-05-07',
      last: '2026-05-11',
      lateAt: jst('2026-05-12T00:00').toISOString(),
    });
  });

  it('across the year end, skipping 29 Dec – 3 Jan', () => {
    // Fri 25 Dec 2026: Mon 28 is the last business day of the year, then Mon 4 Jan 2027.
    expect(windowOf(jst('2026-12-25T11:00'), 1, 3)).toEqual({
      first: '2026-12-28',
      last: '2027-01-05',
      lateAt: jst('2027-01-06T00:00').toISOString(),
    });
  });

  it('from a public holiday, counts from the next business day', () => {
    // Wed 29 Apr 2026 (Showa Day): counting starts on Thu 30 Apr.
    expect(windowOf(jst('2026-04-29T10:00'), 1, 3)).toMatchObject({
      first: '2026-05-01',
      last: '2026-05-08',
    });
  });

  it('from a weekend, counts from Monday, or Tuesday when Monday is a holiday', () => {
    expect(windowOf(jst('2026-11-14T10:00'), 3, 5)).toMatchObject({
      first: '2026-11-19',
      last: '2026-11-24',
    });
    // Mon 23 Nov 2026 is Labour Thanksgiving Day.
    expect(windowOf(jst('2026-11-21T10:00'), 3, 5)).toMatchObject({
      first: '2026-11-27',
      last: '2026-12-01',
    });
  });

  it('from after the cut-off on a Friday evening, counts from Monday', () => {
    // Fri 20 Nov 2026 19:30: counting starts Mon 23 Nov, a holiday, so Tue 24 Nov.
    expect(windowOf(jst('2026-11-20T19:30'), 1, 3)).toMatchObject({
      first: '2026-11-25',
      last: '2026-11-27',
    });
    // The same Friday before the cut-off counts from Friday itself.
    expect(windowOf(jst('2026-11-20T17:59'), 1, 3)).toMatchObject({
      first: '2026-11-24',
      last: '2026-11-26',
    });
  });

  it('at night is counted in Japan time, whatever the computer is set to', () => {
    // 00:30 on Tue 28 Apr in Japan is still Monday 27 Apr in UTC.
    const start = new Date('2026-04-27T15:30:00Z');
    expect(windowOf(start, 3, 5)).toMatchObject({ first: '2026-05-07', last: '2026-05-11' });
    // 23:00 on Tue 28 Apr in Japan (after the cut-off) counts from Thu 30 Apr.
    expect(windowOf(jst('2026-04-28T23:00'), 3, 5)).toMatchObject({
      first: '2026-05-08',
      last: '2026-05-12',
    });
  });

  it('starting on a day off with no holiday data still skips weekends and the closure', () => {
    const window = businessDayWindow(jst('2026-04-28T10:00'), 3, 5, new Set());
    expect([isoDate(window.first), isoDate(window.last)]).toEqual(['2026-05-01', '2026-05-05']);
  });

  it('counting from the first business day keeps the same day until the cut-off', () => {
    expect(isoDate(countingDay(jst('2026-04-28T00:00'), holidays))).toBe('2026-04-28');
    expect(isoDate(countingDay(jst('2026-04-28T18:00'), holidays))).toBe('2026-04-30');
  });
});

describe('years a window needs', () => {
  it('is the start year, and the next one from December', () => {
    expect(yearsForWindow(jst('2026-11-30T10:00'))).toEqual([2026]);
    expect(yearsForWindow(jst('2026-12-01T10:00'))).toEqual([2026, 2027]);
    // New Year's Eve in UTC is already 1 January in Japan.
    expect(yearsForWindow(new Date('2026-12-31T16:00:00Z'))).toEqual([2027]);
  });
});
