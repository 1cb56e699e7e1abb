import { atom, onMount } from 'nanostores';
import { decodeProgress, encodeProgress, type ProgressData } from '../lib/progress-data';
import { checkStoredRecord } from '../lib/records';
import {
  REGISTRATIONS_BACKUP_KEY,
  decodeRegistrations,
  encodeRegistrations,
  hasRegistration,
  listRegistrations,
  mergeRegistrations,
  newRegistrationId,
  registrationNameProblem,
  sameRegistrations,
  withRegistration,
  withRegistrationName,
  withoutRegistration,
  type Registration,
  type RegistrationIndex,
} from '../lib/registrations';
import {
  FIRST_REGISTRATION_ID,
  LAST_REGISTRATION_KEY,
  REGISTRATIONS_KEY,
  REGISTRATION_PARAMETER,
  TAB_REGISTRATION_KEY,
  progressBackupKeyOf,
  progressKeyOf,
} from '../lib/tab-registration';
import {
  $announcement,
  $lastUndoable,
  $progress,
  $registrationId,
  changeProgress,
  showRegistration,
  type SaveOutcome,
} from './progress';
import { getStorageEvents, readStored, removeStored, writeStored, writeTabStored } from './storage-engine';

/**
 * The registrations of this browser (the index, src/lib/registrations.ts) and the actions that
 * manage them: switching this tab, adding, renaming, removing. Loaded only where registrations are
 * managed or listed; the progress store (stores/progress.ts) knows which registration this tab is
 * on without this module.
 *
 * As with progress, every change is applied to the freshest stored index merged with what this tab
 * holds and written at once, and the index of other tabs is merged in as it arrives (the storage
 * event), written back when the other tab's copy lacked something.
 *
 * Public API:
 * - `$registrations`: the index, validated, following other tabs;
 * - `$registrationId`, `$registrationProblem` (from stores/progress.ts, which the guides load at
 *   once): the id this tab works on, and what is wrong with it (removed in another tab, or a link
 *   that named one this browser does not have);
 * - `switchRegistration(id)`, `addRegistration(name)`, `renameRegistration(id, name)`,
 *   `removeRegistration(id)`: the actions; `createRegistration(name)` adds one without switching,
 *   and `changeRegistrationProgress(id, apply)` changes any registration's progress (imports);
 * - `readRegistrationProgress(id)`, `readRegistration(id)`: any registration's progress and entry
 *   (name, times), read-only, for overviews and export;
 * - `$registrationsReadOnly`: true while the stored index is of a newer version (actions refuse).
 */

export { $registrationId, $registrationProblem, type RegistrationProblem } from './progress';

/** True while the stored index was written by a newer version of the site: it is never written then. */
export const $registrationsReadOnly = atom(false);

/** The unreadable index already kept aside, so that it is written only once. */
let keptAside: string | undefined;

/** Reads a stored index, keeping an unreadable one aside; false when that backup failed (write nothing). */
function decodeStored(raw: string | undefined): { data: RegistrationIndex; writable: boolean } {
  const decoded = decodeRegistrations(raw);
  $registrationsReadOnly.set(decoded.status === 'newer');
  if (decoded.status === 'recovered' && keptAside !== decoded.raw) {
    if (!writeStored(REGISTRATIONS_BACKUP_KEY, decoded.raw)) return { data: decoded.data, writable: false };
    keptAside = decoded.raw;
  }
  return { data: decoded.data, writable: decoded.status !== 'newer' };
}

/** The registrations of this browser, in the index's shape; list them with listRegistrations. */
export const $registrations = atom<RegistrationIndex>(decodeStored(readStored(REGISTRATIONS_KEY)).data);

/** The stored text this tab last read or wrote. */
let lastSeen: string | undefined;

/** Takes in the stored index (another tab's change), merged with what this tab holds. */
function takeStored(raw: string | undefined): void {
  if (raw === lastSeen) return;
  lastSeen = raw;
  const { data: incoming, writable } = decodeStored(raw);
  // Cleared on purpose (the browser's site data settings): start over, as asked.
  if (raw === undefined || !writable) {
    $registrations.set(incoming);
    return;
  }
  const merged = mergeRegistrations(incoming, $registrations.get());
  $registrations.set(merged);
  if (!sameRegistrations(merged, incoming)) {
    const text = encodeRegistrations(merged);
    if (writeStored(REGISTRATIONS_KEY, text)) lastSeen = text;
  }
}

