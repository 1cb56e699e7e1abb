import { describe, expect, it } from 'vitest';
import {
  PROGRESS_MIGRATIONS,
  PROGRESS_VERSION,
  decodeProgress,
  emptyProgress,
  encodeProgress,
  migrateProgress,
  withRecord,
  withStep,
  withoutGuide,
  type Migration,
} from '../../src/lib/progress-data';
import { checkStoredRecord } from '../../src/lib/records';
import { HOSTILE_RECORDS } from './support/hostile-records';
import { progressWithChanges } from './support/changed-progress';

const AT = '2026-05-01T01:02:03.000Z';
const LATER = '2026-05-03T04:05:06.000Z';
const stored = (value: unknown) => JSON.stringify(value);
/** Progress with nothing removed, as decoding gives it. */
const NO_REMOVALS = { ticks: {}, records: {} };

describe('decodeProgress', () => {
  it('starts empty when nothing is stored', () => {
    expect(decodeProgress(undefined)).toEqual({ status: 'empty', data: emptyProgress() });
    expect(decodeProgress(null).status).toBe('empty');
  });

  it('is at version 3', () => {
    expect(PROGRESS_VERSION).toBe(3);
  });

  it('reads a value of the current version as it is', () => {
    const value = {
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT }, 'hp-b': { tickedAt: AT, changedAt: LATER } } },
      records: { 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT } },
      removed: { ticks: { hp: { 'hp-c': LATER } }, records: { 'rh-login': LATER } },
    };
    expect(decodeProgress(stored(value))).toEqual({ status: 'ok', data: value });
  });

  it('reads a current value that has no records or removals yet as having none, without loss', () => {
    const value = { version: 3, guides: { hp: { 'hp-a': { tickedAt: AT } } } };
    expect(decodeProgress(stored(value))).toEqual({
      status: 'ok',
      data: { version: 3, guides: { hp: { 'hp-a': { tickedAt: AT } } }, records: {}, removed: NO_REMOVALS },
    });
  });

  it('round-trips through encodeProgress', () => {
    let data = withStep(withStep(emptyProgress(), 'hp', 'hp-a', AT), 'redhat', 'rh-b', AT);
    data = withRecord(data, 'ms-partner-id-location', '6123456', new Date(AT));
    expect(JSON.parse(encodeProgress(data))).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT } }, redhat: { 'rh-b': { tickedAt: AT } } },
      records: { 'ms-partner-id-location': { value: '6123456', updatedAt: AT } },
    });
    expect(decodeProgress(encodeProgress(data))).toEqual({
      status: 'ok',
      data: {
        version: 3,
        guides: { hp: { 'hp-a': { tickedAt: AT } }, redhat: { 'rh-b': { tickedAt: AT } } },
        records: { 'ms-partner-id-location': { value: '6123456', updatedAt: AT } },
        removed: NO_REMOVALS,
      },
    });
  });

  it('round-trips removal times and change times through encodeProgress', () => {
    const data = progressWithChanges(AT, LATER);
    const expected = {
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT, changedAt: LATER } } },
      records: {},
      removed: { ticks: { hp: { 'hp-b': LATER } }, records: { 'rh-login': LATER } },
    };
    expect(JSON.parse(encodeProgress(data))).toEqual(expected);
    expect(decodeProgress(encodeProgress(data))).toEqual({ status: 'ok', data: expected });
  });

  it('reads a version 1 value (the first published shape) as version 3 with every tick, no record, no removal', () => {
    const ticks = { hp: { 'hp-a': { tickedAt: AT } }, microsoft: { 'ms-mpa-accept': { tickedAt: AT } } };
    expect(decodeProgress(stored({ version: 1, guides: ticks }))).toEqual({
      status: 'ok',
      data: {
        version: 3,
        guides: { hp: { 'hp-a': { tickedAt: AT } }, microsoft: { 'ms-mpa-accept': { tickedAt: AT } } },
        records: {},
        removed: NO_REMOVALS,
      },
      migratedFrom: 1,
    });
  });

  it('reads a version 2 value as version 3 with every tick and record, and no removal', () => {
    const raw = stored({
      version: 2,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: { 'rh-login': { value: 'taro', updatedAt: AT } },
    });
    expect(decodeProgress(raw)).toEqual({
      status: 'ok',
      data: {
        version: 3,
        guides: { hp: { 'hp-a': { tickedAt: AT } } },
        records: { 'rh-login': { value: 'taro', updatedAt: AT } },
        removed: NO_REMOVALS,
      },
      migratedFrom: 2,
    });
  });

  it('recovers from text that is not JSON, returning the raw text to keep aside', () => {
    expect(decodeProgress('{"version":1,')).toEqual({
      status: 'recovered',
      data: emptyProgress(),
      raw: '{"version":1,',
      reason: 'not-json',
    });
  });

  it.each([
    ['an array', '[1,2]'],
    ['a string', '"hello"'],
    ['no version', stored({ guides: {} })],
    ['a version that is not a whole number', stored({ version: '1', guides: {} })],
    ['version 0', stored({ version: 0, guides: {} })],
  ])('recovers from a value of unknown shape: %s', (_name, raw) => {
    expect(decodeProgress(raw)).toMatchObject({ status: 'recovered', raw, reason: 'unknown-shape' });
  });

  it('keeps the readable ticks of a partly broken value and reports the rest', () => {
    const raw = stored({
      version: 1,
      guides: { hp: { 'hp-a': { tickedAt: AT }, 'hp-b': { tickedAt: 'yesterday' }, 'hp-c': true }, ms: 'x' },
    });
    expect(decodeProgress(raw)).toEqual({
      status: 'recovered',
      data: { version: 3, guides: { hp: { 'hp-a': { tickedAt: AT } } }, records: {}, removed: NO_REMOVALS },
      raw,
      reason: 'bad-entries',
    });
  });

  it('keeps the readable records of a partly broken value and reports the rest', () => {
    const good = { value: '6123456', updatedAt: AT };
    const raw = stored({
      version: PROGRESS_VERSION,
      guides: {},
      records: {
        'ms-partner-id-location': good,
        'ms-partner-id-global': { value: 6123456, updatedAt: AT },
        'ms-domain': { value: 'contoso.onmicrosoft.com' },
        'ms-user-name': { value: '   ', updatedAt: AT },
        'rh-login': 'taro',
      },
    });
    expect(decodeProgress(raw)).toEqual({
      status: 'recovered',
      data: {
        version: 3,
        guides: {},
        records: { 'ms-partner-id-location': { value: '6123456', updatedAt: AT } },
        removed: NO_REMOVALS,
      },
      raw,
      reason: 'bad-entries',
    });
  });

  it('reports records that are not an object at all', () => {
    const raw = stored({
      version: PROGRESS_VERSION,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: [],
    });
    expect(decodeProgress(raw)).toMatchObject({
      status: 'recovered',
      data: { guides: { hp: { 'hp-a': { tickedAt: AT } } }, records: {} },
      reason: 'bad-entries',
    });
  });

  it('keeps records of fields this version does not know (a newer site may have added them)', () => {
    const value = {
      version: 3,
      guides: {},
      records: { 'ms-some-later-field': { value: 'x', updatedAt: AT } },
      removed: NO_REMOVALS,
    };
    expect(decodeProgress(stored(value))).toEqual({ status: 'ok', data: value });
  });

  it('drops a __proto__ entry instead of letting it replace a prototype', () => {
    const raw = `{"version":${PROGRESS_VERSION},"guides":{"hp":{"__proto__":{"tickedAt":"${AT}"}}},"records":{"__proto__":{"value":"x","updatedAt":"${AT}"}}}`;
    const decoded = decodeProgress(raw);
    expect(decoded).toMatchObject({ status: 'recovered', reason: 'bad-entries' });
    expect(Object.getPrototypeOf(decoded.data.guides.hp)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(decoded.data.records)).toBe(Object.prototype);
  });

  it('keeps ticks of steps the content no longer has (they reappear if the step returns)', () => {
    const raw = stored({
      version: 2,
      guides: { hp: { 'hp-removed-long-ago': { tickedAt: AT } } },
      records: {},
    });
    expect(decodeProgress(raw)).toMatchObject({
      status: 'ok',
      data: { guides: { hp: { 'hp-removed-long-ago': {} } } },
    });
  });

  it('shows a value written by a newer version read-only, as far as it can be read', () => {
    const raw = stored({
      version: PROGRESS_VERSION + 1,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: { 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT }, broken: 1 },
      more: 1,
    });
    expect(decodeProgress(raw)).toEqual({
      status: 'newer',
      data: {
        version: 3,
        guides: { hp: { 'hp-a': { tickedAt: AT } } },
        records: { 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT } },
        removed: NO_REMOVALS,
      },
      raw,
      version: 4,
    });
  });
});

