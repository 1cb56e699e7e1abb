/**
 * The checklist progress of one registration (one company), and how it is read back safely.
 *
 * Stored under the localStorage key `partner-guides:progress:<registration id>` as JSON (keys
 * sorted, empty parts left out, so that equal progress is equal text); the registrations and their
 * keys are src/lib/tab-registration.ts and src/lib/registrations.ts. Before registrations, the one
 * progress of the browser was under `partner-guides:progress`: it moves to registration `1` on the
 * first load and the key then holds `{"version": 4, "movedTo": "partner-guides:registrations"}`,
 * which a copy of the site from before reads as a newer version (read-only, by the policy below).
 *
 *   Version 3 (current):
 *   {
 *     "version": 3,
 *     "guides": {
 *       "<guide id>": { "<step id>": { "tickedAt": "<ISO 8601>", "changedAt"?: "<ISO 8601>" } }
 *     },
 *     "records": {
 *       "<record field id>": { "value": "<what the user noted>", "updatedAt": "<ISO 8601>" }
 *     },
 *     "removed"?: {
 *       "ticks": { "<guide id>": { "<step id>": "<ISO 8601 of the untick or reset>" } },
 *       "records": { "<record field id>": "<ISO 8601 of the clearing>" }
 *     }
 *   }
 *
 *   Version 2: the same without "removed" and "changedAt".
 *   Version 1 (first published shape): the same as version 2 without "records".
 *
 * Why version 3: several tabs write the same key, and a busy tab may act on a stale copy. Each tab
 * merges copies entry by entry, the entry changed last winning (mergeProgress); for that, an untick
 * or a cleared record must leave its time behind, or an older copy would bring it back.
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
 * under a backup key (`partner-guides:progress-backup:<registration id>`, see the progress store)
 * before anything else is written.
 */

/** Version of the shape this code writes. */
export const PROGRESS_VERSION = 3;

/** One ticked step. */
export interface Tick {
  /** When the step was done, as an ISO 8601 date-time: what the page shows and waits count from. */
  tickedAt: string;
  /**
   * When this browser last changed the tick, where that differs from `tickedAt` (an import brings
   * an older tick time). Which of two tabs' versions of a tick wins is decided by this time.
   */
  changedAt?: string;
}

/** Ticks of one guide, by step id. */
export type GuideTicks = Record<string, Tick>;

/** One value the user noted down during a procedure (a Partner ID, a date, a domain…). */
export interface RecordValue {
  /** The value, already validated and normalised by src/lib/records.ts; never empty. */
  value: string;
  /** When the value was last changed in this browser, as an ISO 8601 date-time. */
  updatedAt: string;
}

/** When ticks and records were removed, so that a tab holding an older copy cannot bring them back. */
export interface Removals {
  /** Untick and reset times by guide id and step id. */
  ticks: Record<string, Record<string, string>>;
  /** Clearing times by record field id. */
  records: Record<string, string>;
}

/** Everything the checklist stores, in the current shape. */
export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  guides: Record<string, GuideTicks>;
  /** Noted values by record field id. */
  records: Record<string, RecordValue>;
  removed: Removals;
}

/** An upgrade of a stored value from one version to the next. */
export type Migration = (value: Record<string, unknown>) => Record<string, unknown>;

/** Upgrades by the version they start from: PROGRESS_MIGRATIONS[n] turns version n into n + 1. */
export const PROGRESS_MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 adds records; a version 1 value has none yet, and every tick stays as it is.
  1: (value) => ({ ...value, records: {} }),
  // Version 3 adds removal times; nothing was removed under version 2 as far as it can tell.
  2: (value) => ({ ...value, removed: { ticks: {}, records: {} } }),
};

/**
 * Bounds of a stored or imported document. Real progress has three guides of under 40 steps and
 * under 20 records; the bounds leave room for guides to come and refuse what only a mistake or a
 * hostile file would hold.
 */
export const PROGRESS_LIMITS = {
  guides: 30,
  stepsPerGuide: 200,
  records: 100,
} as const;

/** The earliest tick or change time accepted: the procedures the site documents are later. */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);

/** How far ahead of this computer's clock a time may be (another computer's clock may run fast). */
export const CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;

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