const onStorage = (event: { key: string | null }): void => {
  if (event.key === null || event.key === REGISTRATIONS_KEY) takeStored(readStored(REGISTRATIONS_KEY));
};
const onPageShow = (): void => takeStored(readStored(REGISTRATIONS_KEY));

onMount($registrations, () => {
  onPageShow();
  // Whoever shows registrations finds registration 1 listed if it exists.
  listFirst();
  const events = getStorageEvents();
  events.addEventListener(REGISTRATIONS_KEY, onStorage, onPageShow);
  // This tab's first change creates registration 1 (its progress), which the index then lists.
  const stopFollowing = $progress.listen(listFirst);
  return () => {
    stopFollowing();
    events.removeEventListener(REGISTRATIONS_KEY, onStorage, onPageShow);
  };
});

/**
 * The index with registration `1` listed (unnamed, created at `now`) if its progress is stored and
 * the index neither lists it nor removed it: a fresh browser's first change and the move of the
 * progress stored before registrations create it without the index, which the guides do not load.
 */
function withFirstListed(index: RegistrationIndex, now: Date = new Date()): RegistrationIndex {
  return readStored(progressKeyOf(FIRST_REGISTRATION_ID)) === undefined
    ? index
    : withRegistration(index, FIRST_REGISTRATION_ID, '', now);
}

/**
 * Applies a change to the freshest index (storage now, merged with this tab's copy, registration `1`
 * listed if it exists) and writes it at once.
 */
function changeRegistrations(apply: (index: RegistrationIndex) => RegistrationIndex): SaveOutcome {
  const { data: fresh, writable } = decodeStored(readStored(REGISTRATIONS_KEY));
  if ($registrationsReadOnly.get()) {
    $registrations.set(fresh);
    return 'read-only';
  }
  const next = apply(withFirstListed(mergeRegistrations(fresh, $registrations.get())));
  $registrations.set(next);
  if (!writable) return 'not-saved';
  const text = encodeRegistrations(next);
  if (!writeStored(REGISTRATIONS_KEY, text)) return 'not-saved';
  lastSeen = text;
  return 'saved';
}

/**
 * Makes `id` this tab's registration and the one new tabs start on; the offer to undo and the last
 * announcement, which concern the registration left, end.
 */
function adopt(id: string): void {
  writeTabStored(TAB_REGISTRATION_KEY, id);
  writeStored(LAST_REGISTRATION_KEY, id);
  $lastUndoable.set(undefined);
  $announcement.set(undefined);
  showRegistration(id);
  // A link that named the registration left would bring it back on reload: it names this one now.
  if (typeof location === 'object' && new URLSearchParams(location.search).has(REGISTRATION_PARAMETER)) {
    const url = new URL(location.href);
    url.searchParams.set(REGISTRATION_PARAMETER, id);
    history.replaceState(history.state, '', url);
  }
}

/** The freshest index: storage now, merged with this tab's copy, registration `1` listed if it exists. */
const freshIndex = (): RegistrationIndex =>
  withFirstListed(mergeRegistrations(decodeStored(readStored(REGISTRATIONS_KEY)).data, $registrations.get()));

/** Lists registration `1` in the stored index once its progress exists (see withFirstListed). */
function listFirst(): void {
  if (!$registrationsReadOnly.get() && !sameRegistrations(freshIndex(), $registrations.get()))
    changeRegistrations((index) => index);
}

/** Tells whether the freshest index has registration `id`. */
const switchable = (id: string): boolean => hasRegistration(freshIndex(), id);

/** Registration `id` as the freshest index holds it (its name, its times), or undefined. */
export function readRegistration(id: string): Registration | undefined {
  const index = freshIndex();
  return hasRegistration(index, id) ? index.registrations[id] : undefined;
}

/**
 * Switches this tab (and no other) to registration `id`: its progress is shown, the offer to undo a
 * change made on the one left ends, and new tabs start on it. False, and nothing changes, when this
 * browser has no such registration.
 */
