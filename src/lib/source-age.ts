/**
 * How old a guide's source document is, and how long ago the guide was checked against the live
 * screens: what the top of each guide says and what `npm run content:report` lists. Dates are ISO
 * strings (YYYY-MM-DD), editions are `YYYY` or `YYYY-MM` (src/content/guides/<id>.json `source`).
 */

/** An edition as its parts: the year, and the month where the edition gives one. */
export interface Edition {
  year: number;
  month?: number;
}

/** Reads an edition (`2014`, `2024-07`); undefined for an undated source or an edition in another form. */
export function parseEdition(edition: string | null): Edition | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(edition ?? '');
  if (!match) return undefined;
  const month = match[2] === undefined ? undefined : Number(match[2]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  return month === undefined ? { year: Number(match[1]) } : { year: Number(match[1]), month };
}

/** Reads an ISO date's year, month and day; undefined for anything else. */
function dateParts(date: string): [number, number, number] | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** Whole months from `from` (an edition or an ISO date) to the ISO date `today`; never negative. */
export function monthsSince(from: Edition | string, today: string): number {
  const [year, month, day] = dateParts(today) ?? [Number.NaN, Number.NaN, Number.NaN];
  const start =
    typeof from === 'string'
      ? dateParts(from)
      : ([from.year, from.month ?? 1, 1] as [number, number, number]);
  if (!start || Number.isNaN(year)) return 0;
  const months = (year - start[0]) * 12 + (month - start[1]) - (day < start[2] ? 1 : 0);
  return Math.max(0, months);
}

/** Whole years since an edition, as of the ISO date `today` (an edition with only a year counts from its January). */
export function editionAgeYears(edition: Edition, today: string): number {
  return Math.floor(monthsSince(edition, today) / 12);
}

/** Whether a guide needs checking against the live screens: never checked, checked too long ago, or fine. */
export type CheckState =
  { state: 'never' } | { state: 'overdue'; months: number } | { state: 'recent'; months: number };

/** The check state of a guide last checked on `lastChecked` (null: never), with `maxMonths` allowed. */
export function checkState(lastChecked: string | null, today: string, maxMonths: number): CheckState {
  if (lastChecked === null) return { state: 'never' };
  const months = monthsSince(lastChecked, today);
  const [year = 0, month = 1, day = 1] = dateParts(lastChecked) ?? [];
  // Due the day after the same date `maxMonths` later (ISO dates compare as strings).
  const dueMonth = year * 12 + month - 1 + maxMonths;
  const due = `${String(Math.floor(dueMonth / 12)).padStart(4, '0')}-${String((dueMonth % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return today > due ? { state: 'overdue', months } : { state: 'recent', months };
}

/** The months allowed since the last check, from a CLI flag or environment value; 12 when unset. */
export function parseMaxMonths(value: string | undefined): number {
  if (value === undefined || value === '') return 12;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new Error(
      `The months allowed since a guide was checked must be a whole number above 0, not "${value}"`,
    );
  return Number(value);
}
