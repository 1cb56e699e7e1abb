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
  type RecordChecker,
} from '../lib/progress-data';
import type { RecordFieldId } from '../lib/records';
import {
  FIRST_REGISTRATION_ID,
  LAST_REGISTRATION_KEY,
  LEGACY_BACKUP_KEY,
  LEGACY_PROGRESS_KEY,
  MOVED_MARKER,
  REGISTRATIONS_KEY,
  REGISTRATION_PARAMETER,
  TAB_REGISTRATION_KEY,
  chooseTabRegistration,
  isRegistrationId,
  progressBackupKeyOf,
  progressKeyOf,
  summarizeIndex,
  type IndexSummary,
} from '../lib/tab-registration';
import {
  getStorageEvents,
  pageParameter,
  readStored,
  readTabStored,
  writeStored,
  writeTabStored,
} from './storage-engine';

/**
 * The checklist progress of the registration this tab works on, shared by every tab on the same one.
 *
 * Every change is made on the freshest copy there is: what storage holds at that moment, merged
 * with what this tab holds (see mergeProgress), and is written back at once. A tab whose main
 * thread was busy may handle a click before the browser tells it of another tab's change, so what
 * storage returns can be stale; that is why a tab also merges every change it hears of with what
 * it holds, and writes the merge back when the other tab's copy lacked something. Every change
 * from every tab survives and all tabs reach the same progress, with no lock and no polling.
 *
 * Registrations (src/lib/tab-registration.ts for the keys): each tab works on one, kept in
 * sessionStorage; this store reads and writes that registration's key only, and ignores changes to
 * the others, and never writes the index. A fresh browser has none until the first change creates
 * registration `1` (its progress); the progress stored before registrations moves to registration
 * `1` on the first load. Registration `1` exists as soon as its progress is stored: the registrations
 * store (stores/registrations.ts), which the guides do not load at once, lists it in the index. When another tab removes
 * this tab's registration, this tab turns read-only and says so ($registrationProblem) until the
 * user switches (stores/registrations.ts), so that a later tick cannot bring the removed one back.
 */

/** A problem found while reading storage, for the notice shown to the user. */
export type StorageProblem =
  { kind: 'recovered'; backupKey: string } | { kind: 'newer'; version: number } | { kind: 'backup-failed' };

/** The latest problem found in stored progress, if any; the interface shows it as a notice. */
export const $storageProblem = atom<StorageProblem | undefined>(undefined);

/** A problem with the registration of this tab, for the interface to show. */
export type RegistrationProblem =
  /** Another tab removed this tab's registration: progress is read-only until the user switches. */
  | { kind: 'registration-removed'; id: string }
  /** A link named a registration this browser does not have; the tab stayed where it was. */
  | { kind: 'unknown-registration'; id?: string };

/**
 * True while this tab cannot write its progress: storage holds it from a newer version of the site,
 * or another tab removed the registration. Ticking is then disabled.
 */
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

/** True while an unreadable value of the old key could not be kept aside: this tab then writes nothing. */
let legacyHeld = false;

/** Whether the stored progress is of a newer version, and whether the index says the registration was removed. */
let progressNewer = false;
let removed = false;
const updateReadOnly = (): void => $progressReadOnly.set(progressNewer || removed);

/**
 * Moves the progress stored before registrations (versions 1 to 3) to registration `1`, merged with
 * what that registration may already hold (two tabs of this code moving it at the same moment meet
 * there), then leaves MOVED_MARKER in its place. An unreadable value is kept aside first, as before;
 * whatever cannot be done safely (a write refused, a value of a newer version) leaves the old value
 * where it is, to be moved on a later load. When the backup itself is refused, this tab writes
 * nothing, as before registrations, and returns what could be read for registration `1` to show.
 */
function moveLegacyProgress(now: Date): ProgressData | undefined {
  const legacy = decodeProgress(readStored(LEGACY_PROGRESS_KEY));
  // Nothing stored, the marker (version 4), or a newer site's value: nothing to move, nothing overwritten.
  if (legacy.status === 'empty' || legacy.status === 'newer') return;
  const first = decodeProgress(readStored(progressKeyOf(FIRST_REGISTRATION_ID)));
  if (summarizeIndex(readStored(REGISTRATIONS_KEY), now).removed.includes(FIRST_REGISTRATION_ID)) return;
  if (first.status !== 'ok' && first.status !== 'empty') return;
  if (legacy.status === 'recovered') {
    if (!writeStored(LEGACY_BACKUP_KEY, legacy.raw)) {
      legacyHeld = true;
      $storageProblem.set({ kind: 'backup-failed' });
      return legacy.data;
    }
    $storageProblem.set({ kind: 'recovered', backupKey: LEGACY_BACKUP_KEY });
  }
  // Registration 1 exists from now on: the registrations store lists it once registrations are managed.
  if (
    writeStored(progressKeyOf(FIRST_REGISTRATION_ID), encodeProgress(mergeProgress(first.data, legacy.data)))
  )
    writeStored(LEGACY_PROGRESS_KEY, MOVED_MARKER);
}

