/**
 * The checklist progress a browser keeps, and how it is read back safely.
 *
 * Stored under the localStorage key `partner-guides:progress` as JSON:
 *
 *   Version 2 (current):
 *   {
 *     "version": 2,
 *     "guides": {
 *       "<guide id>": { "<step id>": { "tickedAt": "<ISO 8601 date-time, UTC>" } }
 *     },
 *     "records": {
 *       "<record field id>": { "value": "<what the user noted>", "updatedAt": "<ISO 8601 date-time, UTC>" }
 *     }
 *   }
 *
 *   Version 1 (first published shape): the same without "records".
 *   { "version": 1, "guides": { … as above … } }
 *
 * Ticks are keyed by guide and by the step's explicit id, never by its position, so reordering or
 * renaming steps in the content does not move ticks, and a tick whose step was removed is kept (it
 * reappears if the step returns). Records are keyed by the field ids of src/lib/records.ts; a record
 * whose field this code does not know is kept too, since a newer copy of the site may have added it.
 * Records never hold a password or any other secret: the site only asks for what a hand-off needs.
 *
 * Migration policy: every change to this shape raises `version` and adds an upgrade function to
 * PROGRESS_MIGRATIONS (from version n to n + 1). Older values are upgraded on read and written back
 * in the current shape on the next change, keeping every tick. A value whose version is newer than
 * this code knows is never written: it is shown read-only, so that an older copy of the site open
 * in another tab cannot destroy what a newer one saved. A value that cannot be read is kept aside
 * under a backup key (see the progress store) before anything else is written.
 */

/** Version of the shape this code writes. */
export const PROGRESS_VERSION = 2;

/** One ticked step. */
export interface Tick {
  /** When the step was ticked, as an ISO 8601 date-time. */
  tickedAt: string;
}

/** Ticks of one guide, by step id. */
export type GuideTicks = Record<string, Tick>;

/** One value the user noted down during a procedure (a Partner ID, a date, a domain…). */
export interface RecordValue {
  /** The value, already validated and normalised by src/lib/records.ts; never empty. */
  value: string;
  /** When the value was last changed, as an ISO 8601 date-time. */
  updatedAt: string;
}

/** Everything the checklist stores, in the current shape. */
export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  guides: Record<string, GuideTicks>;
  /** Noted values by record field id. */
  records: Record<string, RecordValue>;
}

/** An upgrade of a stored value from one version to the next. */
export type Migration = (value: Record<string, unknown>) => Record<string, unknown>;

/** Upgrades by the version they start from: PROGRESS_MIGRATIONS[n] turns version n into n + 1. */
export const PROGRESS_MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 adds records; a version 1 value has none yet, and every tick stays as it is.
  1: (value) => ({ ...value, records: {} }),
};

/** What reading a stored value found. */
export type DecodedProgress =
  /** Nothing stored yet. */
  | { status: 'empty'; data: ProgressData }
  /** A value in the current shape, or an older one upgraded without loss. */
  | { status: 'ok'; data: ProgressData; migratedFrom?: number }
  /** Some or all of the value could not be read: `data` has what could be, `raw` must be kept aside. */
  | { status: 'recovered'; data: ProgressData; raw: string; reason: string }
  /** Written by a newer version of the site: shown as far as it can be read, never overwritten. */
  | { status: 'newer'; data: ProgressData; raw: string; version: number };

/** Progress with no tick and no record. */
export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, guides: {}, records: {} };
}

/** Tells whether a value is a plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Tells whether a value is an ISO-like date-time string that Date can read. */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

/**
 * Tells whether a string can be used as a guide, step or field id. `__proto__` is refused because
 * assigning it to a plain object would change the object's prototype instead of adding an entry.
 */
export function isUsableKey(key: string): boolean {
  return key.length > 0 && key.length <= 100 && key !== '__proto__';
}

/** Reads one tick; undefined when it is malformed. */
export function readTick(tick: unknown): Tick | undefined {
  return isPlainObject(tick) && isTimestamp(tick.tickedAt) ? { tickedAt: tick.tickedAt } : undefined;
}

/** Reads one record; undefined when it is malformed (an empty value is never stored, so it is too). */
export function readRecord(record: unknown): RecordValue | undefined {
  if (!isPlainObject(record) || !isTimestamp(record.updatedAt)) return undefined;
  const { value } = record;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return { value, updatedAt: record.updatedAt };
}

/** Keeps the well-formed ticks of a `guides` object; tells whether anything had to be dropped. */
function salvageGuides(guides: unknown): { guides: Record<string, GuideTicks>; lossless: boolean } {
  const result: Record<string, GuideTicks> = {};
  if (!isPlainObject(guides)) return { guides: result, lossless: false };
  let lossless = true;
  for (const [guide, ticks] of Object.entries(guides)) {
    if (!isUsableKey(guide) || !isPlainObject(ticks)) {
      lossless = false;
      continue;
    }
    const kept: GuideTicks = {};
    for (const [stepId, value] of Object.entries(ticks)) {
      const tick = readTick(value);
      if (tick && isUsableKey(stepId)) kept[stepId] = tick;
      else lossless = false;
    }
    result[guide] = kept;
  }
  return { guides: result, lossless };
}

