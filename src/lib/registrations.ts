/**
 * The index of registrations, and how copies of it are read, merged and changed: loaded only where
 * registrations are managed (the home page, the hand-off page, the switcher's dialog), never at a
 * guide's load. Which registration a tab works on, and the keys, are src/lib/tab-registration.ts.
 *
 * Stored under the localStorage key `partner-guides:registrations` as JSON (keys sorted):
 *
 *   Version 1 (current):
 *   {
 *     "version": 1,
 *     "registrations": {
 *       "<id>": { "name": "<text>", "createdAt": "<ISO 8601>", "changedAt": "<ISO 8601>" }
 *     },
 *     "removed": { "<id>": "<ISO 8601 of the removal>" }
 *   }
 *
 * A registration is one company's progress, stored apart under `partner-guides:progress:<id>` in the
 * shape of src/lib/progress-data.ts. Ids are 1 to 16 lower-case letters and digits: `1` for the first
 * (the progress stored before registrations, or a fresh browser's first change), 8 random base-36
 * characters for the others. A name is what the user typed, trimmed: at most 80 characters, no
 * control character, possibly empty (the interface then shows "Registration 1", "Registration 2"…
 * by creation order). Registrations are listed by creation time. Registration `1` exists as soon as
 * its progress is stored: the guides, which do not load this module, never write the index, and the
 * registrations store lists `1` whenever it shows or changes registrations.
 *
 * Several tabs write the index, as they write progress: each change is applied to the freshest copy
 * and copies merge entry by entry (mergeRegistrations): for each id the entry changed last wins, and
 * a removed id never comes back, its removal ("removed", the newest 200 kept) winning over any copy
 * of the entry. At most 100 registrations.
 *
 * Migration policy, as for progress: every change to this shape raises `version`; an older index is
 * upgraded on read; an index of a newer version is never written (registrations are then read-only);
 * an unreadable one is kept aside under `partner-guides:registrations-backup` before anything is
 * written. The index was introduced with progress version 3 unchanged: the progress stored before it
 * under `partner-guides:progress` (versions 1 to 3) becomes registration `1` on the first load, that
 * key then holding `{"version": 4, "movedTo": "partner-guides:registrations"}`, which a copy of the
 * site from before registrations reads as newer progress and so shows read-only.
 */
import { isPlainObject, isPlausibleTime, parseVersioned, sortKeys } from './progress-data';
import {
  CONTROL_CHARACTER,
  MAX_NAME_LENGTH,
  MAX_REGISTRATIONS,
  REGISTRATIONS_VERSION,
  isRegistrationId,
  salvageRegistrationName,
} from './tab-registration';

/** Where an unreadable index is kept aside before a new one is written. */
export const REGISTRATIONS_BACKUP_KEY = 'partner-guides:registrations-backup';

/** Bounds of the index: registrations, removals remembered, and a name's length in characters. */
export const REGISTRATION_LIMITS = {
  registrations: MAX_REGISTRATIONS,
  removed: 200,
  nameLength: MAX_NAME_LENGTH,
} as const;

/** One registration as the index holds it. */
export interface Registration {
  /** The company's name as the user typed it, trimmed; empty for none. */
  name: string;
  createdAt: string;
  /** When the entry last changed (created, renamed): which of two copies wins is decided by it. */
  changedAt: string;
}

/** The index of registrations, in the current shape. */
export interface RegistrationIndex {
  version: typeof REGISTRATIONS_VERSION;
  /** Registrations by id. */
  registrations: Record<string, Registration>;
  /** Removal times by id. */
  removed: Record<string, string>;
}

/** One registration with its id, as lists show it. */
export interface ListedRegistration extends Registration {
  id: string;
}

/** What reading a stored index found (as decodeProgress reports stored progress). */
export type DecodedRegistrations =
  | { status: 'empty'; data: RegistrationIndex }
  | { status: 'ok'; data: RegistrationIndex }
  | {
      status: 'recovered';
      data: RegistrationIndex;
      raw: string;
      reason: 'not-json' | 'unknown-shape' | 'bad-entries';
    }
  | { status: 'newer'; data: RegistrationIndex; raw: string; version: number };

/** Why a name is refused. */
export type RegistrationNameProblem = 'too-long' | 'control-character';

/** An index with no registration. */
export function emptyRegistrations(): RegistrationIndex {
  return { version: REGISTRATIONS_VERSION, registrations: {}, removed: {} };
}

/** Why a name (before trimming) cannot be used, or undefined when it can. */
export function registrationNameProblem(name: string): RegistrationNameProblem | undefined {
  if (CONTROL_CHARACTER.test(name)) return 'control-character';
  if ([...name.trim()].length > REGISTRATION_LIMITS.nameLength) return 'too-long';
  return undefined;
}

