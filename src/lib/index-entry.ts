/**
 * Listing a registration in the index from a page that does not load the registrations store (a
 * guide): loaded on demand by the progress store (src/stores/progress.ts) when its tab works on a
 * registration that has stored progress but is not listed yet: a fresh browser's first change, or
 * the progress moved from before registrations. The storage comes from the caller, so that this
 * module holds no state of its own.
 */
import { isPlainObject } from './progress-data';
import {
  LAST_REGISTRATION_KEY,
  REGISTRATIONS_BACKUP_KEY,
  REGISTRATIONS_KEY,
  REGISTRATIONS_VERSION,
  TAB_REGISTRATION_KEY,
  parseIndex,
} from './tab-registration';

/** The storage a registration is listed through: the progress store's guarded storage. */
export interface EntryStorage {
  read(key: string): string | undefined;
  /** Writes a value; false when the browser did not keep it. */
  write(key: string, value: string): boolean;
  /** Writes a value of this tab's own storage (sessionStorage). */
  writeTab(key: string, value: string): void;
}

/**
 * The index text with `id` added as a registration without a name, created at `now`, every other
 * entry kept as stored; a fresh index when none can be read. Undefined when there is nothing to
 * add (the index lists `id` or removed it) or the index is of a newer version, never written.
 */
export function withIndexEntry(raw: string | undefined, id: string, now: Date): string | undefined {
  const parsed = parseIndex(raw);
  const index = parsed && Number.isInteger(parsed.version) ? parsed : { registrations: {} };
  const removed = isPlainObject(index.removed) ? index.removed : {};
  const registrations = index.registrations as Record<string, unknown>;
  if (
    (index.version as number) > REGISTRATIONS_VERSION ||
    Object.hasOwn(registrations, id) ||
    Object.hasOwn(removed, id)
  )
    return undefined;
  const at = now.toISOString();
  return JSON.stringify({
    ...index,
    version: REGISTRATIONS_VERSION,
    registrations: { ...registrations, [id]: { name: '', createdAt: at, changedAt: at } },
  });
}

/**
 * Lists registration `id` (unnamed, created at `now`) in the freshest stored index, and makes it
 * this tab's and the last one used, as creating a registration does. An index that cannot be read is
 * kept aside first, and nothing is written if that fails. Returns whether the index now lists it
 * because of this call.
 */
export function listRegistration(storage: EntryStorage, id: string, now: Date = new Date()): boolean {
  const raw = storage.read(REGISTRATIONS_KEY);
  const text = withIndexEntry(raw, id, now);
  if (text === undefined) return false;
  const unreadable = raw !== undefined && !Number.isInteger(parseIndex(raw)?.version);
  if (unreadable && !storage.write(REGISTRATIONS_BACKUP_KEY, raw)) return false;
  if (!storage.write(REGISTRATIONS_KEY, text)) return false;
  storage.writeTab(TAB_REGISTRATION_KEY, id);
  storage.write(LAST_REGISTRATION_KEY, id);
  return true;
}
