/**
 * Moving progress between browsers (or keeping a copy) as a file.
 *
 * Format, version 2 (current): a JSON object
 *
 *   {
 *     "format": "partner-guides-progress",
 *     "version": 2,
 *     "exportedAt": "<ISO 8601 date-time, UTC>",
 *     "guides": { "<guide id>": { "<step id>": { "tickedAt": "<ISO 8601 date-time>" } } },
 *     "records": { "<record field id>": { "value": "<text>", "updatedAt": "<ISO 8601 date-time>" } }
 *   }
 *
 * Version 1 files are the same without "records". `version` follows the stored progress shape
 * (src/lib/progress-data.ts) and so does the migration policy: a file of an older version is
 * upgraded with PROGRESS_MIGRATIONS, a file of a newer version is refused (this copy of the site
 * cannot know what it would drop), and "format" tells our files from any other JSON.
 *
 * Unlike reading storage, which keeps what it can, an import is all or nothing: a file with one
 * malformed entry is refused before anything changes, so a damaged file never half-applies.
 */
import {
  PROGRESS_MIGRATIONS,
  PROGRESS_VERSION,
  isPlainObject,
  isTimestamp,
  isUsableKey,
  migrateProgress,
  readRecord,
  readTick,
  type GuideTicks,
  type ProgressData,
  type RecordValue,
} from './progress-data';

/** The marker that tells a file of this site from any other JSON. */
export const TRANSFER_FORMAT = 'partner-guides-progress';

/** Larger files are refused before they are parsed: real ones are a few kilobytes. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** Why a file was refused. */
export type ImportError = 'not-json' | 'not-ours' | 'newer-version' | 'bad-content' | 'too-large';

/** What reading a file found: progress in the current shape, or why it cannot be used. */
export type ParsedImport =
  { ok: true; data: ProgressData; exportedAt?: string } | { ok: false; error: ImportError };

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

/** Serialises progress as an export file, stamped with `now`. */
export function exportProgress(data: ProgressData, now: Date = new Date()): string {
  const file = {
    format: TRANSFER_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now.toISOString(),
    guides: data.guides,
    records: data.records,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Name of an export file made at `now`: `partner-guides-progress-YYYY-MM-DD.json`, dated on the
 * user's own clock (the calendar they will look for the file by).
 */
export function exportFileName(now: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `partner-guides-progress-${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Reads every tick strictly; undefined when anything is malformed. */
function readGuides(value: unknown): Record<string, GuideTicks> | undefined {
  if (!isPlainObject(value)) return undefined;
  const guides: Record<string, GuideTicks> = {};
  for (const [guide, ticks] of Object.entries(value)) {
    if (!isUsableKey(guide) || !isPlainObject(ticks)) return undefined;
    const kept: GuideTicks = {};
    for (const [step, entry] of Object.entries(ticks)) {
      const tick = readTick(entry);
      if (!tick || !isUsableKey(step)) return undefined;
      kept[step] = tick;
    }
    guides[guide] = kept;
  }
  return guides;
}

/** Reads every record strictly; undefined when anything is malformed. */
function readRecords(value: unknown): Record<string, RecordValue> | undefined {
  if (!isPlainObject(value)) return undefined;
  const records: Record<string, RecordValue> = {};
  for (const [fieldId, entry] of Object.entries(value)) {
    const record = readRecord(entry);
    if (!record || !isUsableKey(fieldId)) return undefined;
    records[fieldId] = record;
  }
  return records;
}

/** UTF-8 size of a text, without encoding texts that are obviously too large anyway. */
function exceedsLimit(text: string): boolean {
  // A UTF-16 code unit takes at least one UTF-8 byte.
  if (text.length > MAX_IMPORT_BYTES) return true;
  return new TextEncoder().encode(text).length > MAX_IMPORT_BYTES;
}

/** Reads an export file completely, upgrading older versions, before anything is changed. */
export function parseImport(text: string): ParsedImport {
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
  if (version > PROGRESS_VERSION) return { ok: false, error: 'newer-version' };
  if (parsed.exportedAt !== undefined && !isTimestamp(parsed.exportedAt)) {
    return { ok: false, error: 'bad-content' };
  }
  // A version 1 file would pass with any "records" once upgraded: what it carried must be checked too.
  if (version < 2 && parsed.records !== undefined) return { ok: false, error: 'bad-content' };

  const current = version < PROGRESS_VERSION ? migrateProgress(parsed, version, PROGRESS_MIGRATIONS) : parsed;
  if (!current) return { ok: false, error: 'bad-content' };
  const guides = readGuides(current.guides);
  const records = readRecords(current.records);
  if (!guides || !records) return { ok: false, error: 'bad-content' };

  const data: ProgressData = { version: PROGRESS_VERSION, guides, records };
  return parsed.exportedAt === undefined
    ? { ok: true, data }
    : { ok: true, data, exportedAt: parsed.exportedAt };
}

/** Lists what applying `incoming` to `current` would add or overwrite. */
export function planImport(current: ProgressData, incoming: ProgressData): ImportPlan {
  const changes: ImportChange[] = [];
  for (const [guide, ticks] of Object.entries(incoming.guides)) {
    const local = current.guides[guide];
    for (const [step, { tickedAt }] of Object.entries(ticks)) {
      const before = local && Object.hasOwn(local, step) ? local[step]?.tickedAt : undefined;
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
    const before = Object.hasOwn(current.records, key) ? current.records[key]?.value : undefined;
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
 * Merges a file into the browser's progress: local entries the file does not mention stay, new ones
 * are added, and where both have a different value the file's wins (its tick time, its record).
 */
export function applyImport(current: ProgressData, incoming: ProgressData): ProgressData {
  const guides = { ...current.guides };
  for (const [guide, ticks] of Object.entries(incoming.guides))
    guides[guide] = { ...guides[guide], ...ticks };
  const records = { ...current.records };
  for (const [key, record] of Object.entries(incoming.records)) {
    // Same value, other time: nothing the user would call a change, so the local time stays.
    if (records[key]?.value !== record.value) records[key] = record;
  }
  return { version: PROGRESS_VERSION, guides, records };
}
