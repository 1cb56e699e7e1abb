import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  encodeProgress,
  mergeProgress,
  withRecord,
  withStep,
  type ProgressData,
} from '../../src/lib/progress-data';
import {
  IMPORT_LIMITS,
  MAX_IMPORT_BYTES,
  TRANSFER_FORMAT,
  TRANSFER_VERSION,
  applyImport,
  exportFileName,
  exportProgress,
  exportRegistrations,
  parseImport,
  parseTransfer,
  planImport,
} from '../../src/lib/transfer';
import { HOSTILE_RECORDS } from './support/hostile-records';
import { progressWithChanges } from './support/changed-progress';

const AT = '2026-05-01T01:02:03.000Z';
const LATER = '2026-05-03T04:05:06.000Z';
const NOW = new Date('2026-05-07T09:00:00.000Z');
/** When a file is applied, after it was read. */
const APPLIED = new Date('2026-05-07T09:05:00.000Z');
const NO_REMOVALS = { ticks: {}, records: {} };
/** Progress as it would be stored (canonical: no empty guide, no empty removals). */
const asStored = (data: ProgressData) => JSON.parse(encodeProgress(data)) as unknown;

/** Progress with a few ticks (one guide left with no tick) and records. */
function sample(): ProgressData {
  let data = emptyProgress();
  data = withStep(data, 'hp', 'hp-a', AT);
  data = withStep(data, 'microsoft', 'ms-account-save', AT);
  data = withStep(data, 'microsoft', 'ms-mpa-accept', LATER);
  data = withStep(withStep(data, 'redhat', 'rh-a', AT), 'redhat', 'rh-a', undefined);
  data = withRecord(data, 'ms-partner-id-location', '6123456', new Date(AT));
  data = withRecord(data, 'ms-mpa-accepted-by', '山田　太郎', new Date(LATER));
  data = withRecord(data, 'ms-future-field', 'kept though unknown', new Date(AT));
  return data;
}

const file = (value: unknown) => JSON.stringify(value);
const ours = (rest: Record<string, unknown>) =>
  file({ format: TRANSFER_FORMAT, version: 2, exportedAt: NOW.toISOString(), ...rest });

describe('exportProgress', () => {
  it('writes the marked format, at version 3 since registrations, with the time of export', () => {
    expect(TRANSFER_VERSION).toBe(3);
    expect(JSON.parse(exportProgress(sample(), NOW, '株式会社サンプル'))).toEqual({
      format: 'partner-guides-progress',
      version: 3,
      exportedAt: '2026-05-07T09:00:00.000Z',
      registrations: [
        {
          name: '株式会社サンプル',
          guides: {
            hp: { 'hp-a': { tickedAt: AT } },
            microsoft: { 'ms-account-save': { tickedAt: AT }, 'ms-mpa-accept': { tickedAt: LATER } },
          },
          records: {
            'ms-partner-id-location': { value: '6123456', updatedAt: AT },
            'ms-mpa-accepted-by': { value: '山田　太郎', updatedAt: LATER },
            'ms-future-field': { value: 'kept though unknown', updatedAt: AT },
          },
        },
      ],
    });
  });

  it('writes tick times only: neither change times nor removal times', () => {
    const data = progressWithChanges(AT, LATER);
    expect(JSON.parse(exportProgress(data, NOW))).toEqual({
      format: 'partner-guides-progress',
      version: 3,
      exportedAt: '2026-05-07T09:00:00.000Z',
      registrations: [{ name: '', guides: { hp: { 'hp-a': { tickedAt: AT } } }, records: {} }],
    });
  });

  it('writes every registration given, in order, each with its name', () => {
    const other = withRecord(emptyProgress(), 'rh-login', 'hanako', new Date(AT));
    const text = exportRegistrations(
      [
        { name: 'A', data: sample() },
        { name: '', data: other },
      ],
      NOW,
    );
    const parsed = JSON.parse(text) as { registrations: { name: string; records: unknown }[] };
    expect(parsed.registrations.map(({ name }) => name)).toEqual(['A', '']);
    expect(parsed.registrations[1]?.records).toEqual({ 'rh-login': { value: 'hanako', updatedAt: AT } });
  });
});