/** Checks a stored record value for its field; returns why it is refused, or undefined when valid. */
export type RecordChecker = (fieldId: string, value: string, now: Date) => string | undefined;

/**
 * How a stored value is read: the present moment (times after it are refused) and the record checks.
 * Without `checkRecord`, records get only the checks of their shape (see readRecord): the progress
 * store reads them so at load, so that a guide does not load the checks of every field before it
 * shows its ticks, and checks them before anything shows or sends one (startRecordChecks).
 */
export interface DecodeOptions {
  now?: Date;
  checkRecord?: RecordChecker;
  migrations?: Readonly<Record<number, Migration>>;
}

/** Progress with no tick and no record. */
export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, guides: {}, records: {}, removed: { ticks: {}, records: {} } };
}

/** Tells whether a value is a plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Tells whether a value is an ISO 8601 date-time that Date reads (any time, however far). */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Tells whether a value is an ISO 8601 date-time between 2000-01-01 and one day after `now`: the
 * range of a real tick or change; anything else would break the waits' arithmetic.
 */
export function isPlausibleTime(value: unknown, now: Date): value is string {
  if (!isTimestamp(value)) return false;
  const time = Date.parse(value);
  return time >= EARLIEST_TIME && time <= now.getTime() + CLOCK_TOLERANCE_MS;
}

/**
 * Tells whether a string can be used as a guide, step or field id. Names of Object's own members
 * (`__proto__`, `constructor`, `toString`…) are refused: on a plain object they name the inherited
 * member, so assigning to them would change a built-in instead of adding an entry.
 */
export function isUsableKey(key: string): boolean {
  return key.length > 0 && key.length <= 100 && !(key in Object.prototype);
}

/** Reads one tick; undefined when it is malformed or its times are out of range. */
export function readTick(tick: unknown, now: Date = new Date()): Tick | undefined {
  if (!isPlainObject(tick) || !isPlausibleTime(tick.tickedAt, now)) return undefined;
  if (tick.changedAt === undefined || tick.changedAt === tick.tickedAt) return { tickedAt: tick.tickedAt };
  return isPlausibleTime(tick.changedAt, now)
    ? { tickedAt: tick.tickedAt, changedAt: tick.changedAt }
    : undefined;
}

/**
 * Reads one record; undefined when it is malformed, empty (an empty value is never stored), or
 * refused by `checkRecord` (the checks a typed value gets).
 */
export function readRecord(
  fieldId: string,
  record: unknown,
  now: Date = new Date(),
  checkRecord?: RecordChecker,
): RecordValue | undefined {
  if (!isPlainObject(record) || !isPlausibleTime(record.updatedAt, now)) return undefined;
  const { value } = record;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (checkRecord?.(fieldId, value, now) !== undefined) return undefined;
  return { value, updatedAt: record.updatedAt };
}

/** What salvaging one part of a document kept, and whether anything had to be left out. */
interface Salvaged<T> {
  value: T;
  lossless: boolean;
}

/** Keeps the well-formed entries of a two-level object (`guides` or `removed.ticks`). */
function salvageByGuide<T>(
  source: unknown,
  readEntry: (entry: unknown) => T | undefined,
): Salvaged<Record<string, Record<string, T>>> {
  const result: Record<string, Record<string, T>> = {};
  if (source === undefined) return { value: result, lossless: true };
  if (!isPlainObject(source)) return { value: result, lossless: false };
  let lossless = true;
  for (const [guide, entries] of Object.entries(source)) {
    if (!isUsableKey(guide) || !isPlainObject(entries)) {
      lossless = false;
      continue;
    }
    if (Object.keys(result).length >= PROGRESS_LIMITS.guides) {
      lossless = false;
      break;
    }
    const kept: Record<string, T> = {};
    let count = 0;
    for (const [stepId, value] of Object.entries(entries)) {
      const entry = readEntry(value);
      if (entry !== undefined && isUsableKey(stepId) && count < PROGRESS_LIMITS.stepsPerGuide) {
        kept[stepId] = entry;
        count += 1;
      } else lossless = false;
    }
    result[guide] = kept;
  }
  return { value: result, lossless };
}

