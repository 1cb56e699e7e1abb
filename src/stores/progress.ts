import { atom, onMount } from 'nanostores';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  mergeProgress,
  sameProgress,
  withRecord,
  withStep,
  withoutGuide,
  type ProgressData,
} from '../lib/progress-data';
import type { RecordFieldId } from '../lib/records';
import { getStorageEvents, readStored, writeStored } from './storage-engine';

/**
 * The checklist progress of this browser, shared by every open tab.
 *
 * Every change is made on the freshest copy there is: what storage holds at that moment, merged
 * with what this tab holds (see mergeProgress), and is written back at once. A tab whose main
 * thread was busy may handle a click before the browser tells it of another tab's change, so what
 * storage returns can be stale; that is why a tab also merges every change it hears of with what
 * it holds, and writes the merge back when the other tab's copy lacked something. Every change
 * from every tab survives and all tabs reach the same progress, with no lock and no polling.
 */

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

/** True while storage holds progress from a newer version of the site: ticking is then disabled. */
export const $progressReadOnly = atom(false);

/** What became of a change: kept in storage, kept for this visit only, or refused (read-only). */
export type SaveOutcome = 'saved' | 'not-saved' | 'read-only';

/**
 * True while storage holds an unreadable value that could not be kept aside: nothing is written
 * then, so that the original stays where it is; changes last for the visit only.
 */
let holdWrites = false;

/** The unreadable value this tab has already kept aside, so that it is written only once. */
let keptAside: string | undefined;

/** Keeps an unreadable value aside so nothing is silently thrown away. */
function keepAside(raw: string): void {
  // The engine would give back a value it failed to write, so whether the backup was kept is
  // known only from the write itself.
  if (keptAside !== raw && writeStored(PROGRESS_BACKUP_KEY, raw)) keptAside = raw;
  holdWrites = keptAside !== raw;
  $storageProblem.set(
    holdWrites ? { kind: 'backup-failed' } : { kind: 'recovered', backupKey: PROGRESS_BACKUP_KEY },
  );
}

/** Reads a stored value, keeping an unreadable one aside and noting a newer one. */
function decodeStored(raw: string | undefined): ProgressData {
  const decoded = decodeProgress(raw);
  $progressReadOnly.set(decoded.status === 'newer');
  if (decoded.status === 'recovered') keepAside(decoded.raw);
  else {
    holdWrites = false;
    if (decoded.status === 'newer') $storageProblem.set({ kind: 'newer', version: decoded.version });
    // A value written by a newer tab and then replaced by a readable one ends read-only mode.
    else if ($storageProblem.get()?.kind === 'newer') $storageProblem.set(undefined);
  }
  return decoded.data;
}

/**
 * Writes progress unless writing is held back. Returns the text the browser kept, which is what this
 * tab has now seen in storage, or undefined when nothing was kept.
 */
function persist(data: ProgressData): string | undefined {
  if (holdWrites || $progressReadOnly.get()) return undefined;
  const text = encodeProgress(data);
  return writeStored(PROGRESS_KEY, text) ? text : undefined;
}

/** Ticks and records of every guide; changes with user actions, other tabs and back/forward navigation. */
export const $progress = atom<ProgressData>(decodeStored(readStored(PROGRESS_KEY)));

/** The stored text this tab last read or wrote, to skip work when nothing changed. */
let lastSeen: string | undefined;

/** Takes in what storage holds now (another tab's change), merged with what this tab holds. */
function takeStored(raw: string | undefined): void {
  if (raw === lastSeen) return;
  lastSeen = raw;
  if (raw === undefined) {
    // Removed or cleared on purpose (the browser's site data settings): start over, as asked.
    decodeStored(undefined);
    $progress.set(emptyProgress());
    return;
  }
  const incoming = decodeStored(raw);
  if ($progressReadOnly.get()) {
    $progress.set(incoming);
    return;
  }
  const merged = mergeProgress(incoming, $progress.get());
  $progress.set(merged);
  // The other tab wrote without something this tab holds: write the merge back for every tab.
  if (!sameProgress(merged, incoming)) lastSeen = persist(merged) ?? lastSeen;
}

const onStorage = (event: { key: string | null }): void => {
  if (event.key === null || event.key === PROGRESS_KEY) takeStored(readStored(PROGRESS_KEY));
};
const onPageShow = (): void => takeStored(readStored(PROGRESS_KEY));