describe('migration of older versions', () => {
  it('upgrades version 1 to 2 by adding empty records and keeping every tick', () => {
    const ticks = { hp: { 'hp-a': { tickedAt: AT } }, redhat: { 'rh-a': { tickedAt: AT } } };
    expect(migrateProgress({ version: 1, guides: ticks }, 1, PROGRESS_MIGRATIONS, 2)).toEqual({
      version: 2,
      guides: { hp: { 'hp-a': { tickedAt: AT } }, redhat: { 'rh-a': { tickedAt: AT } } },
      records: {},
    });
  });

  it('upgrades version 2 to 3 by adding empty removals and keeping every tick and record', () => {
    const value = {
      version: 2,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: { 'rh-login': { value: 'taro', updatedAt: AT } },
    };
    expect(migrateProgress(value, 2)).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: { 'rh-login': { value: 'taro', updatedAt: AT } },
      removed: { ticks: {}, records: {} },
    });
  });

  it('upgrades version 1 to the current version 3 in one go', () => {
    const ticks = { hp: { 'hp-a': { tickedAt: AT } } };
    expect(migrateProgress({ version: 1, guides: ticks }, 1)).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: {},
      removed: { ticks: {}, records: {} },
    });
  });

  it('has an upgrade from every earlier version', () => {
    for (let version = 1; version < PROGRESS_VERSION; version++) {
      expect(PROGRESS_MIGRATIONS[version]).toBeTypeOf('function');
    }
  });

  it('leaves a value of the current version as it is', () => {
    const value = { version: PROGRESS_VERSION, guides: {}, records: {} };
    expect(migrateProgress(value, PROGRESS_VERSION)).toEqual(value);
  });

  // Older, imaginary versions -1 → 0 → 1 (with a list of ticked ids at -1) chained to the real
  // upgrades from 1 to 2 and 2 to 3: proves that the chain runs step by step through every version.
  const migrations: Record<number, Migration> = {
    ...PROGRESS_MIGRATIONS,
    [-1]: (value) => ({ ticks: value.done }),
    0: (value) => ({
      guides: Object.fromEntries(
        Object.entries(value.ticks as Record<string, string[]>).map(([guide, ids]) => [
          guide,
          Object.fromEntries(ids.map((id) => [id, { tickedAt: AT }])),
        ]),
      ),
    }),
  };

  it('upgrades step by step and keeps every tick', () => {
    const older = { version: -1, done: { hp: ['hp-a', 'hp-b'], redhat: ['rh-a'] } };
    const upgraded = migrateProgress(older, -1, migrations);
    expect(upgraded).toEqual({
      version: 3,
      guides: {
        hp: { 'hp-a': { tickedAt: AT }, 'hp-b': { tickedAt: AT } },
        redhat: { 'rh-a': { tickedAt: AT } },
      },
      records: {},
      removed: { ticks: {}, records: {} },
    });
  });

  it('gives up (and so keeps the value aside) when a step of the chain is missing', () => {
    expect(migrateProgress({ version: -2 }, -2, migrations)).toBeUndefined();
  });
});