export function switchRegistration(id: string): boolean {
  if (!switchable(id)) return false;
  if (id !== $registrationId.get() || readStored(LAST_REGISTRATION_KEY) !== id) adopt(id);
  return true;
}

/**
 * Adds a registration named `name` (trimmed; may be empty) without switching this tab to it (an
 * import of several). Returns its id, or undefined when nothing was added: the name is refused (see
 * registrationNameProblem), there are already 100 registrations, or the index is read-only.
 */
export function createRegistration(name: string, now: Date = new Date()): string | undefined {
  let id: string | undefined;
  const outcome = changeRegistrations((index) => {
    const candidate = newRegistrationId(index);
    const next = withRegistration(index, candidate, name, now);
    id = next === index ? undefined : candidate;
    return next;
  });
  return outcome === 'read-only' ? undefined : id;
}

/**
 * Adds a registration named `name` (trimmed; may be empty) and switches this tab to it. Returns its
 * id, or undefined when nothing was added (see createRegistration).
 */
export function addRegistration(name: string, now: Date = new Date()): string | undefined {
  const id = createRegistration(name, now);
  if (id !== undefined) adopt(id);
  return id;
}

/**
 * Applies a change to the freshest progress of registration `id` and writes it at once, as
 * changeProgress does for this tab's (which it calls for that one): an import of several
 * registrations, and its undoing. 'read-only' when that progress is of a newer version, the index is
 * read-only or this browser has no such registration; an unreadable value is kept aside first, and
 * left where it is ('not-saved') when that fails.
 */
export function changeRegistrationProgress(
  id: string,
  apply: (data: ProgressData) => ProgressData,
): SaveOutcome {
  if (id === $registrationId.get()) return changeProgress(apply);
  if ($registrationsReadOnly.get() || !switchable(id)) return 'read-only';
  const key = progressKeyOf(id);
  const fresh = decodeProgress(readStored(key), { checkRecord: checkStoredRecord });
  if (fresh.status === 'newer') return 'read-only';
  if (fresh.status === 'recovered' && !writeStored(progressBackupKeyOf(id), fresh.raw)) return 'not-saved';
  return writeStored(key, encodeProgress(apply(fresh.data))) ? 'saved' : 'not-saved';
}

/**
 * Renames a registration at `now`. 'refused', and nothing changes, when the name is refused (see
 * registrationNameProblem) or this browser has no such registration.
 */
export function renameRegistration(
  id: string,
  name: string,
  now: Date = new Date(),
): SaveOutcome | 'refused' {
  if (registrationNameProblem(name) || !switchable(id)) return 'refused';
  return changeRegistrations((index) => withRegistrationName(index, id, name, now));
}

/**
 * Removes a registration and its stored progress; its id is never used again. A tab on it turns
 * read-only and says so (stores/progress.ts). This tab, if it was on it, switches to the oldest
 * remaining registration; removing the last one adds a fresh one without a name, in the same write,
 * so that every tab always has one to start on.
 */
export function removeRegistration(id: string, now: Date = new Date()): SaveOutcome | 'refused' {
  if (!switchable(id)) return 'refused';
  let fresh: string | undefined;
  const outcome = changeRegistrations((index) => {
    const rest = withoutRegistration(index, id, now);
    if (listRegistrations(rest).length > 0) return rest;
    fresh = newRegistrationId(rest);
    return withRegistration(rest, fresh, '', now);
  });
  if (outcome === 'read-only') return outcome;
  removeStored(progressKeyOf(id));
  removeStored(progressBackupKeyOf(id));
  const next = fresh ?? listRegistrations($registrations.get())[0]?.id;
  if (next && $registrationId.get() === id) adopt(next);
  return outcome;
}

/**
 * The progress of any registration of this browser as stored, validated, for overviews and export;
 * reading changes nothing (an unreadable value gives what could be read, and is kept aside only when
 * a tab works on it). Empty progress for an id this browser has no progress for.
 */
export function readRegistrationProgress(id: string): ProgressData {
  return decodeProgress(readStored(progressKeyOf(id)), { checkRecord: checkStoredRecord }).data;
}