/** A name as it is stored: trimmed. Check it with registrationNameProblem first. */
export function normalizeRegistrationName(name: string): string {
  return name.trim();
}

/** A stored or imported name made usable (src/lib/tab-registration.ts, which a page loads at once). */
export { salvageRegistrationName };

/** Reads one entry; undefined when its times are malformed or out of range. */
function readEntry(entry: unknown, now: Date): Registration | undefined {
  if (!isPlainObject(entry) || typeof entry.name !== 'string') return undefined;
  const { createdAt, changedAt } = entry;
  if (!isPlausibleTime(createdAt, now) || !isPlausibleTime(changedAt, now)) return undefined;
  return { name: salvageRegistrationName(entry.name), createdAt, changedAt };
}

/**
 * Reads a stored index (or its absence) without ever throwing. Entries with an unusable id or
 * implausible times are left out, a name with control characters or too long is made usable, and
 * registrations beyond the bound are left out (the newest); the value is then reported as recovered
 * so that the original is kept aside.
 */
export function decodeRegistrations(
  raw: string | null | undefined,
  now: Date = new Date(),
): DecodedRegistrations {
  if (raw === null || raw === undefined || raw === '') return { status: 'empty', data: emptyRegistrations() };
  const document = parseVersioned(raw);
  if ('reason' in document)
    return { status: 'recovered', data: emptyRegistrations(), raw, reason: document.reason };
  const { value: parsed, version } = document;
  const data = emptyRegistrations();
  let lossless =
    isPlainObject(parsed.registrations) && (parsed.removed === undefined || isPlainObject(parsed.removed));
  const removed = Object.entries(isPlainObject(parsed.removed) ? parsed.removed : {});
  for (const [id, at] of removed) {
    if (isRegistrationId(id) && isPlausibleTime(at, now)) data.removed[id] = at;
    else lossless = false;
  }
  const entries: ListedRegistration[] = [];
  for (const [id, value] of Object.entries(isPlainObject(parsed.registrations) ? parsed.registrations : {})) {
    const entry = isRegistrationId(id) ? readEntry(value, now) : undefined;
    if (!entry || (isPlainObject(value) && entry.name !== value.name)) lossless = false;
    // A removed registration is not read back, whatever a copy says (it is no loss).
    if (entry && !Object.hasOwn(data.removed, id)) entries.push({ id, ...entry });
  }
  const kept = byCreation(entries);
  if (kept.length > REGISTRATION_LIMITS.registrations) lossless = false;
  for (const { id, ...entry } of kept.slice(0, REGISTRATION_LIMITS.registrations))
    data.registrations[id] = entry;
  if (Object.keys(data.removed).length > REGISTRATION_LIMITS.removed) {
    data.removed = newestRemovals(data.removed);
    lossless = false;
  }
  if (version > REGISTRATIONS_VERSION) return { status: 'newer', data, raw, version };
  return lossless ? { status: 'ok', data } : { status: 'recovered', data, raw, reason: 'bad-entries' };
}

/** Entries in creation order, ties by id: the order of every list of registrations. */
function byCreation<T extends { id: string; createdAt: string }>(entries: T[]): T[] {
  return [...entries].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The newest removals, up to the bound (ties by id, the same in every tab). */
function newestRemovals(removed: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(removed)
      .sort(([idA, a], [idB, b]) => Date.parse(b) - Date.parse(a) || (idA < idB ? -1 : 1))
      .slice(0, REGISTRATION_LIMITS.removed),
  );
}

/** Serialises an index; the text is canonical (keys sorted), so equal indexes are equal text. */
export function encodeRegistrations(index: RegistrationIndex): string {
  return JSON.stringify(
    sortKeys({ version: REGISTRATIONS_VERSION, registrations: index.registrations, removed: index.removed }),
  );
}

/** Tells whether two indexes hold the same registrations and removals. */
export function sameRegistrations(a: RegistrationIndex, b: RegistrationIndex): boolean {
  return encodeRegistrations(a) === encodeRegistrations(b);
}

/** Of two versions of an entry, the one changed last; ties are broken the same way in every tab. */
function laterEntry(a: Registration | undefined, b: Registration | undefined): Registration | undefined {
  if (!a || !b) return a ?? b;
  const difference = Date.parse(a.changedAt) - Date.parse(b.changedAt);
  if (difference !== 0) return difference > 0 ? a : b;
  return JSON.stringify(sortKeys(a)) >= JSON.stringify(sortKeys(b)) ? a : b;
}

