import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  withRecord,
  withStep,
  withoutGuide,
  type ProgressData,
} from '../lib/progress-data';
import type { RecordFieldId } from '../lib/records';
import { $storageHealth, getStorageEngine } from './storage-engine';

/** localStorage key of the checklist progress; every key of this site starts with the same prefix. */
export const STORAGE_PREFIX = 'partner-guides:';
export const PROGRESS_KEY = `${STORAGE_PREFIX}progress`;
/** Where an unreadable stored value is kept aside before it is replaced. */
export const PROGRESS_BACKUP_KEY = `${STORAGE_PREFIX}progress-backup`;

/** A problem found while reading storage, for the notice shown to the user. */
export type StorageProblem =
  { kind: 'recovered'; backupKey: string } | { kind: 'newer'; version: number } | { kind: 'backup-failed' };

/** The latest problem found in stored progress, if any; the interface shows it as a notice. */
export const $storageProblem = atom<StorageProblem | undefined>(undefined);

/** Keeps an unreadable value aside so nothing is silently thrown away. */
function keepAside(raw: string): void {
  const engine = getStorageEngine();
  if (engine[PROGRESS_BACKUP_KEY] !== raw) engine[PROGRESS_BACKUP_KEY] = raw;
  $storageProblem.set(
    $storageHealth.get() === 'ok'
      ? { kind: 'recovered', backupKey: PROGRESS_BACKUP_KEY }
      : { kind: 'backup-failed' },
  );
}

/** True while storage holds progress from a newer version of the site: ticking is then disabled. */
export const $progressReadOnly = atom(false);

/** The stored text while it is of a newer version: writing it back leaves storage untouched. */
let newerRaw: string | undefined;

function decodeStored(raw: string | undefined): ProgressData {
  const decoded = decodeProgress(raw);
  newerRaw = decoded.status === 'newer' ? decoded.raw : undefined;
  $progressReadOnly.set(newerRaw !== undefined);
  if (decoded.status === 'recovered') keepAside(decoded.raw);
  else if (decoded.status === 'newer') $storageProblem.set({ kind: 'newer', version: decoded.version });
  // A value written by a newer tab and then replaced by a readable one ends read-only mode.
  else if ($storageProblem.get()?.kind === 'newer') $storageProblem.set(undefined);
  return decoded.data;
}

/** Ticks of every guide; changes with user actions, other tabs and back/forward navigation. */
export const $progress = persistentAtom<ProgressData>(PROGRESS_KEY, emptyProgress(), {
  decode: decodeStored,
  encode: (data) => newerRaw ?? encodeProgress(data),
  listen: true,
});

/** A change the user made, as the polite status region reports it. */
export type Announcement =
  | { guide: string; stepId: string; ticked: boolean }
  | { guide: string; reset: true }
  /** A record was saved (`saved`) or cleared. */
  | { fieldId: RecordFieldId; saved: boolean };

/** The last change the user made, for the polite status region (never set by restoring state). */
export const $announcement = atom<Announcement | undefined>(undefined);

/** Ticks or unticks a step now. Does nothing while progress is read-only. */
export function setStepTicked(guide: string, stepId: string, ticked: boolean, now: Date = new Date()): void {
  if ($progressReadOnly.get()) return;
  $progress.set(withStep($progress.get(), guide, stepId, ticked ? now.toISOString() : undefined));
  $announcement.set({ guide, stepId, ticked });
}

/** Clears every tick of a guide. Does nothing while progress is read-only. */
export function resetGuide(guide: string): void {
  if ($progressReadOnly.get()) return;
  $progress.set(withoutGuide($progress.get(), guide));
  $announcement.set({ guide, reset: true });
}

/** Notes a record's value now, or clears it when `value` is blank. Does nothing while read-only. */
export function setRecord(fieldId: RecordFieldId, value: string | undefined, now: Date = new Date()): void {
  if ($progressReadOnly.get()) return;
  $progress.set(withRecord($progress.get(), fieldId, value, now));
  $announcement.set({ fieldId, saved: (value?.trim() ?? '') !== '' });
}
