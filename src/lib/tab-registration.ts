/**
 * Which registration a tab works on, and the storage keys of registrations: the part of
 * registrations that every page with progress loads at once. Managing registrations (merging copies
 * of the index, adding, renaming, removing) is src/lib/registrations.ts, loaded only where needed.
 *
 * A registration is one company's progress. Keys, every one under `partner-guides:`:
 * - `partner-guides:registrations`: the index of registrations (shape and policy in
 *   src/lib/registrations.ts);
 * - `partner-guides:progress:<id>`: one registration's progress, a document of
 *   src/lib/progress-data.ts; an unreadable one is kept aside under `partner-guides:progress-backup:<id>`;
 * - `partner-guides:last-registration`: the registration last switched to or created in any tab,
 *   where a new tab starts;
 * - `partner-guides:tab-registration`, in sessionStorage: the registration of this tab, which a
 *   reload keeps and no other tab sees;
 * - `partner-guides:progress`: the one progress document of the site before registrations
 *   (versions 1 to 3), replaced by MOVED_MARKER once moved to registration `1`.
 *
 * This module reads the index only as far as choosing needs (which ids exist, in creation order, and
 * which were removed), and adds an entry to it without touching the others.
 */
import { isPlainObject, isPlausibleTime, isUsableKey } from './progress-data';

const PREFIX = 'partner-guides:';

/** localStorage key of the index of registrations. */
export const REGISTRATIONS_KEY = `${PREFIX}registrations`;
/** Where an unreadable index is kept aside before a new one is written. */
export const REGISTRATIONS_BACKUP_KEY = `${PREFIX}registrations-backup`;
/** localStorage key of the registration last switched to or created in any tab. */
export const LAST_REGISTRATION_KEY = `${PREFIX}last-registration`;
/** sessionStorage key of this tab's registration. */
export const TAB_REGISTRATION_KEY = `${PREFIX}tab-registration`;
/** The key of the site's progress before registrations; it now holds MOVED_MARKER. */
export const LEGACY_PROGRESS_KEY = `${PREFIX}progress`;
/** Where an unreadable value of LEGACY_PROGRESS_KEY is kept aside, as before registrations. */
export const LEGACY_BACKUP_KEY = `${PREFIX}progress-backup`;
/** The parameter of a page's address that names a registration: `?r=<id>`. */
export const REGISTRATION_PARAMETER = 'r';

/** The id of the registration that the progress stored before registrations becomes, and a fresh browser's first. */
export const FIRST_REGISTRATION_ID = '1';

/** Version of the index this code writes. */
export const REGISTRATIONS_VERSION = 1;

/** At most this many registrations are read from the index, oldest first. */
export const MAX_REGISTRATIONS = 100;

/**
 * What LEGACY_PROGRESS_KEY holds once its progress moved to registration `1`. A copy of the site
 * from before registrations, still open in another tab, reads it as progress of a newer version and
 * turns read-only by its own policy, instead of ticking into a key that nobody reads any more.
 */
export const MOVED_MARKER = JSON.stringify({ version: 4, movedTo: REGISTRATIONS_KEY });

/** localStorage key of one registration's progress. */
export const progressKeyOf = (id: string): string => `${PREFIX}progress:${id}`;

/** Where an unreadable value of one registration's progress is kept aside. */
export const progressBackupKeyOf = (id: string): string => `${PREFIX}progress-backup:${id}`;

/** The longest name of a registration, in characters (code points). */
export const MAX_NAME_LENGTH = 80;

/** Characters a name may not hold: C0 and C1 controls (line breaks included). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;

/** A stored or imported name made usable: control characters become spaces, trimmed, cut to the limit. */
export function salvageRegistrationName(name: string): string {
  const spaced = name.replace(new RegExp(CONTROL_CHARACTER.source, 'gu'), ' ').trim();
  return [...spaced].slice(0, MAX_NAME_LENGTH).join('').trim();
}

/** Tells whether a value can be a registration id: 1 to 16 lower-case letters and digits. */
export function isRegistrationId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9]{1,16}$/.test(value) && isUsableKey(value);
}

/** A new random registration id: 8 characters of base 36, from the browser's cryptographic random source. */
export function randomRegistrationId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => (byte % 36).toString(36)).join('');
}

