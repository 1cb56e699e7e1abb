/**
 * Moving progress between browsers (or keeping a copy) as a file.
 *
 * Format, version 3 (current): a JSON object holding one registration or several (up to 100)
 *
 *   {
 *     "format": "partner-guides-progress",
 *     "version": 3,
 *     "exportedAt": "<ISO 8601 date-time, UTC>",
 *     "registrations": [
 *       {
 *         "name": "<the registration's name, possibly empty>",
 *         "guides": { "<guide id>": { "<step id>": { "tickedAt": "<ISO 8601 date-time>" } } },
 *         "records": { "<record field id>": { "value": "<text>", "updatedAt": "<ISO 8601 date-time>" } }
 *       }
 *     ]
 *   }
 *
 * Version 2 files hold one registration's "guides" and "records" at the top, without a name;
 * version 1 files the same without "records". Both are read as one registration without a name. A
 * file carries what is ticked and noted, not the removal times that stored progress keeps for
 * merging tabs (progress version 3). Migration policy: a file of an older version is upgraded (with
 * PROGRESS_MIGRATIONS for its progress), a file of a newer version is refused (this copy of the site
 * cannot know what it would drop), and "format" tells our files from any other JSON.
 *
 * A file is data from outside. A file whose structure is wrong is refused whole. Within a sound
 * file, every entry gets the checks a typed value gets (src/lib/records.ts), times must be
 * plausible, and what a file may add is bounded (IMPORT_LIMITS); entries that fail are listed as
 * refused with their reason, and nothing at all changes until the user confirms the rest.
 */
import {
  PROGRESS_LIMITS,
  PROGRESS_MIGRATIONS,
  emptyProgress,
  isPlainObject,
  isTimestamp,
  isUsableKey,
  migrateProgress,
  readTick,
  recordValueOf,
  tickTimeOf,
  withRecord,
  withStep,
  type GuideTicks,
  type ProgressData,
  type RecordValue,
} from './progress-data';
import { isGuideId } from './guides';
import { checkStoredRecord, isRecordFieldId, type RecordErrorCode } from './records';
import { REGISTRATION_LIMITS, registrationNameProblem } from './registrations';

/** The marker that tells a file of this site from any other JSON. */
export const TRANSFER_FORMAT = 'partner-guides-progress';

/** Version of the file format this code writes. */
export const TRANSFER_VERSION = 3;

/**
 * Larger files are refused before they are parsed. A registration with every guide ticked and every
 * record noted takes about 7.4 kB in a file (`npm run bench` prints the figures): 50 take 369 kB, and
 * the 100 a file may hold fit too.
 */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** At most this many registrations in one file (as many as a browser may hold). */
export const MAX_FILE_REGISTRATIONS = REGISTRATION_LIMITS.registrations;

/**
 * What one file may add beyond the guides and record fields this site knows. A file of this site
 * mentions only known ones (or a few of a removed step); anything beyond these is left out.
 */
export const IMPORT_LIMITS = {
  /** Guides this site does not have. */
  unknownGuides: 3,
  /** Ticks of one guide. */
  stepsPerGuide: PROGRESS_LIMITS.stepsPerGuide,
  /** Records of fields this site does not have. */
  unknownRecords: 10,
} as const;

/**
 * Why a file was refused. `several-registrations`: the file holds more than one registration where
 * one is imported (into this tab's registration).
 */
export type ImportError =
  'not-json' | 'not-ours' | 'newer-version' | 'bad-content' | 'too-large' | 'several-registrations';

/** Why a chosen file is not imported: the file format's reasons, or the browser could not read it. */
export type ImportFailure = ImportError | 'unreadable';

/** One entry of a sound file that is not imported, and why. */
export type RefusedEntry =
  | {
      type: 'tick';
      /** `<guide id>/<step id>`. */
      key: string;
      /** The time is not a date-time between 2000-01-01 and tomorrow, or the id cannot be used. */
      reason: 'bad-time' | 'bad-key';
    }
  | {
      type: 'record';
      /** The record field id. */
      key: string;
      reason: RecordErrorCode | 'bad-key' | 'malformed';
    }
  | {
      /** Entries beyond IMPORT_LIMITS, counted rather than listed. */
      type: 'over-limit';
      what: keyof typeof IMPORT_LIMITS;
      count: number;
      limit: number;
    };