const heldLegacy = moveLegacyProgress(new Date());

const startIndex = summarizeIndex(readStored(REGISTRATIONS_KEY));
const linked = pageParameter(REGISTRATION_PARAMETER);
const start = chooseTabRegistration(startIndex, {
  linked,
  tab: readTabStored(TAB_REGISTRATION_KEY),
  last: readStored(LAST_REGISTRATION_KEY),
  firstStored: readStored(progressKeyOf(FIRST_REGISTRATION_ID)) !== undefined,
});
// The tab keeps the registration it starts on, whatever other tabs switch to; a link is a switch.
if (!startIndex.removed.includes(start.id)) writeTabStored(TAB_REGISTRATION_KEY, start.id);
if (linked === start.id) writeStored(LAST_REGISTRATION_KEY, start.id);

/** The id of the registration this tab works on (which may not exist yet: the first change creates it). */
export const $registrationId = atom<string>(start.id);

/** What is wrong with the registration of this tab, if anything; the interface says it. */
export const $registrationProblem = atom<RegistrationProblem | undefined>(
  start.unknownLink
    ? { kind: 'unknown-registration', ...(isRegistrationId(linked) ? { id: linked } : {}) }
    : undefined,
);

const progressKey = (): string => progressKeyOf($registrationId.get());

/** Takes in what the index says of this tab's registration: whether another tab removed it. */
function applyIndex(index: IndexSummary): void {
  const id = $registrationId.get();
  removed = index.removed.includes(id);
  if (removed) $registrationProblem.set({ kind: 'registration-removed', id });
  else if ($registrationProblem.get()?.kind === 'registration-removed') $registrationProblem.set(undefined);
  updateReadOnly();
}

/** Keeps an unreadable value aside so nothing is silently thrown away. */
function keepAside(raw: string): void {
  const backupKey = progressBackupKeyOf($registrationId.get());
  // The engine would give back a value it failed to write, so whether the backup was kept is
  // known only from the write itself.
  if (keptAside !== raw && writeStored(backupKey, raw)) keptAside = raw;
  holdWrites = keptAside !== raw;
  $storageProblem.set(holdWrites ? { kind: 'backup-failed' } : { kind: 'recovered', backupKey });
}

/**
 * The checks a record must pass before anything shows or sends it (src/lib/records.ts), given by
 * the first module that does (startRecordChecks). Until then records are held as read, with the
 * checks of their shape only: a guide shows its ticks without loading every field's checks first.
 */
let recordCheck: RecordChecker | undefined;

/** True when the last value read held records the checks refused: storage must then be written. */
let refusedOnRead = false;

/**
 * `data` without the records `recordCheck` refuses, each removed as a cleared field is, at a time
 * after the record's own, so that a tab still holding the record unchecked takes the removal in
 * instead of writing the record back. The stored value `raw` is kept aside first.
 */
function withoutRefusedRecords(data: ProgressData, raw: string | undefined): ProgressData {
  const now = new Date();
  const refused = Object.entries(data.records).filter(
    ([fieldId, record]) => recordCheck?.(fieldId, record.value, now) !== undefined,
  );
  if (refused.length === 0) return data;
  if (raw !== undefined) keepAside(raw);
  return refused.reduce(
    (result, [fieldId, record]) =>
      withRecord(
        result,
        fieldId,
        undefined,
        new Date(Math.max(now.getTime(), Date.parse(record.updatedAt) + 1)),
      ),
    data,
  );
}

/**
 * Reads a stored value, keeping an unreadable one aside and noting a newer one; records the checks
 * refuse are left out (see withoutRefusedRecords).
 */