/**
 * Merges two copies of the index: a removal wins over any copy of the entry (the later removal time
 * is kept, the newest 200 removals in all), and otherwise the entry changed last wins. Two tabs that
 * each merge what they hold with what the other wrote reach the same index.
 */
export function mergeRegistrations(a: RegistrationIndex, b: RegistrationIndex): RegistrationIndex {
  const removed: Record<string, string> = { ...a.removed };
  for (const [id, at] of Object.entries(b.removed)) {
    const mine = removed[id];
    if (
      mine === undefined ||
      Date.parse(at) > Date.parse(mine) ||
      (at > mine && Date.parse(at) === Date.parse(mine))
    )
      removed[id] = at;
  }
  const merged: RegistrationIndex = { ...emptyRegistrations(), removed: newestRemovals(removed) };
  for (const id of new Set([...Object.keys(a.registrations), ...Object.keys(b.registrations)])) {
    if (Object.hasOwn(removed, id)) continue;
    const winner = laterEntry(a.registrations[id], b.registrations[id]);
    if (winner) merged.registrations[id] = winner;
  }
  return merged;
}

/** The registrations in creation order, each with its id. */
export function listRegistrations(index: RegistrationIndex): ListedRegistration[] {
  return byCreation(Object.entries(index.registrations).map(([id, entry]) => ({ id, ...entry })));
}

/** Tells whether the index holds a registration (not removed) of this id. */
export function hasRegistration(index: RegistrationIndex, id: string): boolean {
  return Object.hasOwn(index.registrations, id);
}

/**
 * The name to show for a registration: its own, or the default (`template`, whose `{number}` is its
 * place in creation order, from 1) when it has none. Undefined for an id the index does not hold.
 */
export function registrationLabel(
  index: RegistrationIndex,
  id: string,
  template: string,
): string | undefined {
  const list = listRegistrations(index);
  const position = list.findIndex((entry) => entry.id === id);
  if (position < 0) return undefined;
  return list[position]!.name || template.replaceAll('{number}', String(position + 1));
}

/** A new random registration id: 8 characters of base 36, from the browser's cryptographic random source. */
export function randomRegistrationId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => (byte % 36).toString(36)).join('');
}

/**
 * An id for a registration added by the user: a random one (`randomId`, the browser's cryptographic
 * source unless told) that no registration has or had.
 */
export function newRegistrationId(
  index: RegistrationIndex,
  randomId: () => string = randomRegistrationId,
): string {
  for (;;) {
    const id = randomId();
    if (isRegistrationId(id) && !Object.hasOwn(index.registrations, id) && !Object.hasOwn(index.removed, id))
      return id;
  }
}

/**
 * The index with a registration added under `id`, named `name` (trimmed), created at `now`.
 * Unchanged when the id is taken (or was), the name is refused, or the bound is reached.
 */
export function withRegistration(
  index: RegistrationIndex,
  id: string,
  name: string,
  now: Date = new Date(),
): RegistrationIndex {
  if (
    !isRegistrationId(id) ||
    Object.hasOwn(index.registrations, id) ||
    Object.hasOwn(index.removed, id) ||
    registrationNameProblem(name) ||
    Object.keys(index.registrations).length >= REGISTRATION_LIMITS.registrations
  )
    return index;
  const at = now.toISOString();
  return {
    ...index,
    registrations: {
      ...index.registrations,
      [id]: { name: normalizeRegistrationName(name), createdAt: at, changedAt: at },
    },
  };
}

/** The index with a registration renamed at `now`; unchanged when it has no such registration or the name is refused. */
export function withRegistrationName(
  index: RegistrationIndex,
  id: string,
  name: string,
  now: Date = new Date(),
): RegistrationIndex {
  const entry = hasRegistration(index, id) ? index.registrations[id] : undefined;
  if (!entry || registrationNameProblem(name)) return index;
  const trimmed = normalizeRegistrationName(name);
  if (entry.name === trimmed) return index;
  return {
    ...index,
    registrations: {
      ...index.registrations,
      [id]: { ...entry, name: trimmed, changedAt: now.toISOString() },
    },
  };
}

/** The index without a registration, its removal noted at `now` so that no copy brings it back. */
export function withoutRegistration(
  index: RegistrationIndex,
  id: string,
  now: Date = new Date(),
): RegistrationIndex {
  if (!isRegistrationId(id)) return index;
  const registrations = { ...index.registrations };
  delete registrations[id];
  return { ...index, registrations, removed: newestRemovals({ ...index.removed, [id]: now.toISOString() }) };
}