/** One registration read from a file: its name, its progress in the current shape, and what was left out. */
export interface ParsedRegistration {
  name: string;
  data: ProgressData;
  refused: RefusedEntry[];
}

/** What reading a file found: its registrations in file order, or why it cannot be used. */
export type ParsedTransfer =
  { ok: true; registrations: ParsedRegistration[]; exportedAt?: string } | { ok: false; error: ImportError };

/** What reading a file of one registration found: its progress in the current shape, or why it cannot be used. */
export type ParsedImport =
  | { ok: true; data: ProgressData; refused: RefusedEntry[]; exportedAt?: string }
  | { ok: false; error: ImportError };

/** One registration to export: its name and its progress. */
export interface ExportedRegistration {
  name: string;
  data: ProgressData;
}

/** One entry an import would add or replace. Values are tick times for ticks, noted values for records. */
export type ImportChange =
  | {
      type: 'tick';
      /** `<guide id>/<step id>`. */
      key: string;
      guide: string;
      step: string;
      change: 'added' | 'overwritten';
      before?: string;
      after: string;
    }
  | {
      type: 'record';
      /** The record field id. */
      key: string;
      change: 'added' | 'overwritten';
      before?: string;
      after: string;
    };

/** What an import would change; entries the file and the browser agree on are not listed. */
export interface ImportPlan {
  changes: ImportChange[];
  counts: Record<ImportChange['type'], Record<ImportChange['change'], number>>;
}

/** The ticks of progress as a file holds them: tick times only, no guide without a tick. */
function ticksOf(data: ProgressData): Record<string, Record<string, { tickedAt: string }>> {
  return Object.fromEntries(
    Object.entries(data.guides)
      .filter(([, ticks]) => Object.keys(ticks).length > 0)
      .map(([guide, ticks]) => [
        guide,
        Object.fromEntries(Object.entries(ticks).map(([step, { tickedAt }]) => [step, { tickedAt }])),
      ]),
  );
}

/**
 * Serialises registrations (one, or every one of the browser) as an export file, stamped with `now`:
 * for each, its name, its ticks with their times, and its records.
 */