/** Keeps the well-formed entries of a one-level object (`records` or `removed.records`). */
function salvageByField<T>(
  source: unknown,
  readEntry: (fieldId: string, entry: unknown) => T | undefined,
): Salvaged<Record<string, T>> {
  const result: Record<string, T> = {};
  // A value without this part lost nothing: there is simply nothing in it yet.
  if (source === undefined) return { value: result, lossless: true };
  if (!isPlainObject(source)) return { value: result, lossless: false };
  let lossless = true;
  let count = 0;
  for (const [fieldId, value] of Object.entries(source)) {
    const entry = isUsableKey(fieldId) ? readEntry(fieldId, value) : undefined;
    if (entry !== undefined && count < PROGRESS_LIMITS.records) {
      result[fieldId] = entry;
      count += 1;
    } else lossless = false;
  }
  return { value: result, lossless };
}

/** Reads a whole document leniently: what is well-formed and within bounds is kept. */
function salvage(
  value: Record<string, unknown>,
  now: Date,
  checkRecord?: RecordChecker,
): Salvaged<ProgressData> {
  const removed = isPlainObject(value.removed) ? value.removed : value.removed === undefined ? {} : undefined;
  const readTime = (entry: unknown) => (isPlausibleTime(entry, now) ? entry : undefined);
  const parts = {
    guides: salvageByGuide(value.guides, (entry) => readTick(entry, now)),
    records: salvageByField(value.records, (fieldId, entry) => readRecord(fieldId, entry, now, checkRecord)),
    removedTicks: salvageByGuide(removed?.ticks, readTime),
    removedRecords: salvageByField(removed?.records, (_fieldId, entry) => readTime(entry)),
  };
  return {
    value: {
      version: PROGRESS_VERSION,
      guides: parts.guides.value,
      records: parts.records.value,
      removed: { ticks: parts.removedTicks.value, records: parts.removedRecords.value },
    },
    lossless:
      removed !== undefined &&
      isPlainObject(value.guides) &&
      Object.values(parts).every((part) => part.lossless),
  };
}

/**
 * Upgrades a parsed value of an older version to `toVersion` (the current one unless told) with the
 * given migrations. Returns undefined when a step of the chain is missing.
 */
export function migrateProgress(
  value: Record<string, unknown>,
  fromVersion: number,
  migrations: Readonly<Record<number, Migration>> = PROGRESS_MIGRATIONS,
  toVersion: number = PROGRESS_VERSION,
): Record<string, unknown> | undefined {
  let current = value;
  for (let version = fromVersion; version < toVersion; version++) {
    const upgrade = migrations[version];
    if (!upgrade) return undefined;
    current = { ...upgrade(current), version: version + 1 };
  }
  return current;
}

/**
 * Parses a stored JSON document of the shape `{"version": <integer from 1>, …}` (progress, the
 * registrations' index) without ever throwing: the document and its version, or why it is none.
 * Its parts are for the caller to read.
 */
export function parseVersioned(
  raw: string,
): { value: Record<string, unknown>; version: number } | { reason: 'not-json' | 'unknown-shape' } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { reason: 'not-json' };
  }
  return isPlainObject(parsed) && Number.isInteger(parsed.version) && (parsed.version as number) >= 1
    ? { value: parsed, version: parsed.version as number }
    : { reason: 'unknown-shape' };
}

/**
 * Reads a stored value (or its absence) without ever throwing. Times outside 2000-01-01 to a day
 * after `now`, records that fail `checkRecord` and entries beyond PROGRESS_LIMITS are left
 * out, and the value is then reported as recovered so that the original is kept aside.
 */
