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
 * which were removed); it never writes. Every byte here is loaded by every guide at once.
 */
import { isPlainObject, isPlausibleTime, isUsableKey } from './progress-data';

const PREFIX = 'partner-guides:';

/** localStorage key of the index of registrations. */
export const REGISTRATIONS_KEY = `${PREFIX}registrations`;
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

/**
 * A stored or imported name made usable: control characters become spaces, trimmed, cut to the
 * limit. Here, not with the index (src/lib/registrations.ts), because a page names its registration
 * at load (src/lib/tab-label.ts).
 */
export function salvageRegistrationName(name: string): string {
  const spaced = name.replace(new RegExp(CONTROL_CHARACTER.source, 'gu'), ' ').trim();
  return [...spaced].slice(0, MAX_NAME_LENGTH).join('').trim();
}

/** Tells whether a value can be a registration id: 1 to 16 lower-case letters and digits. */
export function isRegistrationId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9]{1,16}$/.test(value) && isUsableKey(value);
}

/** The ids of the stored index that choosing a tab's registration needs. */
export interface IndexSummary {
  /** Ids of the registrations, oldest first (at most MAX_REGISTRATIONS). */
  live: string[];
  /** Ids of removed registrations, which never come back. */
  removed: string[];
}

/** The index as stored, parsed: any value with a `registrations` object (of any version), else undefined. */
export function parseIndex(raw: string | undefined): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(raw ?? '');
    return isPlainObject(parsed) && isPlainObject(parsed.registrations) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the stored index as far as choosing a registration needs, without ever throwing: entries with
 * an unusable id or implausible times are left out, a value that is no index has none (the
 * registrations store, src/stores/registrations.ts, reads it in full and keeps such a value aside).
 */
export function summarizeIndex(raw: string | undefined, now: Date = new Date()): IndexSummary {
  const parsed = parseIndex(raw);
  const removed = Object.entries(isPlainObject(parsed?.removed) ? parsed.removed : {})
    .filter(([id, at]) => isRegistrationId(id) && isPlausibleTime(at, now))
    .map(([id]) => id);
  const live = Object.entries((parsed?.registrations ?? {}) as Record<string, unknown>)
    .flatMap(([id, entry]) =>
      isRegistrationId(id) &&
      !removed.includes(id) &&
      isPlainObject(entry) &&
      isPlausibleTime(entry.createdAt, now)
        ? [[Date.parse(entry.createdAt), id] as const]
        : [],
    )
    .sort(([timeA, idA], [timeB, idB]) => timeA - timeB || (idA < idB ? -1 : 1))
    .slice(0, MAX_REGISTRATIONS)
    .map(([, id]) => id);
  return { live, removed };
}

/** Where a tab may take its registration from, most binding first. */
export interface RegistrationSources {
  /** The id a link names (`?r=`), as given: data from outside. */
  linked?: string | null;
  /** The tab's own, from sessionStorage. */
  tab?: string | undefined;
  /** The one last switched to or created in any tab. */
  last?: string | undefined;
  /** Whether registration `1` has stored progress: it exists then, even before the index lists it. */
  firstStored?: boolean;
}

/** The registration a tab works on, and whether a link named one this browser does not have. */
export interface TabRegistration {
  id: string;
  unknownLink: boolean;
}

/**
 * Chooses the registration of a tab: the one a link names if this browser has it; else the tab's
 * own (even one removed meanwhile: the tab then says so rather than move silently); else the one
 * last switched to or created; else the oldest; else registration `1`, which the first change
 * creates. Registration `1` exists as soon as its progress is stored, before the index lists it
 * (the progress store has it listed on demand: src/lib/index-entry.ts).
 */
export function chooseTabRegistration(
  index: IndexSummary,
  { linked, tab, last, firstStored }: RegistrationSources,
): TabRegistration {
  const first = FIRST_REGISTRATION_ID;
  const live =
    firstStored && !index.live.includes(first) && !index.removed.includes(first)
      ? [...index.live, first]
      : index.live;
  const unknownLink = !!linked && !live.includes(linked);
  const id =
    (linked && !unknownLink && linked) ||
    (isRegistrationId(tab) && (live.includes(tab) || index.removed.includes(tab)) && tab) ||
    (last && live.includes(last) && last) ||
    live[0] ||
    first;
  return { id, unknownLink };
}