describe('changes', () => {
  it('ticks and unticks one step without touching the others', () => {
    const one = withStep(emptyProgress(), 'hp', 'hp-a', AT);
    const two = withStep(one, 'hp', 'hp-b', AT);
    expect(withStep(two, 'hp', 'hp-a', undefined).guides).toEqual({ hp: { 'hp-b': { tickedAt: AT } } });
    expect(one.guides.hp).toEqual({ 'hp-a': { tickedAt: AT } });
  });

  it('resets one guide and leaves the others and the records', () => {
    const data = withStep(withStep(emptyProgress(), 'hp', 'hp-a', AT), 'redhat', 'rh-a', AT);
    const withNote = withRecord(data, 'ms-domain', 'contoso.onmicrosoft.com', new Date(AT));
    const reset = withoutGuide(withNote, 'hp', new Date(LATER));
    expect(reset.guides).toEqual({ redhat: { 'rh-a': { tickedAt: AT } } });
    expect(reset.records).toEqual({ 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT } });
    // Each tick the reset removed is noted as removed then, so that an older copy cannot bring it back.
    expect(reset.removed.ticks.hp).toEqual({ 'hp-a': LATER });
    expect(JSON.parse(encodeProgress(reset))).toEqual({
      version: 3,
      guides: { redhat: { 'rh-a': { tickedAt: AT } } },
      records: { 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT } },
      removed: { ticks: { hp: { 'hp-a': LATER } }, records: {} },
    });
  });

  it('notes when a step was unticked, and forgets that note when it is ticked again', () => {
    const ticked = withStep(emptyProgress(), 'hp', 'hp-a', AT);
    const unticked = withStep(ticked, 'hp', 'hp-a', undefined, new Date(LATER));
    expect(unticked.guides.hp).toEqual({});
    expect(unticked.removed.ticks.hp).toEqual({ 'hp-a': LATER });
    const again = withStep(unticked, 'hp', 'hp-a', '2026-05-04T00:00:00.000Z');
    expect(again.guides.hp).toEqual({ 'hp-a': { tickedAt: '2026-05-04T00:00:00.000Z' } });
    expect(again.removed.ticks.hp).toEqual({});
  });

  it('leaves no removal note when unticking a step that is not ticked', () => {
    const data = withStep(emptyProgress(), 'hp', 'hp-a', AT);
    expect(withStep(data, 'hp', 'hp-b', undefined, new Date(LATER))).toBe(data);
  });

  it('stores a change time only when it differs from the tick time', () => {
    expect(withStep(emptyProgress(), 'hp', 'hp-a', AT, new Date(AT)).guides.hp).toEqual({
      'hp-a': { tickedAt: AT },
    });
    expect(withStep(emptyProgress(), 'hp', 'hp-a', AT, new Date(LATER)).guides.hp).toEqual({
      'hp-a': { tickedAt: AT, changedAt: LATER },
    });
  });

  it('notes when a record was cleared, and forgets that note when it is noted again', () => {
    const noted = withRecord(emptyProgress(), 'rh-login', 'taro', new Date(AT));
    const cleared = withRecord(noted, 'rh-login', '', new Date(LATER));
    expect(cleared.records).toEqual({});
    expect(cleared.removed.records).toEqual({ 'rh-login': LATER });
    const again = withRecord(cleared, 'rh-login', 'jiro', new Date('2026-05-04T00:00:00.000Z'));
    expect(again.records).toEqual({ 'rh-login': { value: 'jiro', updatedAt: '2026-05-04T00:00:00.000Z' } });
    expect(again.removed.records).toEqual({});
  });

  it('notes a record, trimmed, with the time it was changed', () => {
    const data = withRecord(emptyProgress(), 'ms-mpa-accepted-by', '  山田 太郎 ', new Date(AT));
    expect(data.records).toEqual({ 'ms-mpa-accepted-by': { value: '山田 太郎', updatedAt: AT } });
    expect(emptyProgress().records).toEqual({});
  });

  it('replaces a changed record and keeps the time of an unchanged one', () => {
    const later = new Date('2026-05-02T00:00:00.000Z');
    const first = withRecord(emptyProgress(), 'rh-login', 'taro', new Date(AT));
    expect(withRecord(first, 'rh-login', 'taro', later)).toBe(first);
    expect(withRecord(first, 'rh-login', 'jiro', later).records).toEqual({
      'rh-login': { value: 'jiro', updatedAt: later.toISOString() },
    });
  });

  it.each([[undefined], [''], ['  \u3000 ']])('removes a record when the value is %j', (value) => {
    const data = withRecord(
      withRecord(emptyProgress(), 'rh-login', 'taro', new Date(AT)),
      'ms-domain',
      'a.jp',
    );
    expect(withRecord(data, 'rh-login', value).records).toEqual({ 'ms-domain': data.records['ms-domain'] });
    expect(withRecord(emptyProgress(), 'rh-login', value)).toEqual(emptyProgress());
  });

  it('leaves ticks alone when records change, and records when ticks change', () => {
    const data = withRecord(withStep(emptyProgress(), 'hp', 'hp-a', AT), 'rh-login', 'taro', new Date(AT));
    expect(withRecord(data, 'rh-login', undefined).guides).toEqual(data.guides);
    expect(withStep(data, 'hp', 'hp-a', undefined).records).toEqual(data.records);
  });
});

