/**
 * The checklist progress a browser keeps, and how it is read back safely.
 *
 * Stored under the localStorage key `partner-guides:progress` as JSON:
 *
 *   Version 1 (current):
 *   {
 *     "version": 1,
 *     "guides": {
 *       "<guide id>": { "<step id>": { "tickedAt": "<ISO 8601 date-time, UTC>" } }
 *     }
 *   }
 *
 * Ticks are keyed by guide and by the step's explicit id, never by its position, so reordering or
 * renaming steps in the content does not move ticks, and a tick whose step was removed is kept (it
 * reappears if the step returns).
 *
 * Migration policy: every change to this shape raises `version` and adds an upgrade function to
 * PROGRESS_MIGRATIONS (from version n to n + 1). Older values are upgraded on read and written back
 * in the current shape on the next change, keeping every tick. A value whose version is newer than
 * this code knows is never written: it is shown read-only, so that an older copy of the site open
 * in another tab cannot destroy what a newer one saved. A value that cannot be read is kept aside
 * under a backup key (see the progress store) before anything else is written.
 */

/** Version of the shape this code writes. */
export const PROGRESS_VERSION = 1;

/** One ticked step. */
export interface Tick {
  /** When the step was ticked, as an ISO 8601 date-time. */
  tickedAt: string;
}

/** Ticks of one guide, by step id. */
export type GuideTicks = Record<string, Tick>;

/** Everything the checklist stores, in the current shape. */
export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  guides: Record<string, GuideTicks>;
}

/** An upgrade of a stored value from one version to the next. */
export type Migration = (value: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrades by the version they start from: PROGRESS_MIGRATIONS[n] turns version n into n + 1.
 * Version 1 is the first published shape, so there is nothing to upgrade yet.
 */
export const PROGRESS_MIGRATIONS: Readonly<Record<number, Migration>> = {};

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

/** Progress with no tick. */
export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, guides: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

/** Keeps the well-formed ticks of a `guides` object; tells whether anything had to be dropped. */
function salvageGuides(guides: unknown): { guides: Record<string, GuideTicks>; lossless: boolean } {
  const result: Record<string, GuideTicks> = {};
  if (!isRecord(guides)) return { guides: result, lossless: false };
  let lossless = true;
  for (const [guide, ticks] of Object.entries(guides)) {
    if (!isRecord(ticks)) {
      lossless = false;
      continue;
    }
    const kept: GuideTicks = {};
    for (const [stepId, tick] of Object.entries(ticks)) {
      if (isRecord(tick) && isTimestamp(tick.tickedAt)) kept[stepId] = { tickedAt: tick.tickedAt };
      else lossless = false;
    }
    result[guide] = kept;
  }
  return { guides: result, lossless };
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
  if (!isRecord(parsed) || !Number.isInteger(parsed.version) || (parsed.version as number) < 1) {
    return { status: 'recovered', data: emptyProgress(), raw, reason: 'unknown-shape' };
  }

  const version = parsed.version as number;
  if (version > PROGRESS_VERSION) {
    const { guides } = salvageGuides(parsed.guides);
    return { status: 'newer', data: { version: PROGRESS_VERSION, guides }, raw, version };
  }

  const current = version < PROGRESS_VERSION ? migrateProgress(parsed, version, migrations) : parsed;
  if (!current) return { status: 'recovered', data: emptyProgress(), raw, reason: 'no-migration' };

  const { guides, lossless } = salvageGuides(current.guides);
  const data: ProgressData = { version: PROGRESS_VERSION, guides };
  if (!lossless) return { status: 'recovered', data, raw, reason: 'bad-entries' };
  return version < PROGRESS_VERSION ? { status: 'ok', data, migratedFrom: version } : { status: 'ok', data };
}

/** Serialises progress in the current shape. */
export function encodeProgress(data: ProgressData): string {
  return JSON.stringify({ version: PROGRESS_VERSION, guides: data.guides });
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