export function decodeProgress(raw: string | null | undefined, options: DecodeOptions = {}): DecodedProgress {
  const { now = new Date(), checkRecord, migrations = PROGRESS_MIGRATIONS } = options;
  if (raw === null || raw === undefined || raw === '') return { status: 'empty', data: emptyProgress() };
  const document = parseVersioned(raw);
  if ('reason' in document)
    return { status: 'recovered', data: emptyProgress(), raw, reason: document.reason };
  const { value: parsed, version } = document;
  if (version > PROGRESS_VERSION) {
    return { status: 'newer', data: salvage(parsed, now, checkRecord).value, raw, version };
  }

  const current = version < PROGRESS_VERSION ? migrateProgress(parsed, version, migrations) : parsed;
  if (!current) return { status: 'recovered', data: emptyProgress(), raw, reason: 'no-migration' };

  const { value: data, lossless } = salvage(current, now, checkRecord);
  if (!lossless) return { status: 'recovered', data, raw, reason: 'bad-entries' };
  return version < PROGRESS_VERSION ? { status: 'ok', data, migratedFrom: version } : { status: 'ok', data };
}

/** A copy of an object with its keys in sorted order, nested objects included. */
export function sortKeys(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

/** Removes the guides of a two-level object that have no entries left. */
function withoutEmptyGuides<T>(
  byGuide: Record<string, Record<string, T>>,
): Record<string, Record<string, T>> {
  return Object.fromEntries(Object.entries(byGuide).filter(([, entries]) => Object.keys(entries).length > 0));
}

/**
 * Serialises progress in the current shape. The text is canonical (keys sorted, guides without
 * ticks and empty removals left out), so two tabs holding the same progress write the same text and can tell when they agree.
 */
export function encodeProgress(data: ProgressData): string {
  const removedTicks = withoutEmptyGuides(data.removed.ticks);
  const hasRemovals = Object.keys(removedTicks).length > 0 || Object.keys(data.removed.records).length > 0;
  return JSON.stringify(
    sortKeys({
      version: PROGRESS_VERSION,
      guides: withoutEmptyGuides(data.guides),
      records: data.records,
      ...(hasRemovals ? { removed: { ticks: removedTicks, records: data.removed.records } } : {}),
    }),
  );
}

/** One version of an entry: present (a tick, a record) or removed at a time. */
type Version<T> = { present: T; stamp: number } | { removedAt: string; stamp: number };

/** Of two versions of one entry, the one changed last; ties are broken the same way in every tab. */
function later<T>(a: Version<T> | undefined, b: Version<T> | undefined): Version<T> | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.stamp !== b.stamp) return a.stamp > b.stamp ? a : b;
  const textA = JSON.stringify(sortKeys(a));
  const textB = JSON.stringify(sortKeys(b));
  return textA >= textB ? a : b;
}

function tickVersion(tick: Tick | undefined): Version<Tick> | undefined {
  return tick && { present: tick, stamp: Date.parse(tick.changedAt ?? tick.tickedAt) };
}

function recordVersion(record: RecordValue | undefined): Version<RecordValue> | undefined {
  return record && { present: record, stamp: Date.parse(record.updatedAt) };
}

function removalVersion<T>(removedAt: string | undefined): Version<T> | undefined {
  return removedAt === undefined ? undefined : { removedAt, stamp: Date.parse(removedAt) };
}