onMount($progress, () => {
  onPageShow();
  const events = getStorageEvents();
  events.addEventListener(PROGRESS_KEY, onStorage, onPageShow);
  return () => events.removeEventListener(PROGRESS_KEY, onStorage, onPageShow);
});

/**
 * Applies a change to the freshest progress (storage now, merged with this tab's copy) and writes it
 * at once. Does nothing while progress is read-only. The import, in its own module, uses it too.
 */
export function changeProgress(apply: (data: ProgressData) => ProgressData): SaveOutcome {
  if ($progressReadOnly.get()) return 'read-only';
  const fresh = decodeStored(readStored(PROGRESS_KEY));
  if ($progressReadOnly.get()) {
    $progress.set(fresh);
    return 'read-only';
  }
  const next = apply(mergeProgress(fresh, $progress.get()));
  $progress.set(next);
  const written = persist(next);
  if (written === undefined) return 'not-saved';
  lastSeen = written;
  return 'saved';
}

/** A change the user can take back (see stores/undo.ts): an untick, a reset (of a guide) or an import. */
export interface UndoableChange {
  kind: 'untick' | 'reset' | 'import';
  /** The guide unticked or reset. */
  guide?: string;
  /** The step unticked. */
  stepId?: string;
  /** Progress just before and just after the change. */
  before: ProgressData;
  after: ProgressData;
  changedAt: Date;
}

/** The user's last change in this tab, when it is one that can be undone; any other change ends it. */
export const $lastUndoable = atom<UndoableChange | undefined>(undefined);

/**
 * Makes a change the user asked for, which ends the offer to undo the previous one; with `undoable`,
 * the change itself is then on offer for undoing.
 */
export function userChange(
  apply: (data: ProgressData) => ProgressData,
  now: Date,
  undoable?: Pick<UndoableChange, 'kind' | 'guide' | 'stepId'>,
): SaveOutcome {
  const seen: { before?: ProgressData; after?: ProgressData } = {};
  const outcome = changeProgress((data) => {
    seen.before = data;
    seen.after = apply(data);
    return seen.after;
  });
  if (outcome === 'read-only') return outcome;
  const { before, after } = seen;
  $lastUndoable.set(undoable && before && after ? { ...undoable, before, after, changedAt: now } : undefined);
  return outcome;
}

/** A change the user made, as the polite status region reports it. */
export type Announcement =
  | { guide: string; stepId: string; ticked: boolean }
  | { guide: string; reset: true }
  | { guide: string; stepId: string; corrected: string }
  /** An untick, a reset or an import was undone (`guide`: the one unticked or reset). */
  | { guide?: string; undone: UndoableChange['kind'] }
  /** A record was saved (`saved`) or cleared. */
  | { fieldId: RecordFieldId; saved: boolean };

/** The last change the user made, for the polite status region (never set by restoring state). */
export const $announcement = atom<Announcement | undefined>(undefined);

/** Ticks or unticks a step now. */
export function setStepTicked(
  guide: string,
  stepId: string,
  ticked: boolean,
  now: Date = new Date(),
): SaveOutcome {
  const outcome = userChange(
    (data) => withStep(data, guide, stepId, ticked ? now.toISOString() : undefined, now),
    now,
    ticked ? undefined : { kind: 'untick', guide, stepId },
  );
  if (outcome !== 'read-only') $announcement.set({ guide, stepId, ticked });
  return outcome;
}

/** Clears every tick of a guide. */
export function resetGuide(guide: string, now: Date = new Date()): SaveOutcome {
  const outcome = userChange((data) => withoutGuide(data, guide, now), now, { kind: 'reset', guide });
  if (outcome !== 'read-only') $announcement.set({ guide, reset: true });
  return outcome;
}

/** Notes a record's value now, or clears it when `value` is blank. */
export function setRecord(
  fieldId: RecordFieldId,
  value: string | undefined,
  now: Date = new Date(),
): SaveOutcome {
  const outcome = userChange((data) => withRecord(data, fieldId, value, now), now);
  if (outcome !== 'read-only') $announcement.set({ fieldId, saved: (value?.trim() ?? '') !== '' });
  return outcome;
}