describe('exportFileName', () => {
  it('names the file after the local calendar date, zero-padded', () => {
    expect(exportFileName(new Date(2026, 4, 7, 9, 0))).toBe('partner-guides-progress-2026-05-07.json');
    expect(exportFileName(new Date(2026, 11, 31, 23, 59, 59))).toBe(
      'partner-guides-progress-2026-12-31.json',
    );
  });

  it("uses the user's own clock, not UTC, around midnight", () => {
    const justAfterMidnight = new Date(2027, 0, 1, 0, 5);
    expect(exportFileName(justAfterMidnight)).toBe('partner-guides-progress-2027-01-01.json');
  });
});

describe('round trip', () => {
  it('gives back the same ticks and records when applied to empty progress, stamped with the import time', () => {
    const parsed = parseImport(exportProgress(sample(), NOW), NOW);
    const ticks = {
      hp: { 'hp-a': { tickedAt: AT } },
      microsoft: { 'ms-account-save': { tickedAt: AT }, 'ms-mpa-accept': { tickedAt: LATER } },
    };
    expect(parsed).toEqual({
      ok: true,
      data: {
        version: 3,
        guides: ticks,
        // The time a value was noted elsewhere is replaced by the time the file is read.
        records: {
          'ms-partner-id-location': { value: '6123456', updatedAt: NOW.toISOString() },
          'ms-mpa-accepted-by': { value: '山田　太郎', updatedAt: NOW.toISOString() },
          'ms-future-field': { value: 'kept though unknown', updatedAt: NOW.toISOString() },
        },
        removed: NO_REMOVALS,
      },
      refused: [],
      exportedAt: NOW.toISOString(),
    });
    if (!parsed.ok) return;
    expect(asStored(applyImport(emptyProgress(), parsed.data, APPLIED))).toEqual({
      version: 3,
      guides: {
        hp: { 'hp-a': { tickedAt: AT, changedAt: APPLIED.toISOString() } },
        microsoft: {
          'ms-account-save': { tickedAt: AT, changedAt: APPLIED.toISOString() },
          'ms-mpa-accept': { tickedAt: LATER, changedAt: APPLIED.toISOString() },
        },
      },
      records: {
        'ms-partner-id-location': { value: '6123456', updatedAt: APPLIED.toISOString() },
        'ms-mpa-accepted-by': { value: '山田　太郎', updatedAt: APPLIED.toISOString() },
        'ms-future-field': { value: 'kept though unknown', updatedAt: APPLIED.toISOString() },
      },
    });
  });

  it('changes nothing when the same file is applied a second time', () => {
    const parsed = parseImport(exportProgress(sample(), NOW), NOW);
    if (!parsed.ok) throw new Error('the export did not parse');
    let local = withStep(emptyProgress(), 'hp', 'hp-a', LATER);
    local = withRecord(local, 'ms-partner-id-location', '1111111', new Date(AT));
    expect(planImport(local, parsed.data).changes).not.toEqual([]);
    const once = applyImport(local, parsed.data, APPLIED);
    expect(planImport(once, parsed.data)).toEqual({
      changes: [],
      counts: { tick: { added: 0, overwritten: 0 }, record: { added: 0, overwritten: 0 } },
    });
    expect(applyImport(once, parsed.data, new Date('2026-05-08T00:00:00.000Z'))).toEqual(once);
  });
});