/** An object's own entry under `key` (never an inherited member such as `constructor`). */
export const own = <T>(object: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  object && Object.hasOwn(object, key) ? object[key] : undefined;

/** When a step of a guide was ticked, or undefined when it is not ticked. */
export const tickTimeOf = (data: ProgressData, guide: string, stepId: string): string | undefined =>
  own(own(data.guides, guide), stepId)?.tickedAt;

/** The value noted for a record field, or undefined when none is. */
export const recordValueOf = (data: ProgressData, fieldId: string): string | undefined =>
  own(data.records, fieldId)?.value;

/** Adds an own entry to an object, whatever its key (even one Object's prototype also has). */
function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The entries of a guide in a two-level object, added when missing (never an inherited member). */
function entriesOf<T>(byGuide: Record<string, Record<string, T>>, guide: string): Record<string, T> {
  const existing = own(byGuide, guide);
  if (existing) return existing;
  const created: Record<string, T> = {};
  define(byGuide, guide, created);
  return created;
}

/**
 * Merges two copies of progress entry by entry: for each tick and record, the version changed last
 * wins, whether it adds, changes or removes. Two tabs that each merge what they hold with what the
 * other wrote reach the same progress, and no change either made is lost.
 */
export function mergeProgress(a: ProgressData, b: ProgressData): ProgressData {
  const merged = emptyProgress();
  const guides = new Set([
    ...Object.keys(a.guides),
    ...Object.keys(b.guides),
    ...Object.keys(a.removed.ticks),
    ...Object.keys(b.removed.ticks),
  ]);
  for (const guide of guides) {
    const byGuide: Record<string, Record<string, unknown>>[] = [
      a.guides,
      b.guides,
      a.removed.ticks,
      b.removed.ticks,
    ];
    const steps = new Set(byGuide.flatMap((entries) => Object.keys(own(entries, guide) ?? {})));
    for (const step of steps) {
      const winner = later(
        later(
          tickVersion(own(own(a.guides, guide), step)),
          removalVersion(own(own(a.removed.ticks, guide), step)),
        ),
        later(
          tickVersion(own(own(b.guides, guide), step)),
          removalVersion(own(own(b.removed.ticks, guide), step)),
        ),
      );
      if (!winner) continue;
      if ('present' in winner) define(entriesOf(merged.guides, guide), step, winner.present);
      else define(entriesOf(merged.removed.ticks, guide), step, winner.removedAt);
    }
  }
  const fields = new Set([
    ...Object.keys(a.records),
    ...Object.keys(b.records),
    ...Object.keys(a.removed.records),
    ...Object.keys(b.removed.records),
  ]);
  for (const field of fields) {
    const winner = later(
      later(recordVersion(own(a.records, field)), removalVersion(own(a.removed.records, field))),
      later(recordVersion(own(b.records, field)), removalVersion(own(b.removed.records, field))),
    );
    if (!winner) continue;
    if ('present' in winner) define(merged.records, field, winner.present);
    else define(merged.removed.records, field, winner.removedAt);
  }
  return merged;
}

/** Tells whether two copies of progress hold the same ticks, records and removals. */
export function sameProgress(a: ProgressData, b: ProgressData): boolean {
  return encodeProgress(a) === encodeProgress(b);
}

/**
 * Returns a copy of `data` with a step ticked at `tickedAt`, or unticked when it is undefined. `now`
 * is when the change is made; it differs from `tickedAt` for a tick brought in by an import.
 */
export function withStep(
  data: ProgressData,
  guide: string,
  stepId: string,
  tickedAt: string | undefined,
  now: Date = tickedAt === undefined ? new Date() : new Date(tickedAt),
): ProgressData {
  const changedAt = now.toISOString();
  const ticks = { ...data.guides[guide] };
  const removedTicks = { ...data.removed.ticks[guide] };
  if (tickedAt === undefined) {
    if (!Object.hasOwn(ticks, stepId)) return data;
    delete ticks[stepId];
    removedTicks[stepId] = changedAt;
  } else {
    ticks[stepId] = Date.parse(tickedAt) === now.getTime() ? { tickedAt } : { tickedAt, changedAt };
    delete removedTicks[stepId];
  }
  return {
    ...data,
    guides: { ...data.guides, [guide]: ticks },
    removed: { ...data.removed, ticks: { ...data.removed.ticks, [guide]: removedTicks } },
  };
}

/** Returns a copy of `data` without any tick of the guide, each noted as removed at `now`. */
export function withoutGuide(data: ProgressData, guide: string, now: Date = new Date()): ProgressData {
  const guides = { ...data.guides };
  delete guides[guide];
  const removedTicks = { ...data.removed.ticks[guide] };
  for (const stepId of Object.keys(data.guides[guide] ?? {})) removedTicks[stepId] = now.toISOString();
  return {
    ...data,
    guides,
    removed: { ...data.removed, ticks: { ...data.removed.ticks, [guide]: removedTicks } },
  };
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
  const removedRecords = { ...data.removed.records };
  if (trimmed === '') {
    if (!Object.hasOwn(data.records, fieldId)) return data;
    delete records[fieldId];
    removedRecords[fieldId] = now.toISOString();
  } else {
    if (data.records[fieldId]?.value === trimmed) return data;
    records[fieldId] = { value: trimmed, updatedAt: now.toISOString() };
    delete removedRecords[fieldId];
  }
  return { ...data, records, removed: { ...data.removed, records: removedRecords } };
}
