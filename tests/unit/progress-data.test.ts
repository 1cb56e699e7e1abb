import { describe, expect, it } from 'vitest';
import {
  PROGRESS_VERSION,
  decodeProgress,
  emptyProgress,
  encodeProgress,
  migrateProgress,
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
    const value = { version: PROGRESS_VERSION, guides: { hp: { 'hp-a': { tickedAt: AT } } } };
    expect(decodeProgress(stored(value))).toEqual({ status: 'ok', data: value });
  });

  it('round-trips through encodeProgress', () => {
    const data = withStep(withStep(emptyProgress(), 'hp', 'hp-a', AT), 'redhat', 'rh-b', AT);
    expect(decodeProgress(encodeProgress(data))).toEqual({ status: 'ok', data });
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
      data: { version: 1, guides: { hp: { 'hp-a': { tickedAt: AT } } } },
      raw,
      reason: 'bad-entries',
    });
  });

  it('keeps ticks of steps the content no longer has (they reappear if the step returns)', () => {
    const raw = stored({ version: 1, guides: { hp: { 'hp-removed-long-ago': { tickedAt: AT } } } });
    expect(decodeProgress(raw)).toMatchObject({
      status: 'ok',
      data: { guides: { hp: { 'hp-removed-long-ago': {} } } },
    });
  });

  it('shows a value written by a newer version read-only, as far as it can be read', () => {
    const raw = stored({
      version: PROGRESS_VERSION + 1,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      more: 1,
    });
    expect(decodeProgress(raw)).toEqual({
      status: 'newer',
      data: { version: PROGRESS_VERSION, guides: { hp: { 'hp-a': { tickedAt: AT } } } },
      raw,
      version: PROGRESS_VERSION + 1,
    });
  });
});

describe('migration of older versions', () => {
  // The shipped format has no older version yet; these upgrades stand for the next ones, so that the
  // chain is proven before it is first needed. Version -1 → 0 → 1 with a list of ticked ids at -1.
  const migrations: Record<number, Migration> = {
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
      version: 1,
      guides: {
        hp: { 'hp-a': { tickedAt: AT }, 'hp-b': { tickedAt: AT } },
        redhat: { 'rh-a': { tickedAt: AT } },
      },
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

  it('resets one guide and leaves the others', () => {
    const data = withStep(withStep(emptyProgress(), 'hp', 'hp-a', AT), 'redhat', 'rh-a', AT);
    expect(withoutGuide(data, 'hp').guides).toEqual({ redhat: { 'rh-a': { tickedAt: AT } } });
  });
});