describe('decodeProgress checks every time and record it reads', () => {
  const NOW = new Date('2026-05-07T09:00:00.000Z');
  const withTick = (tick: unknown) =>
    stored({ version: 3, guides: { hp: { 'hp-a': { tickedAt: AT }, 'hp-b': tick } }, records: {} });
  const onlyGoodTick = {
    version: 3,
    guides: { hp: { 'hp-a': { tickedAt: AT } } },
    records: {},
    removed: NO_REMOVALS,
  };

  it.each([
    ['a year beyond 9999 (the largest time Date can hold)', '+275760-09-12T00:00:00.000Z'],
    ['a time in 1999', '1999-12-31T23:59:59.000Z'],
    ['a time two days ahead of now', '2026-05-09T09:00:00.000Z'],
    ['a time a day and a millisecond ahead of now', '2026-05-08T09:00:00.001Z'],
    ['a date without a time', '2026-05-01'],
  ])('leaves out a tick with %s and keeps the original aside', (_name, time) => {
    const raw = withTick({ tickedAt: time });
    expect(decodeProgress(raw, { now: NOW, checkRecord: checkStoredRecord })).toEqual({
      status: 'recovered',
      data: onlyGoodTick,
      raw,
      reason: 'bad-entries',
    });
  });

  it.each([
    ['a few hours ahead of now', '2026-05-07T15:00:00.000Z'],
    ['just under a day ahead of now', '2026-05-08T08:59:59.999Z'],
    ['exactly a day ahead of now', '2026-05-08T09:00:00.000Z'],
    ['on 2000-01-01', '2000-01-01T00:00:00.000Z'],
  ])('keeps a tick %s (another computer’s clock may run fast)', (_name, time) => {
    const raw = withTick({ tickedAt: time });
    expect(decodeProgress(raw, { now: NOW, checkRecord: checkStoredRecord })).toEqual({
      status: 'ok',
      data: {
        version: 3,
        guides: { hp: { 'hp-a': { tickedAt: AT }, 'hp-b': { tickedAt: time } } },
        records: {},
        removed: NO_REMOVALS,
      },
    });
  });

  it('leaves out a tick whose change time is out of range', () => {
    const raw = withTick({ tickedAt: AT, changedAt: '+275760-09-12T00:00:00.000Z' });
    expect(decodeProgress(raw, { now: NOW, checkRecord: checkStoredRecord })).toEqual({
      status: 'recovered',
      data: onlyGoodTick,
      raw,
      reason: 'bad-entries',
    });
  });

  it('leaves out removal times that are out of range', () => {
    const raw = stored({
      version: 3,
      guides: {},
      records: {},
      removed: {
        ticks: { hp: { 'hp-a': AT, 'hp-b': '1999-01-01T00:00:00.000Z' } },
        records: { 'rh-login': AT, 'ms-domain': '2026-05-10T00:00:00.000Z' },
      },
    });
    expect(decodeProgress(raw, { now: NOW, checkRecord: checkStoredRecord })).toEqual({
      status: 'recovered',
      data: {
        version: 3,
        guides: {},
        records: {},
        removed: { ticks: { hp: { 'hp-a': AT } }, records: { 'rh-login': AT } },
      },
      raw,
      reason: 'bad-entries',
    });
  });

  it('reports removals that are not an object at all', () => {
    const raw = stored({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: {},
      removed: 'x',
    });
    expect(decodeProgress(raw, { now: NOW, checkRecord: checkStoredRecord })).toEqual({
      status: 'recovered',
      data: onlyGoodTick,
      raw,
      reason: 'bad-entries',
    });
  });

  const kept = { value: '6123456', updatedAt: AT };
  it.each([
    ...HOSTILE_RECORDS,
    [
      'a long value for a field this version does not know',
      'ms-some-later-field',
      'x'.repeat(201),
      'too-long',
    ],
  ])('leaves out a stored record with %s and keeps the others', (_name, fieldId, value, reason) => {
    const raw = stored({
      version: 3,
      guides: {},
      records: { 'ms-partner-id-global': kept, [fieldId]: { value, updatedAt: AT } },
    });
    // Why the record is refused: the same checks a typed value gets.
    expect(checkStoredRecord(fieldId, value, NOW)).toBe(reason);
    expect(decodeProgress(raw, { now: NOW, checkRecord: checkStoredRecord })).toEqual({
      status: 'recovered',
      data: {
        version: 3,
        guides: {},
        records: { 'ms-partner-id-global': { value: '6123456', updatedAt: AT } },
        removed: NO_REMOVALS,
      },
      raw,
      reason: 'bad-entries',
    });
  });

  it('keeps stored records that pass the checks a typed value gets', () => {
    const records = {
      'ms-mpa-accepted-on': { value: '2026-05-01', updatedAt: AT },
      'ms-mpa-accepted-by': { value: '山田　太郎', updatedAt: AT },
      'ms-partner-id-location': { value: '6123456', updatedAt: AT },
      'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT },
      'ms-some-later-field': { value: 'x'.repeat(200), updatedAt: AT },
    };
    expect(
      decodeProgress(stored({ version: 3, guides: {}, records }), {
        now: NOW,
        checkRecord: checkStoredRecord,
      }),
    ).toMatchObject({
      status: 'ok',
      data: { records: { ...records } },
    });
  });

  it('bounds 15,000 ticks of unknown guides to 30 guides of 200 steps', () => {
    const guides: Record<string, Record<string, { tickedAt: string }>> = {};
    for (let g = 0; g < 50; g++) {
      const steps: Record<string, { tickedAt: string }> = {};
      for (let s = 0; s < 300; s++) steps[`step-${s}`] = { tickedAt: AT };
      guides[`guide-${g}`] = steps;
    }
    const raw = stored({ version: 3, guides, records: {} });
    const decoded = decodeProgress(raw, { now: NOW, checkRecord: checkStoredRecord });
    expect(decoded.status).toBe('recovered');
    const keptGuides = Object.keys(decoded.data.guides);
    expect(keptGuides).toHaveLength(30);
    expect(keptGuides).not.toContain('guide-30');
    for (const ticks of Object.values(decoded.data.guides)) expect(Object.keys(ticks)).toHaveLength(200);
    expect(decoded.data.guides['guide-0']?.['step-199']).toEqual({ tickedAt: AT });
    expect(decoded.data.guides['guide-0']?.['step-200']).toBeUndefined();
  });

  it('bounds records to 100', () => {
    const records: Record<string, { value: string; updatedAt: string }> = {};
    for (let i = 0; i < 150; i++) records[`field-${i}`] = { value: 'x', updatedAt: AT };
    const decoded = decodeProgress(stored({ version: 3, guides: {}, records }), {
      now: NOW,
      checkRecord: checkStoredRecord,
    });
    expect(decoded.status).toBe('recovered');
    expect(Object.keys(decoded.data.records)).toHaveLength(100);
  });

  it('checks a value of an older version the same way once upgraded', () => {
    const raw = stored({
      version: 2,
      guides: { hp: { 'hp-a': { tickedAt: AT }, 'hp-b': { tickedAt: '+275760-09-12T00:00:00.000Z' } } },
      records: {
        'ms-mpa-accepted-by': { value: 'X\nパートナー ID（ロケーション）: 9999999', updatedAt: AT },
      },
    });
    expect(decodeProgress(raw, { now: NOW, checkRecord: checkStoredRecord })).toEqual({
      status: 'recovered',
      data: onlyGoodTick,
      raw,
      reason: 'bad-entries',
    });
  });

  it('reads records with the checks of their shape only when it is given no record checks', () => {
    const records = { 'ms-partner-id-location': { value: '６１２３４５６', updatedAt: AT } };
    expect(decodeProgress(stored({ version: 3, guides: {}, records }), { now: NOW })).toMatchObject({
      status: 'ok',
      data: { records },
    });
    const notText = stored({
      version: 3,
      guides: {},
      records: { 'ms-domain': { value: 42, updatedAt: AT } },
    });
    expect(decodeProgress(notText, { now: NOW })).toMatchObject({
      status: 'recovered',
      data: { records: {} },
    });
  });
});