function decodeStored(raw: string | undefined): ProgressData {
  const decoded = decodeProgress(raw);
  progressNewer = decoded.status === 'newer';
  updateReadOnly();
  if (decoded.status === 'recovered') keepAside(decoded.raw);
  else {
    holdWrites = false;
    if (decoded.status === 'newer') $storageProblem.set({ kind: 'newer', version: decoded.version });
    // A value written by a newer tab and then replaced by a readable one ends read-only mode.
    else if ($storageProblem.get()?.kind === 'newer') $storageProblem.set(undefined);
  }
  const data = withoutRefusedRecords(decoded.data, raw);
  refusedOnRead = data !== decoded.data;
  return data;
}

/**
 * Writes progress unless writing is held back. Returns the text the browser kept, which is what this
 * tab has now seen in storage, or undefined when nothing was kept.
 */
function persist(data: ProgressData): string | undefined {
  if (holdWrites || legacyHeld || $progressReadOnly.get()) return undefined;
  const text = encodeProgress(data);
  return writeStored(progressKey(), text) ? text : undefined;
}

applyIndex(startIndex);

/**
 * Ticks and records of every guide in this tab's registration; changes with user actions, other
 * tabs, back/forward navigation and switching registrations.
 */
export const $progress = atom<ProgressData>(
  heldLegacy && start.id === FIRST_REGISTRATION_ID
    ? mergeProgress(decodeStored(readStored(progressKey())), heldLegacy)
    : decodeStored(readStored(progressKey())),
);

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
  // The other tab wrote without something this tab holds, or with a record the checks refuse:
  // write the merge back for every tab.
  if (refusedOnRead || !sameProgress(merged, incoming)) lastSeen = persist(merged) ?? lastSeen;
}

/** Hears of other tabs' changes: to the index (a removal) and to this tab's registration only. */
const onStorage = (event: { key: string | null }): void => {
  if (event.key === null || event.key === REGISTRATIONS_KEY)
    applyIndex(summarizeIndex(readStored(REGISTRATIONS_KEY)));
  // A removed registration stays on screen, read-only, as it was when it was removed.
  if (!removed && (event.key === null || event.key === progressKey())) takeStored(readStored(progressKey()));
};
const onPageShow = (): void => onStorage({ key: null });

onMount($progress, () => {
  onPageShow();
  const events = getStorageEvents();
  events.addEventListener(REGISTRATIONS_KEY, onStorage, onPageShow);
  return () => events.removeEventListener(REGISTRATIONS_KEY, onStorage, onPageShow);
});

/**
 * Makes this tab work on registration `id` (stores/registrations.ts checks that it exists, remembers
 * the choice and ends the offer to undo): its progress is read afresh, and the problems of the
 * registration left end.
 */
export function showRegistration(id: string): void {
  $registrationId.set(id);
  keptAside = undefined;
  legacyHeld = false;
  $registrationProblem.set(undefined);
  $storageProblem.set(undefined);
  applyIndex(summarizeIndex(readStored(REGISTRATIONS_KEY)));
  lastSeen = readStored(progressKey());
  $progress.set(decodeStored(lastSeen));
}

/**
 * Applies a change to the freshest progress (storage now, merged with this tab's copy) and writes it
 * at once. Does nothing while progress is read-only. The import, in its own module, uses it too.
 * The first change of a registration that does not exist yet (`1` in a fresh browser) creates it.
 */
export function changeProgress(apply: (data: ProgressData) => ProgressData): SaveOutcome {
  if ($progressReadOnly.get()) return 'read-only';
  const fresh = decodeStored(readStored(progressKey()));
  // The index is read afresh too: another tab may have removed this registration a moment ago.
  applyIndex(summarizeIndex(readStored(REGISTRATIONS_KEY)));
  if ($progressReadOnly.get()) {
    $progress.set(fresh);
    return 'read-only';
  }
  const next = apply(mergeProgress(fresh, $progress.get()));
  // Stored before it is shown, so that whoever follows the store finds it in storage too.
  const written = persist(next);
  if (written !== undefined) lastSeen = written;
  $progress.set(next);
  return written === undefined ? 'not-saved' : 'saved';
}

/**
 * Checks every record with `check` from now on: those it refuses are removed from this tab's
 * progress and from storage (see withoutRefusedRecords). Whatever shows, sends or exports records
 * calls it before reading them.
 */
export function startRecordChecks(check: RecordChecker): void {
  if (recordCheck) return;
  recordCheck = check;
  // Its value, not get(): reading must not start the store (and its storage events) on its own.
  const held = $progress.value ?? emptyProgress();
  const checked = withoutRefusedRecords(held, undefined);
  if (checked === held) return;
  // Storage read afresh leaves them out too, with their removals, which win the merge with `held`.
  if (changeProgress((data) => data) === 'read-only') $progress.set(checked);
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