describe('parseImport', () => {
  it('accepts a version 1 file, which has no records, and upgrades it', () => {
    const text = file({
      format: TRANSFER_FORMAT,
      version: 1,
      exportedAt: AT,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
    });
    expect(parseImport(text, NOW)).toEqual({
      ok: true,
      data: { version: 3, guides: { hp: { 'hp-a': { tickedAt: AT } } }, records: {}, removed: NO_REMOVALS },
      refused: [],
      exportedAt: AT,
    });
  });

  it('accepts a file without exportedAt', () => {
    const text = file({ format: TRANSFER_FORMAT, version: 2, guides: {}, records: {} });
    expect(parseImport(text, NOW)).toEqual({
      ok: true,
      data: { version: 3, guides: {}, records: {}, removed: NO_REMOVALS },
      refused: [],
    });
  });

  it('refuses a stored progress value of version 3 passed off as a file of version 3', () => {
    expect(parseImport(ours({ version: 3, guides: {}, records: {} }), NOW)).toEqual({
      ok: false,
      error: 'bad-content',
    });
  });

  it.each([['{"format":'], ['not json at all'], ['']])('refuses %j as not JSON', (text) => {
    expect(parseImport(text)).toEqual({ ok: false, error: 'not-json' });
  });

  it.each([
    ['a stored progress value (no marker)', file({ version: 2, guides: {}, records: {} })],
    ['another format', file({ format: 'something-else', version: 2, guides: {}, records: {} })],
    ['an array', file([{ format: TRANSFER_FORMAT }])],
    ['a string', file(TRANSFER_FORMAT)],
    ['null', 'null'],
  ])('refuses %s as not ours', (_name, text) => {
    expect(parseImport(text)).toEqual({ ok: false, error: 'not-ours' });
  });

  it('refuses a file from a newer version of the site', () => {
    expect(parseImport(ours({ version: 4, registrations: [] }))).toEqual({
      ok: false,
      error: 'newer-version',
    });
  });

  it('refuses a file larger than the limit, counting bytes, before reading it', () => {
    const padding = (length: number) => ours({ guides: {}, records: {}, padding: 'x'.repeat(length) });
    const fits = padding(0);
    const limit = MAX_IMPORT_BYTES - fits.length;
    expect(parseImport(padding(limit)).ok).toBe(true);
    expect(parseImport(padding(limit + 1))).toEqual({ ok: false, error: 'too-large' });
    // Three bytes each in UTF-8: fewer characters than the limit, more bytes.
    const wide = ours({ guides: {}, records: {}, padding: 'あ'.repeat(MAX_IMPORT_BYTES / 3) });
    expect(wide.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(parseImport(wide)).toEqual({ ok: false, error: 'too-large' });
    expect(parseImport(`${'{'.repeat(MAX_IMPORT_BYTES + 1)}`)).toEqual({ ok: false, error: 'too-large' });
  });

  const good = {
    guides: { hp: { 'hp-a': { tickedAt: AT } } },
    records: { 'ms-domain': { value: 'a.jp', updatedAt: AT } },
  };

  it.each([
    ['no version', file({ format: TRANSFER_FORMAT, ...good })],
    ['a version that is a string', ours({ ...good, version: '2' })],
    ['version 0', ours({ ...good, version: 0 })],
    ['version 1.5', ours({ ...good, version: 1.5 })],
    ['an exportedAt that is not a time', ours({ ...good, exportedAt: 'last week' })],
    ['no guides', ours({ records: good.records })],
    ['guides as a list', ours({ ...good, guides: [] })],
    ['a guide that is not an object', ours({ ...good, guides: { hp: true } })],
    ['a guide whose ticks are a list', ours({ ...good, guides: { hp: [{ tickedAt: AT }] } })],
    ['no records in a version 2 file', ours({ guides: good.guides })],
    ['records as a string', ours({ ...good, records: 'x' })],
    ['records as a list', ours({ ...good, records: [] })],
    ['a version 1 file carrying records it would silently drop', ours({ ...good, version: 1 })],
  ])('refuses a file with %s as bad content, all or nothing', (_name, text) => {
    expect(parseImport(text, NOW)).toEqual({ ok: false, error: 'bad-content' });
  });

  /** What a file holds besides the entry under test, imported as it is. */
  const goodRecords = { 'ms-domain': { value: 'a.jp', updatedAt: NOW.toISOString() } };

  it.each([
    ['a tick without a time', { 'hp-a': {} }],
    ['a tick with a bad time', { 'hp-a': { tickedAt: 'yesterday' } }],
    ['a tick that is true', { 'hp-a': true }],
    ['a tick in the year +275760', { 'hp-a': { tickedAt: '+275760-09-12T00:00:00.000Z' } }],
    ['a tick in 1999', { 'hp-a': { tickedAt: '1999-12-31T23:59:59.000Z' } }],
    ['a tick two days ahead of now', { 'hp-a': { tickedAt: '2026-05-09T09:00:00.000Z' } }],
  ])('refuses %s (bad-time) and keeps the rest of the file', (_name, ticks) => {
    const text = ours({ ...good, guides: { hp: { ...ticks, 'hp-b': { tickedAt: AT } } } });
    expect(parseImport(text, NOW)).toEqual({
      ok: true,
      data: {
        version: 3,
        guides: { hp: { 'hp-b': { tickedAt: AT } } },
        records: goodRecords,
        removed: NO_REMOVALS,
      },
      refused: [{ type: 'tick', key: 'hp/hp-a', reason: 'bad-time' }],
      exportedAt: NOW.toISOString(),
    });
  });

  it('keeps a tick time up to a day ahead of now (a clock running fast)', () => {
    const text = ours({ ...good, guides: { hp: { 'hp-a': { tickedAt: '2026-05-08T08:00:00.000Z' } } } });
    expect(parseImport(text, NOW)).toMatchObject({
      ok: true,
      data: { guides: { hp: { 'hp-a': { tickedAt: '2026-05-08T08:00:00.000Z' } } } },
      refused: [],
    });
  });

  it('refuses a __proto__ step (bad-key) instead of letting it replace a prototype', () => {
    const text = `${ours(good).slice(0, -1)},"guides":{"hp":{"__proto__":{"tickedAt":"${AT}"},"hp-b":{"tickedAt":"${AT}"}}}}`;
    const parsed = parseImport(text, NOW);
    expect(parsed).toEqual({
      ok: true,
      data: {
        version: 3,
        guides: { hp: { 'hp-b': { tickedAt: AT } } },
        records: goodRecords,
        removed: NO_REMOVALS,
      },
      refused: [{ type: 'tick', key: 'hp/__proto__', reason: 'bad-key' }],
      exportedAt: NOW.toISOString(),
    });
    if (parsed.ok) expect(Object.getPrototypeOf(parsed.data.guides.hp)).toBe(Object.prototype);
  });

  it('refuses the ticks of a __proto__ guide and a __proto__ record (bad-key)', () => {
    const text = `${ours(good).slice(0, -1)},"guides":{"__proto__":{"x":{"tickedAt":"${AT}"}}},"records":{"__proto__":{"value":"x","updatedAt":"${AT}"}}}`;
    const parsed = parseImport(text, NOW);
    expect(parsed).toEqual({
      ok: true,
      data: { version: 3, guides: {}, records: {}, removed: NO_REMOVALS },
      refused: [
        { type: 'tick', key: '__proto__/x', reason: 'bad-key' },
        { type: 'record', key: '__proto__', reason: 'bad-key' },
      ],
      exportedAt: NOW.toISOString(),
    });
    if (parsed.ok) expect(Object.getPrototypeOf(parsed.data.records)).toBe(Object.prototype);
  });

  it.each([
    ['a bare string', 'a.jp'],
    ['a number value', { value: 1, updatedAt: AT }],
    ['an empty value', { value: ' ', updatedAt: AT }],
    ['no value', { updatedAt: AT }],
  ])('refuses a record that is %s (malformed) and keeps the rest of the file', (_name, record) => {
    const text = ours({
      ...good,
      records: { 'ms-domain': record, 'rh-login': { value: 'taro', updatedAt: AT } },
    });
    expect(parseImport(text, NOW)).toEqual({
      ok: true,
      data: {
        version: 3,
        guides: { hp: { 'hp-a': { tickedAt: AT } } },
        records: { 'rh-login': { value: 'taro', updatedAt: NOW.toISOString() } },
        removed: NO_REMOVALS,
      },
      refused: [{ type: 'record', key: 'ms-domain', reason: 'malformed' }],
      exportedAt: NOW.toISOString(),
    });
  });

  it('takes a record without a time, or with any time: the import stamps it with its own', () => {
    const text = ours({
      ...good,
      records: {
        'ms-domain': { value: 'a.jp' },
        'rh-login': { value: 'taro', updatedAt: '+275760-09-12T00:00:00.000Z' },
      },
    });
    expect(parseImport(text, NOW)).toMatchObject({
      ok: true,
      data: {
        records: {
          'ms-domain': { value: 'a.jp', updatedAt: NOW.toISOString() },
          'rh-login': { value: 'taro', updatedAt: NOW.toISOString() },
        },
      },
      refused: [],
    });
  });

  it.each([
    ...HOSTILE_RECORDS,
    ['an acceptance date that does not exist', 'ms-mpa-accepted-on', '2026-02-30', 'not-date'],
    ['a domain that is not one', 'ms-domain', 'not a domain', 'not-domain'],
    ['a partner type that is not a choice', 'rh-partner-type', 'Reseller', 'not-a-choice'],
  ])('refuses a record with %s, giving the reason, and keeps the rest', (_name, fieldId, value, reason) => {
    const text = ours({
      guides: good.guides,
      records: { [fieldId]: { value, updatedAt: AT }, 'rh-login': { value: 'taro', updatedAt: AT } },
    });
    expect(parseImport(text, NOW)).toEqual({
      ok: true,
      data: {
        version: 3,
        guides: { hp: { 'hp-a': { tickedAt: AT } } },
        records: { 'rh-login': { value: 'taro', updatedAt: NOW.toISOString() } },
        removed: NO_REMOVALS,
      },
      refused: [{ type: 'record', key: fieldId, reason }],
      exportedAt: NOW.toISOString(),
    });
  });

  it('lists every refused entry of a file, in the order of the file', () => {
    const text = ours({
      guides: {
        hp: { 'hp-a': { tickedAt: 'yesterday' }, 'hp-b': { tickedAt: AT } },
        redhat: { 'rh-a': { tickedAt: '+275760-09-12T00:00:00.000Z' } },
      },
      records: {
        'ms-mpa-accepted-by': { value: 'X\nパートナー ID（ロケーション）: 9999999', updatedAt: AT },
        'ms-partner-id-location': { value: 'abc', updatedAt: AT },
        'ms-partner-id-global': { value: '6123456', updatedAt: AT },
      },
    });
    expect(parseImport(text, NOW)).toEqual({
      ok: true,
      data: {
        version: 3,
        guides: { hp: { 'hp-b': { tickedAt: AT } }, redhat: {} },
        records: { 'ms-partner-id-global': { value: '6123456', updatedAt: NOW.toISOString() } },
        removed: NO_REMOVALS,
      },
      refused: [
        { type: 'tick', key: 'hp/hp-a', reason: 'bad-time' },
        { type: 'tick', key: 'redhat/rh-a', reason: 'bad-time' },
        { type: 'record', key: 'ms-mpa-accepted-by', reason: 'line-break' },
        { type: 'record', key: 'ms-partner-id-location', reason: 'not-digits' },
      ],
      exportedAt: NOW.toISOString(),
    });
  });

  it('bounds 15,000 ticks of unknown guides: three unknown guides of 200 steps, the excess counted', () => {
    const guides: Record<string, Record<string, { tickedAt: string }>> = { hp: { 'hp-a': { tickedAt: AT } } };
    for (let g = 0; g < 15; g++) {
      const steps: Record<string, { tickedAt: string }> = {};
      for (let s = 0; s < 1000; s++) steps[`s${s}`] = { tickedAt: AT };
      guides[`unknown-${g}`] = steps;
    }
    const text = ours({ guides, records: {} });
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    const parsed = parseImport(text, NOW);
    if (!parsed.ok) throw new Error(`the file was refused: ${parsed.error}`);
    expect(IMPORT_LIMITS.unknownGuides).toBe(3);
    expect(Object.keys(parsed.data.guides)).toEqual(['hp', 'unknown-0', 'unknown-1', 'unknown-2']);
    expect(parsed.data.guides.hp).toEqual({ 'hp-a': { tickedAt: AT } });
    for (const guide of ['unknown-0', 'unknown-1', 'unknown-2']) {
      expect(Object.keys(parsed.data.guides[guide] ?? {})).toHaveLength(200);
    }
    expect(parsed.refused).toEqual([
      // 800 steps beyond 200 in each of the three unknown guides kept.
      { type: 'over-limit', what: 'stepsPerGuide', count: 2400, limit: 200 },
      // The 12 other unknown guides of 1,000 ticks each.
      { type: 'over-limit', what: 'unknownGuides', count: 12_000, limit: 3 },
    ]);
  });

  it('bounds the records of fields this version does not know to 10, the excess counted', () => {
    const records: Record<string, { value: string; updatedAt: string }> = {
      'rh-login': { value: 'taro', updatedAt: AT },
    };
    for (let i = 0; i < 25; i++) records[`unknown-${i}`] = { value: 'x', updatedAt: AT };
    const parsed = parseImport(ours({ guides: {}, records }), NOW);
    if (!parsed.ok) throw new Error(`the file was refused: ${parsed.error}`);
    expect(Object.keys(parsed.data.records)).toHaveLength(11);
    expect(parsed.data.records['rh-login']).toEqual({ value: 'taro', updatedAt: NOW.toISOString() });
    expect(parsed.data.records['unknown-9']).toEqual({ value: 'x', updatedAt: NOW.toISOString() });
    expect(parsed.data.records['unknown-10']).toBeUndefined();
    expect(parsed.refused).toEqual([{ type: 'over-limit', what: 'unknownRecords', count: 15, limit: 10 }]);
  });

  it('keeps ticks and records whose guide, step or field this version does not know', () => {
    const text = ours({
      guides: { 'new-guide': { 'new-step': { tickedAt: AT } } },
      records: { 'new-field': { value: 'x', updatedAt: AT } },
    });
    expect(parseImport(text, NOW)).toMatchObject({
      ok: true,
      data: {
        guides: { 'new-guide': { 'new-step': { tickedAt: AT } } },
        records: { 'new-field': { value: 'x', updatedAt: NOW.toISOString() } },
      },
      refused: [],
    });
  });

  it('keeps only the known properties of each entry, and no change time from the file', () => {
    const text = ours({
      guides: { hp: { 'hp-a': { tickedAt: AT, changedAt: LATER, extra: 1 } } },
      records: { 'ms-domain': { value: 'a.jp', updatedAt: AT, extra: 2 } },
    });
    const parsed = parseImport(text, NOW);
    expect(parsed).toMatchObject({ ok: true, refused: [] });
    if (!parsed.ok) return;
    expect(parsed.data.guides).toEqual({ hp: { 'hp-a': { tickedAt: AT } } });
    expect(parsed.data.records).toEqual({ 'ms-domain': { value: 'a.jp', updatedAt: NOW.toISOString() } });
  });
});

describe('planImport and applyImport', () => {
  let local = emptyProgress();
  local = withStep(local, 'hp', 'hp-kept', AT);
  local = withStep(local, 'hp', 'hp-same', AT);
  local = withStep(local, 'hp', 'hp-older', AT);
  local = withRecord(local, 'ms-domain', 'contoso.onmicrosoft.com', new Date(AT));
  local = withRecord(local, 'ms-partner-id-location', '1111111', new Date(AT));
  local = withRecord(local, 'rh-login', 'taro', new Date(AT));

  let incoming = emptyProgress();
  incoming = withStep(incoming, 'hp', 'hp-same', AT);
  incoming = withStep(incoming, 'hp', 'hp-older', LATER);
  incoming = withStep(incoming, 'redhat', 'rh-new', LATER);
  incoming = withRecord(incoming, 'ms-domain', 'contoso.onmicrosoft.com', new Date(LATER));
  incoming = withRecord(incoming, 'ms-partner-id-location', '6123456', new Date(LATER));
  incoming = withRecord(incoming, 'ms-mpa-accepted-by', '山田 太郎', new Date(LATER));

  it('lists what would be added or overwritten, and nothing else', () => {
    expect(planImport(local, incoming)).toEqual({
      changes: [
        {
          type: 'tick',
          key: 'hp/hp-older',
          guide: 'hp',
          step: 'hp-older',
          change: 'overwritten',
          before: AT,
          after: LATER,
        },
        {
          type: 'tick',
          key: 'redhat/rh-new',
          guide: 'redhat',
          step: 'rh-new',
          change: 'added',
          after: LATER,
        },
        {
          type: 'record',
          key: 'ms-partner-id-location',
          change: 'overwritten',
          before: '1111111',
          after: '6123456',
        },
        { type: 'record', key: 'ms-mpa-accepted-by', change: 'added', after: '山田 太郎' },
      ],
      counts: { tick: { added: 1, overwritten: 1 }, record: { added: 1, overwritten: 1 } },
    });
  });

  it("keeps what the file does not mention, adds what is new, takes the file's differing values", () => {
    expect(asStored(applyImport(local, incoming, APPLIED))).toEqual({
      version: 3,
      guides: {
        hp: {
          'hp-kept': { tickedAt: AT },
          'hp-same': { tickedAt: AT },
          // Changed by the import: the file's tick time, changed when the import was applied.
          'hp-older': { tickedAt: LATER, changedAt: APPLIED.toISOString() },
        },
        redhat: { 'rh-new': { tickedAt: LATER, changedAt: APPLIED.toISOString() } },
      },
      records: {
        // Same value: the local record, with its own time, stays.
        'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT },
        'ms-partner-id-location': { value: '6123456', updatedAt: APPLIED.toISOString() },
        'rh-login': { value: 'taro', updatedAt: AT },
        'ms-mpa-accepted-by': { value: '山田 太郎', updatedAt: APPLIED.toISOString() },
      },
    });
  });

  it('takes an older tick time from the file too: the file wins wherever it differs', () => {
    const newer = withStep(emptyProgress(), 'hp', 'hp-a', LATER);
    const older = withStep(emptyProgress(), 'hp', 'hp-a', AT);
    expect(applyImport(newer, older, APPLIED).guides.hp).toEqual({
      'hp-a': { tickedAt: AT, changedAt: APPLIED.toISOString() },
    });
  });

  it('brings back a tick unticked before the import, and wins over an older copy in another tab', () => {
    const unticked = withStep(
      withStep(emptyProgress(), 'hp', 'hp-a', AT),
      'hp',
      'hp-a',
      undefined,
      new Date(LATER),
    );
    const file = withStep(emptyProgress(), 'hp', 'hp-a', AT);
    const imported = applyImport(unticked, file, APPLIED);
    expect(asStored(imported)).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT, changedAt: APPLIED.toISOString() } } },
      records: {},
    });
    // Another tab still holds the untick from before the import: the import is later, so it stays.
    expect(asStored(mergeProgress(unticked, imported))).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT, changedAt: APPLIED.toISOString() } } },
      records: {},
    });
  });

  it('leaves both inputs untouched', () => {
    const before = JSON.stringify([local, incoming]);
    applyImport(local, incoming);
    planImport(local, incoming);
    expect(JSON.stringify([local, incoming])).toBe(before);
  });

  it('never removes anything, even when the file is empty', () => {
    expect(planImport(local, emptyProgress()).changes).toEqual([]);
    expect(applyImport(local, emptyProgress())).toEqual(local);
  });
});

