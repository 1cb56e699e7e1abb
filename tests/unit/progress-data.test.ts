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

const AT = '2026-05-01T01:02:03.000Z';
const stored = (value: unknown) => JSON.stringify(value);

describe('decodeProgress', () => {
  it('starts empty when nothing is stored', () => {
    expect(decodeProgress(undefined)).toEqual({ status: 'empty', data: emptyProgress() });
    expect(decodeProgress(null).status).toBe('empty');
  });

  it('reads a value of the current version as it is', () => {
    const value = {
      version: PROGRESS_VERSION,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: { 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT } },
    };
    expect(decodeProgress(stored(value))).toEqual({ status: 'ok', data: value });
  });

  it('reads a current value that has no records yet as having none, without loss', () => {
    const value = { version: PROGRESS_VERSION, guides: { hp: { 'hp-a': { tickedAt: AT } } } };
    expect(decodeProgress(stored(value))).toEqual({ status: 'ok', data: { ...value, records: {} } });
  });

  it('round-trips through encodeProgress', () => {
    let data = withStep(withStep(emptyProgress(), 'hp', 'hp-a', AT), 'redhat', 'rh-b', AT);
    data = withRecord(data, 'ms-partner-id-location', '6123456', new Date(AT));
    expect(JSON.parse(encodeProgress(data))).toEqual({
      version: 2,
      guides: data.guides,
      records: { 'ms-partner-id-location': { value: '6123456', updatedAt: AT } },
    });
    expect(decodeProgress(encodeProgress(data))).toEqual({ status: 'ok', data });
  });

  it('reads a version 1 value (the first published shape) as version 2 with every tick and no record', () => {
    const ticks = { hp: { 'hp-a': { tickedAt: AT } }, microsoft: { 'ms-mpa-accept': { tickedAt: AT } } };
    expect(decodeProgress(stored({ version: 1, guides: ticks }))).toEqual({
      status: 'ok',
      data: { version: 2, guides: ticks, records: {} },
      migratedFrom: 1,
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
      data: { version: PROGRESS_VERSION, guides: { hp: { 'hp-a': { tickedAt: AT } } }, records: {} },
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
      data: { version: PROGRESS_VERSION, guides: {}, records: { 'ms-partner-id-location': good } },
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
      version: PROGRESS_VERSION,
      guides: {},
      records: { 'ms-some-later-field': { value: 'x', updatedAt: AT } },
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
        version: PROGRESS_VERSION,
        guides: { hp: { 'hp-a': { tickedAt: AT } } },
        records: { 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT } },
      },
      raw,
      version: PROGRESS_VERSION + 1,
    });
  });
});

describe('migration of older versions', () => {
  it('upgrades version 1 to 2 by adding empty records and keeping every tick', () => {
    const ticks = { hp: { 'hp-a': { tickedAt: AT } }, redhat: { 'rh-a': { tickedAt: AT } } };
    expect(migrateProgress({ version: 1, guides: ticks }, 1)).toEqual({
      version: 2,
      guides: ticks,
      records: {},
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
  // upgrade from 1 to 2: proves that the chain runs step by step through every version.
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
      version: 2,
      guides: {
        hp: { 'hp-a': { tickedAt: AT }, 'hp-b': { tickedAt: AT } },
        redhat: { 'rh-a': { tickedAt: AT } },
      },
      records: {},
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
    expect(withoutGuide(withNote, 'hp')).toEqual({
      version: PROGRESS_VERSION,
      guides: { redhat: { 'rh-a': { tickedAt: AT } } },
      records: withNote.records,
    });
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