/** What choosing a tab's registration needs to know of the stored index. */
export interface IndexSummary {
  /** Nothing stored, a readable index, one of a newer version (never written), or an unreadable value. */
  status: 'missing' | 'ok' | 'newer' | 'unreadable';
  /** Ids of the registrations, oldest first (at most MAX_REGISTRATIONS). */
  live: string[];
  /** Their names in the same order, made usable (salvageRegistrationName); '' for none. */
  names: string[];
  /** Ids of removed registrations, which never come back. */
  removed: string[];
  /** The version of an index of a newer version. */
  version?: number;
}

/** The index as stored, parsed; undefined when it is not an index of any version. */
function parseIndex(raw: string | undefined): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(raw ?? '');
    return isPlainObject(parsed) &&
      isPlainObject(parsed.registrations) &&
      Number.isInteger(parsed.version) &&
      (parsed.version as number) >= 1
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the stored index as far as choosing a registration needs, without ever throwing: entries with
 * an unusable id or implausible times are left out (src/lib/registrations.ts reads it in full).
 */
export function summarizeIndex(raw: string | undefined, now: Date = new Date()): IndexSummary {
  const parsed = parseIndex(raw);
  if (!parsed)
    return { status: raw === undefined ? 'missing' : 'unreadable', live: [], names: [], removed: [] };
  const removed = Object.entries(isPlainObject(parsed.removed) ? parsed.removed : {})
    .filter(([id, at]) => isRegistrationId(id) && isPlausibleTime(at, now))
    .map(([id]) => id);
  const entries = Object.entries(parsed.registrations as Record<string, unknown>)
    .flatMap(([id, entry]) =>
      isRegistrationId(id) &&
      !removed.includes(id) &&
      isPlainObject(entry) &&
      isPlausibleTime(entry.createdAt, now)
        ? [[Date.parse(entry.createdAt), id, entry.name] as const]
        : [],
    )
    .sort(([timeA, idA], [timeB, idB]) => timeA - timeB || (idA < idB ? -1 : 1))
    .slice(0, MAX_REGISTRATIONS);
  const live = entries.map(([, id]) => id);
  const names = entries.map(([, , name]) => (typeof name === 'string' ? salvageRegistrationName(name) : ''));
  const version = parsed.version as number;
  return version > REGISTRATIONS_VERSION
    ? { status: 'newer', live, names, removed, version }
    : { status: 'ok', live, names, removed };
}

/** Where a tab may take its registration from, most binding first. */
export interface RegistrationSources {
  /** The id a link names (`?r=`), as given: data from outside. */
  linked?: string | null;
  /** The tab's own, from sessionStorage. */
  tab?: string;
  /** The one last switched to or created in any tab. */
  last?: string;
}

/** The registration a tab works on, and whether a link named one this browser does not have. */
export interface TabRegistration {
  id: string;
  unknownLink: boolean;
}

/**
 * Chooses the registration of a tab: the one a link names if this browser has it; else the tab's
 * own (even one removed meanwhile: the tab then says so rather than move silently); else the one
 * last switched to or created; else the oldest. With none, registration `1` until it is removed,
 * then `newId()`: it is created by the first change.
 */
export function chooseTabRegistration(
  index: IndexSummary,
  { linked, tab, last }: RegistrationSources,
  newId: () => string = randomRegistrationId,
): TabRegistration {
  const unknownLink = !!linked && !index.live.includes(linked);
  const id =
    (linked && !unknownLink && linked) ||
    (isRegistrationId(tab) && (index.live.includes(tab) || index.removed.includes(tab)) && tab) ||
    (last && index.live.includes(last) && last) ||
    index.live[0] ||
    (index.removed.includes(FIRST_REGISTRATION_ID) ? newId() : FIRST_REGISTRATION_ID);
  return { id, unknownLink };
}

/**
 * The index text with `id` added as a registration without a name, created at `now`, every other
 * entry kept as stored; a fresh index when none is stored or the stored one cannot be read (keep it
 * aside first). Undefined when the index is of a newer version, which this code never writes.
 */
export function withIndexEntry(raw: string | undefined, id: string, now: Date): string | undefined {
  const parsed = parseIndex(raw) ?? { version: REGISTRATIONS_VERSION, registrations: {} };
  if ((parsed.version as number) > REGISTRATIONS_VERSION) return undefined;
  const at = now.toISOString();
  return JSON.stringify({
    ...parsed,
    version: REGISTRATIONS_VERSION,
    registrations: { ...(parsed.registrations as object), [id]: { name: '', createdAt: at, changedAt: at } },
  });
}