/** Keeps the well-formed records of a `records` object; tells whether anything had to be dropped. */
function salvageRecords(records: unknown): { records: Record<string, RecordValue>; lossless: boolean } {
  const result: Record<string, RecordValue> = {};
  // A current value without records lost nothing: there is simply nothing noted yet.
  if (records === undefined) return { records: result, lossless: true };
  if (!isPlainObject(records)) return { records: result, lossless: false };
  let lossless = true;
  for (const [fieldId, value] of Object.entries(records)) {
    const record = readRecord(value);
    if (record && isUsableKey(fieldId)) result[fieldId] = record;
    else lossless = false;
  }
  return { records: result, lossless };
}

/**
 * Upgrades a parsed value of an older version to the current one with the given migrations.
 * Returns undefined when a step of the chain is missing.
 */
export function migrateProgress(
  value: Record<string, unknown>,
  fromVersion: number,
  migrations: Readonly<Record<number, Migration>> = PROGRESS_MIGRATIONS,
): Record<string, unknown> | undefined {
  let current = value;
  for (let version = fromVersion; version < PROGRESS_VERSION; version++) {
    const upgrade = migrations[version];
    if (!upgrade) return undefined;
    current = { ...upgrade(current), version: version + 1 };
  }
  return current;
}

/** Reads a stored value (or its absence) without ever throwing. */
export function decodeProgress(
  raw: string | null | undefined,
  migrations: Readonly<Record<number, Migration>> = PROGRESS_MIGRATIONS,
): DecodedProgress {
  if (raw === null || raw === undefined || raw === '') return { status: 'empty', data: emptyProgress() };

  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { status: 'recovered', data: emptyProgress(), raw, reason: 'not-json' };
  }
  if (!isPlainObject(parsed) || !Number.isInteger(parsed.version) || (parsed.version as number) < 1) {
    return { status: 'recovered', data: emptyProgress(), raw, reason: 'unknown-shape' };
  }

  const version = parsed.version as number;
  if (version > PROGRESS_VERSION) {
    const { guides } = salvageGuides(parsed.guides);
    const { records } = salvageRecords(parsed.records);
    return { status: 'newer', data: { version: PROGRESS_VERSION, guides, records }, raw, version };
  }

  const current = version < PROGRESS_VERSION ? migrateProgress(parsed, version, migrations) : parsed;
  if (!current) return { status: 'recovered', data: emptyProgress(), raw, reason: 'no-migration' };

  const salvagedGuides = salvageGuides(current.guides);
  const salvagedRecords = salvageRecords(current.records);
  const data: ProgressData = {
    version: PROGRESS_VERSION,
    guides: salvagedGuides.guides,
    records: salvagedRecords.records,
  };
  if (!salvagedGuides.lossless || !salvagedRecords.lossless) {
    return { status: 'recovered', data, raw, reason: 'bad-entries' };
  }
  return version < PROGRESS_VERSION ? { status: 'ok', data, migratedFrom: version } : { status: 'ok', data };
}

/** Serialises progress in the current shape. */
export function encodeProgress(data: ProgressData): string {
  return JSON.stringify({ version: PROGRESS_VERSION, guides: data.guides, records: data.records });
}

/** Returns a copy of `data` with a step ticked at `at` or unticked. */
export function withStep(
  data: ProgressData,
  guide: string,
  stepId: string,
  tickedAt: string | undefined,
): ProgressData {
  const ticks = { ...data.guides[guide] };
  if (tickedAt === undefined) delete ticks[stepId];
  else ticks[stepId] = { tickedAt };
  return { ...data, guides: { ...data.guides, [guide]: ticks } };
}

/** Returns a copy of `data` without any tick of the guide. */
export function withoutGuide(data: ProgressData, guide: string): ProgressData {
  const guides = { ...data.guides };
  delete guides[guide];
  return { ...data, guides };
}

/**
 * Returns `data` with a record set to `value` (trimmed) at `now`, or removed when `value` is
 * undefined, empty or only spaces. Saving the value a record already has keeps its time.
 */
export function withRecord(
  data: ProgressData,
  fieldId: string,
  value: string | undefined,
  now: Date = new Date(),
): ProgressData {
  const trimmed = value?.trim() ?? '';
  const records = { ...data.records };
  if (trimmed === '') {
    if (!Object.hasOwn(data.records, fieldId)) return data;
    delete records[fieldId];
  } else {
    if (data.records[fieldId]?.value === trimmed) return data;
    records[fieldId] = { value: trimmed, updatedAt: now.toISOString() };
  }
  return { ...data, records };
}