describe('files of several registrations (version 3)', () => {
  const v3 = (registrations: unknown) =>
    file({ format: TRANSFER_FORMAT, version: 3, exportedAt: NOW.toISOString(), registrations });
  const tick = { tickedAt: AT };

  it('reads every registration with its name, in file order, each checked as a file of one', () => {
    const text = v3([
      { name: '株式会社A', guides: { hp: { 'hp-a': tick } }, records: {} },
      {
        name: '',
        guides: { redhat: { 'rh-a': { tickedAt: 'yesterday' } } },
        records: { 'ms-partner-id-location': { value: 'abc', updatedAt: AT } },
      },
    ]);
    expect(parseTransfer(text, NOW)).toEqual({
      ok: true,
      exportedAt: NOW.toISOString(),
      registrations: [
        { name: '株式会社A', data: { ...emptyProgress(), guides: { hp: { 'hp-a': tick } } }, refused: [] },
        {
          name: '',
          data: { ...emptyProgress(), guides: { redhat: {} } },
          refused: [
            { type: 'tick', key: 'redhat/rh-a', reason: 'bad-time' },
            { type: 'record', key: 'ms-partner-id-location', reason: 'not-digits' },
          ],
        },
      ],
    });
  });

  it('reads a file of version 1 or 2 as one registration without a name', () => {
    const v2 = parseTransfer(ours({ guides: { hp: { 'hp-a': tick } }, records: {} }), NOW);
    const v1 = parseTransfer(
      file({ format: TRANSFER_FORMAT, version: 1, guides: { hp: { 'hp-a': tick } } }),
      NOW,
    );
    for (const parsed of [v1, v2]) {
      expect(parsed.ok && parsed.registrations).toEqual([
        { name: '', data: { ...emptyProgress(), guides: { hp: { 'hp-a': tick } } }, refused: [] },
      ]);
    }
  });

  it('round-trips every registration exported together', () => {
    const other = withRecord(
      withStep(emptyProgress(), 'redhat', 'rh-a', AT),
      'rh-login',
      'hanako',
      new Date(AT),
    );
    const text = exportRegistrations(
      [
        { name: 'A', data: sample() },
        { name: 'B', data: other },
      ],
      NOW,
    );
    const parsed = parseTransfer(text, NOW);
    if (!parsed.ok) throw new Error('the export did not parse');
    expect(parsed.registrations.map(({ name }) => name)).toEqual(['A', 'B']);
    expect(parsed.registrations[1]?.data.guides).toEqual({ redhat: { 'rh-a': { tickedAt: AT } } });
    expect(parsed.registrations[1]?.data.records).toEqual({
      'rh-login': { value: 'hanako', updatedAt: NOW.toISOString() },
    });
    expect(parsed.registrations.every(({ refused }) => refused.length === 0)).toBe(true);
  });

  it('accepts 100 registrations and refuses 101, whole', () => {
    const one = { name: '', guides: {}, records: {} };
    expect(parseTransfer(v3(Array.from({ length: 100 }, () => one)), NOW).ok).toBe(true);
    expect(parseTransfer(v3(Array.from({ length: 101 }, () => one)), NOW)).toEqual({
      ok: false,
      error: 'bad-content',
    });
  });

  const good = { name: 'A', guides: {}, records: {} };
  it.each([
    ['no registrations', undefined],
    ['registrations that are not a list', { a: good }],
    ['an empty list', []],
    ['a registration that is not an object', [good, 'B']],
    ['a name that is not text', [{ ...good, name: 5 }]],
    ['a name of two lines', [{ ...good, name: 'A\nB' }]],
    ['a name of 81 characters', [{ ...good, name: 'あ'.repeat(81) }]],
    ['a name with spaces around it', [{ ...good, name: ' A ' }]],
    ['a registration without records', [{ name: 'A', guides: {} }]],
    ['a registration whose guides are a list', [{ ...good, guides: [] }]],
  ])('refuses a file with %s as bad content, all or nothing', (_name, registrations) => {
    expect(parseTransfer(v3(registrations), NOW)).toEqual({ ok: false, error: 'bad-content' });
  });

  it('takes a registration without a name as having none', () => {
    const parsed = parseTransfer(v3([{ guides: {}, records: {} }]), NOW);
    expect(parsed.ok && parsed.registrations[0]?.name).toBe('');
  });

  it('imports a file of one registration into this one (parseImport), and refuses one of several', () => {
    expect(parseImport(v3([{ ...good, guides: { hp: { 'hp-a': tick } } }]), NOW)).toEqual({
      ok: true,
      data: { ...emptyProgress(), guides: { hp: { 'hp-a': tick } } },
      refused: [],
      exportedAt: NOW.toISOString(),
    });
    expect(parseImport(v3([good, good]), NOW)).toEqual({ ok: false, error: 'several-registrations' });
  });

  it('bounds what each registration may add, as in a file of one', () => {
    const unknownGuides = Object.fromEntries(['x1', 'x2', 'x3', 'x4'].map((guide) => [guide, { a: tick }]));
    const parsed = parseTransfer(v3([good, { ...good, guides: unknownGuides }]), NOW);
    if (!parsed.ok) throw new Error('the file did not parse');
    expect(parsed.registrations[0]?.refused).toEqual([]);
    expect(parsed.registrations[1]?.refused).toEqual([
      { type: 'over-limit', what: 'unknownGuides', count: 1, limit: IMPORT_LIMITS.unknownGuides },
    ]);
  });
});