export function exportRegistrations(
  registrations: readonly ExportedRegistration[],
  now: Date = new Date(),
): string {
  const file = {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt: now.toISOString(),
    registrations: registrations.map(({ name, data }) => ({
      name,
      guides: ticksOf(data),
      records: data.records,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Serialises one registration's progress as an export file (see exportRegistrations). */
export function exportProgress(data: ProgressData, now: Date = new Date(), name = ''): string {
  return exportRegistrations([{ name, data }], now);
}

/**
 * Name of an export file made at `now`: `partner-guides-progress-YYYY-MM-DD.json`, dated on the
 * user's own clock (the calendar they will look for the file by).
 */
export function exportFileName(now: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `partner-guides-progress-${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Adds `count` entries (one unless told) to the count of those left out over a limit. */
function countOverLimit(refused: RefusedEntry[], what: keyof typeof IMPORT_LIMITS, count = 1): void {
  const entry = refused.find((item) => item.type === 'over-limit' && item.what === what);
  if (entry?.type === 'over-limit') entry.count += count;
  else refused.push({ type: 'over-limit', what, count, limit: IMPORT_LIMITS[what] });
}

/** Reads the ticks of a file; undefined when its structure is wrong. */
function readGuides(
  value: unknown,
  now: Date,
  refused: RefusedEntry[],
): Record<string, GuideTicks> | undefined {
  if (!isPlainObject(value)) return undefined;
  const guides: Record<string, GuideTicks> = {};
  let unknownGuides = 0;
  for (const [guide, ticks] of Object.entries(value)) {
    if (!isPlainObject(ticks)) return undefined;
    const steps = Object.entries(ticks);
    if (!isUsableKey(guide)) {
      for (const [step] of steps) refused.push({ type: 'tick', key: `${guide}/${step}`, reason: 'bad-key' });
      continue;
    }
    if (!isGuideId(guide)) {
      unknownGuides += 1;
      if (unknownGuides > IMPORT_LIMITS.unknownGuides) {
        // A guide without ticks still counts as one entry left out.
        countOverLimit(refused, 'unknownGuides', Math.max(steps.length, 1));
        continue;
      }
    }
    const kept: GuideTicks = {};
    let count = 0;
    for (const [step, entry] of steps) {
      const key = `${guide}/${step}`;
      const tick = readTick(entry, now);
      if (!isUsableKey(step)) refused.push({ type: 'tick', key, reason: 'bad-key' });
      else if (!tick) refused.push({ type: 'tick', key, reason: 'bad-time' });
      else if (count >= IMPORT_LIMITS.stepsPerGuide) countOverLimit(refused, 'stepsPerGuide');
      else {
        // A file gives when a step was done; when this browser changed it is decided on import.
        kept[step] = { tickedAt: tick.tickedAt };
        count += 1;
      }
    }
    guides[guide] = kept;
  }
  return guides;
}

/** Reads the records of a file; undefined when its structure is wrong. */
function readRecords(
  value: unknown,
  now: Date,
  refused: RefusedEntry[],
): Record<string, RecordValue> | undefined {
  if (!isPlainObject(value)) return undefined;
  const records: Record<string, RecordValue> = {};
  let unknownRecords = 0;
  for (const [fieldId, entry] of Object.entries(value)) {
    if (!isUsableKey(fieldId)) {
      refused.push({ type: 'record', key: fieldId, reason: 'bad-key' });
      continue;
    }
    if (!isPlainObject(entry) || typeof entry.value !== 'string' || entry.value.trim() === '') {
      refused.push({ type: 'record', key: fieldId, reason: 'malformed' });
      continue;
    }
    const problem = checkStoredRecord(fieldId, entry.value, now);
    if (problem) {
      refused.push({ type: 'record', key: fieldId, reason: problem });
      continue;
    }
    if (!isRecordFieldId(fieldId) && ++unknownRecords > IMPORT_LIMITS.unknownRecords) {
      countOverLimit(refused, 'unknownRecords');
      continue;
    }
    // The time a value was noted elsewhere is not checked: it is replaced by the time of the import.
    records[fieldId] = { value: entry.value, updatedAt: now.toISOString() };
  }
  return records;
}

/** UTF-8 size of a text, without encoding texts that are obviously too large anyway. */
function exceedsLimit(text: string): boolean {
  // A UTF-16 code unit takes at least one UTF-8 byte.
  if (text.length > MAX_IMPORT_BYTES) return true;
  return new TextEncoder().encode(text).length > MAX_IMPORT_BYTES;
}

/** Reads one registration's ticks and records (version 2 parts); undefined when their structure is wrong. */
function readRegistration(
  value: Record<string, unknown>,
  name: string,
  now: Date,
): ParsedRegistration | undefined {
  const refused: RefusedEntry[] = [];
  const guides = readGuides(value.guides, now, refused);
  const records = readRecords(value.records, now, refused);
  if (!guides || !records) return undefined;
  return { name, data: { ...emptyProgress(), guides, records }, refused };
}

/** Reads the registrations of a version 3 file; undefined when their structure is wrong. */
function readRegistrations(value: unknown, now: Date): ParsedRegistration[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_FILE_REGISTRATIONS) return undefined;
  const registrations: ParsedRegistration[] = [];
  for (const entry of value) {
    if (!isPlainObject(entry)) return undefined;
    const { name = '' } = entry;
    // A file of this site carries names as they are stored: trimmed, short, on one line.
    if (typeof name !== 'string' || registrationNameProblem(name) || name !== name.trim()) return undefined;
    const registration = readRegistration(entry, name, now);
    if (!registration) return undefined;
    registrations.push(registration);
  }
  return registrations;
}

/**
 * Reads an export file completely, upgrading older versions, before anything is changed: every
 * registration it holds (a file of version 1 or 2 holds one, without a name). `now` bounds the tick
 * times a file may carry (up to a day ahead, for a computer whose clock runs fast).
 */
export function parseTransfer(text: string, now: Date = new Date()): ParsedTransfer {
  if (exceedsLimit(text)) return { ok: false, error: 'too-large' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isPlainObject(parsed) || parsed.format !== TRANSFER_FORMAT) return { ok: false, error: 'not-ours' };

  const { version } = parsed;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'bad-content' };
  }
  if (version > TRANSFER_VERSION) return { ok: false, error: 'newer-version' };
  if (parsed.exportedAt !== undefined && !isTimestamp(parsed.exportedAt)) {
    return { ok: false, error: 'bad-content' };
  }
  // A version 1 file would pass with any "records" once upgraded: what it carried must be checked too.
  if (version < 2 && parsed.records !== undefined) return { ok: false, error: 'bad-content' };

  let registrations: ParsedRegistration[] | undefined;
  if (version >= 3) registrations = readRegistrations(parsed.registrations, now);
  else {
    const current = migrateProgress(parsed, version, PROGRESS_MIGRATIONS, 2);
    const registration = current && readRegistration(current, '', now);
    registrations = registration && [registration];
  }
  if (!registrations) return { ok: false, error: 'bad-content' };
  return parsed.exportedAt === undefined
    ? { ok: true, registrations }
    : { ok: true, registrations, exportedAt: parsed.exportedAt };
}

/**
 * Reads an export file of one registration completely (see parseTransfer), for an import into this
 * tab's registration; a file of several registrations is refused as such.
 */
export function parseImport(text: string, now: Date = new Date()): ParsedImport {
  const parsed = parseTransfer(text, now);
  if (!parsed.ok) return parsed;
  const [registration, ...others] = parsed.registrations;
  if (!registration || others.length > 0) return { ok: false, error: 'several-registrations' };
  const { data, refused } = registration;
  const { exportedAt } = parsed;
  return exportedAt === undefined ? { ok: true, data, refused } : { ok: true, data, refused, exportedAt };
}

/** Lists what applying `incoming` to `current` would add or overwrite. */
export function planImport(current: ProgressData, incoming: ProgressData): ImportPlan {
  const changes: ImportChange[] = [];
  for (const [guide, ticks] of Object.entries(incoming.guides)) {
    for (const [step, { tickedAt }] of Object.entries(ticks)) {
      const before = tickTimeOf(current, guide, step);
      if (before === tickedAt) continue;
      const key = `${guide}/${step}`;
      changes.push(
        before === undefined
          ? { type: 'tick', key, guide, step, change: 'added', after: tickedAt }
          : { type: 'tick', key, guide, step, change: 'overwritten', before, after: tickedAt },
      );
    }
  }
  for (const [key, { value }] of Object.entries(incoming.records)) {
    const before = recordValueOf(current, key);
    if (before === value) continue;
    changes.push(
      before === undefined
        ? { type: 'record', key, change: 'added', after: value }
        : { type: 'record', key, change: 'overwritten', before, after: value },
    );
  }
  const counts: ImportPlan['counts'] = {
    tick: { added: 0, overwritten: 0 },
    record: { added: 0, overwritten: 0 },
  };
  for (const { type, change } of changes) counts[type][change] += 1;
  return { changes, counts };
}

/**
 * Merges a file into the browser's progress at `now`: local entries the file does not mention stay,
 * new ones are added, and where both have a different value the file's wins (its tick time, its
 * record). Each entry the file changes is stamped `now`, so that it also wins over an older copy in
 * another tab.
 */
export function applyImport(
  current: ProgressData,
  incoming: ProgressData,
  now: Date = new Date(),
): ProgressData {
  let result = current;
  for (const change of planImport(current, incoming).changes) {
    result =
      change.type === 'tick'
        ? withStep(result, change.guide, change.step, change.after, now)
        : withRecord(result, change.key, change.after, now);
  }
  return result;
}
