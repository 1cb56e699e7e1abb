import { BUSINESS_DAY_CUTOFF_HOUR, YEAR_END_CLOSURE } from '../config/business-calendar';
import {
  dateParts,
  dayInJapan,
  dayOfIsoDate,
  hourInJapan,
  startOfDay,
  type BusinessDayWindow,
  type Day,
} from './business-days';
import type { Lang } from './guides';
import { fillTemplate } from './template';
import type { UiStrings } from './ui-strings';

/**
 * Dates, times and remaining time of waits, in the page's language and always in Japan time. Built
 * by hand rather than with Intl so that the output is the same on every browser: 「5月7日（木）」,
 * "Thu 7 May".
 */

const WEEKDAYS_JA = '日月火水木金土';
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** English month abbreviations, January first. */
export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a day; the year is added when it differs from the year of `now` in Japan. */
export function formatDay(day: Day, lang: Lang, now: Date): string {
  const { year, month, date, weekday } = dateParts(day);
  const withYear = year !== dateParts(dayInJapan(now)).year;
  if (lang === 'ja') return `${withYear ? `${year}年` : ''}${month}月${date}日（${WEEKDAYS_JA[weekday]}）`;
  return `${WEEKDAYS_EN[weekday]} ${date} ${MONTHS_EN[month - 1]}${withYear ? ` ${year}` : ''}`;
}

/** When days formatted at `now` next gain or lose their year: the next new year in Japan, in ms. */
export function yearShownChangesAt(now: Date): number {
  const { year } = dateParts(dayInJapan(now));
  return startOfDay(dayOfIsoDate(`${year + 1}-01-01`)).getTime();
}

/** Formats the days of a business-day window: 「5月7日（木）〜5月11日（月）」, "Thu 7 May – Mon 11 May". */
export function formatWindow(window: BusinessDayWindow, lang: Lang, now: Date): string {
  const first = formatDay(window.first, lang, now);
  if (window.first === window.last) return first;
  return `${first}${lang === 'ja' ? '〜' : ' – '}${formatDay(window.last, lang, now)}`;
}

/** Formats an instant as day and time in Japan: 「11月24日（火）10:05」, "Tue 24 Nov, 10:05". */
export function formatDayTime(instant: Date, lang: Lang, now: Date): string {
  const minutes = Math.floor((instant.getTime() / 60_000) % 60);
  const time = `${hourInJapan(instant)}:${String(minutes).padStart(2, '0')}`;
  return `${formatDay(dayInJapan(instant), lang, now)}${lang === 'ja' ? ' ' : ', '}${time}`;
}

/** Formats time left, to the second under an hour: 「14分05秒」, "47 h 59 min", "14 min 05 s". */
export function formatRemaining(ms: number, lang: Lang): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  if (lang === 'ja') return hours > 0 ? `${hours}時間${minutes}分` : `${minutes}分${seconds}秒`;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds} s`;
}

/**
 * When the time left until `until`, as formatRemaining writes it, next changes after `now`, in ms:
 * within the second under an hour, at the next whole minute left above; never (Infinity) once none
 * is left.
 */
export function remainingChangesAt(until: Date, now: Date): number {
  const shown = Math.ceil((until.getTime() - now.getTime()) / 1000);
  // formatRemaining rounds up to the second and drops the seconds from an hour up: the next value
  // written is one second less, or the last second of the minute below.
  const next = shown >= 3600 ? Math.floor(shown / 60) * 60 - 1 : shown - 1;
  return shown > 0 ? until.getTime() - next * 1000 : Infinity;
}

/**
 * The business calendar's rules as the notice of a business-day wait states them, for the
 * placeholders of `wait.businessDayRules`: the year-end closure (「12月29日〜1月3日」,
 * "29 Dec – 3 Jan") and the cut-off hour (src/config/business-calendar.ts).
 */
export function calendarTerms(lang: Lang): { closure: string; cutoff: number } {
  const { from, to } = YEAR_END_CLOSURE;
  const day = (month: number, date: number) =>
    lang === 'ja' ? `${month}月${date}日` : `${date} ${MONTHS_EN[month - 1]}`;
  return {
    closure: `${day(from.month, from.day)}${lang === 'ja' ? '〜' : ' – '}${day(to.month, to.day)}`,
    cutoff: BUSINESS_DAY_CUTOFF_HOUR,
  };
}

/**
 * The line a started, unfinished wait shows: 「審査完了の目安: 5月7日（木）〜5月11日（月）」,
 * "Enter the confirmation code by Sun 22 Nov, 10:15 (14 min 05 s left)".
 */
export function waitLine(
  kind: 'business-days' | 'deadline' | 'recheck',
  state: { until: Date; window?: BusinessDayWindow },
  label: string,
  templates: UiStrings<'waitLine.'>,
  lang: Lang,
  now: Date,
): string {
  if (kind === 'business-days' && state.window) {
    return fillTemplate(templates['waitLine.window'], { label, when: formatWindow(state.window, lang, now) });
  }
  const when = formatDayTime(state.until, lang, now);
  if (kind === 'recheck') return fillTemplate(templates['waitLine.recheck'], { label, when });
  return fillTemplate(templates['waitLine.deadline'], {
    label,
    when,
    remaining: formatRemaining(state.until.getTime() - now.getTime(), lang),
  });
}
