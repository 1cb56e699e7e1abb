/**
 * Record values as pages show them (the hand-off page's table and message, the import's preview):
 * with the record checks (astro.config.mjs, chunk `record-checks`), which every page that shows a
 * record loads.
 */
import type { Lang } from './guides';
import { getRecordField, parseCalendarDate } from './records';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Writes a stored YYYY-MM-DD date the way each language does (2026年5月7日, 7 May 2026). The date is
 * read as calendar numbers, never through Date, so no time zone can move it by a day.
 */
export function formatRecordDate(value: string, lang: Lang): string {
  const date = parseCalendarDate(value);
  if (!date) return value;
  return lang === 'ja'
    ? `${date.year}年${date.month}月${date.day}日`
    : `${date.day} ${MONTHS_EN[date.month - 1] ?? ''} ${date.year}`;
}

/**
 * A stored record value as a page shows it: dates in the page's language, choices by their label
 * (`choiceLabels`, stored value to label), anything else as stored. Fields this version of the site
 * does not know show their value as stored.
 */
export function formatRecordValue(
  fieldId: string,
  value: string,
  lang: Lang,
  choiceLabels: Readonly<Record<string, string>> = {},
): string {
  const kind = getRecordField(fieldId)?.kind;
  if (kind === 'date') return formatRecordDate(value, lang);
  if (kind === 'choice') return Object.hasOwn(choiceLabels, value) ? (choiceLabels[value] ?? value) : value;
  return value;
}
