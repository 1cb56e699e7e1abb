/**
 * Undoing a change to progress (an untick, a reset, an import) and correcting a tick's time.
 *
 * A change is remembered as the entries it touched, each with what it held before and after (a tick
 * time or a record value; undefined when there was none). Undoing puts the "before" back as a new
 * change, stamped later than the change it undoes, so that the per-entry merge (mergeProgress)
 * carries the restored entries to every open tab, tick times included.
 */
import {
  EARLIEST_TIME,
  own,
  recordValueOf,
  tickTimeOf,
  withRecord,
  withStep,
  type ProgressData,
} from './progress-data';

/** One tick a change touched: its time before and after the change. */
export interface ChangedTick {
  guide: string;
  stepId: string;
  before: string | undefined;
  after: string | undefined;
}

/** One record a change touched: its value before and after the change. */
export interface ChangedRecord {
  fieldId: string;
  before: string | undefined;
  after: string | undefined;
}

/** The entries a change touched. */
export interface ChangedEntries {
  ticks: ChangedTick[];
  records: ChangedRecord[];
}

/** Lists the ticks (by time) and records (by value) that differ between two copies of progress. */
export function changedEntries(before: ProgressData, after: ProgressData): ChangedEntries {
  const ticks: ChangedTick[] = [];
  for (const guide of new Set([...Object.keys(before.guides), ...Object.keys(after.guides)])) {
    const stepIds = new Set([
      ...Object.keys(own(before.guides, guide) ?? {}),
      ...Object.keys(own(after.guides, guide) ?? {}),
    ]);
    for (const stepId of stepIds) {
      const was = tickTimeOf(before, guide, stepId);
      const is = tickTimeOf(after, guide, stepId);
      if (was !== is) ticks.push({ guide, stepId, before: was, after: is });
    }
  }
  const records: ChangedRecord[] = [];
  for (const fieldId of new Set([...Object.keys(before.records), ...Object.keys(after.records)])) {
    const was = recordValueOf(before, fieldId);
    const is = recordValueOf(after, fieldId);
    if (was !== is) records.push({ fieldId, before: was, after: is });
  }
  return { ticks, records };
}

/**
 * Tells whether a change can still be undone in `current`: it changed something, and every entry it
 * touched still holds what the change left (no later change, here or in another tab, replaced it).
 */
export function canUndo(changes: ChangedEntries, current: ProgressData): boolean {
  if (changes.ticks.length === 0 && changes.records.length === 0) return false;
  return (
    changes.ticks.every((tick) => tickTimeOf(current, tick.guide, tick.stepId) === tick.after) &&
    changes.records.every((record) => recordValueOf(current, record.fieldId) === record.after)
  );
}

/**
 * Puts back what a change replaced: each touched tick gets its former time again (or is unticked),
 * each touched record its former value. The restoring change is stamped at `now`, or just after
 * `changedAt` (when the undone change was made) should the clock not have moved since, so that it
 * wins over the undone change in every tab.
 */
export function undoChanges(
  data: ProgressData,
  changes: ChangedEntries,
  changedAt: Date,
  now: Date = new Date(),
): ProgressData {
  const at = new Date(Math.max(now.getTime(), changedAt.getTime() + 1));
  let result = data;
  for (const tick of changes.ticks) result = withStep(result, tick.guide, tick.stepId, tick.before, at);
  for (const record of changes.records) result = withRecord(result, record.fieldId, record.before, at);
  return result;
}

/** Japan time is UTC+9 all year (no daylight saving time). */
const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

/** A time as a datetime-local input shows it, in Japan time: `YYYY-MM-DDTHH:mm`. */
export function toJapanTimeInput(time: string | Date): string {
  return new Date(new Date(time).getTime() + JAPAN_OFFSET_MS).toISOString().slice(0, 16);
}

/** Why a corrected completion time is refused. */
export type TickTimeError = 'incomplete' | 'future' | 'too-early';

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/;

/**
 * Reads the value of a datetime-local input as Japan time: the completion time of a step, which
 * cannot be later than `now` nor earlier than 2000-01-01. An empty or partial value is incomplete
 * (browsers give an empty value while a part of the date or time is missing).
 */
export function parseJapanTimeInput(
  value: string,
  now: Date,
): { ok: true; tickedAt: string } | { ok: false; error: TickTimeError } {
  const time = LOCAL_DATE_TIME.test(value) ? Date.parse(`${value}+09:00`) : NaN;
  // Date.parse rolls 2026-02-30 over to 2 March: a value that does not come back the same is not a real time.
  if (Number.isNaN(time) || toJapanTimeInput(new Date(time)) !== value.slice(0, 16))
    return { ok: false, error: 'incomplete' };
  if (time < EARLIEST_TIME) return { ok: false, error: 'too-early' };
  if (time > now.getTime()) return { ok: false, error: 'future' };
  return { ok: true, tickedAt: new Date(time).toISOString() };
}

/**
 * Returns `data` with the time of a ticked step corrected to `tickedAt`, changed at `now`; a step
 * that is not ticked stays unticked.
 */
export function withTickTime(
  data: ProgressData,
  guide: string,
  stepId: string,
  tickedAt: string,
  now: Date = new Date(),
): ProgressData {
  const current = tickTimeOf(data, guide, stepId);
  if (current === undefined || current === tickedAt) return data;
  return withStep(data, guide, stepId, tickedAt, now);
}
