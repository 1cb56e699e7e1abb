import { describe, expect, it } from 'vitest';
import {
  chooseTabRegistration,
  isRegistrationId,
  progressBackupKeyOf,
  progressKeyOf,
  randomRegistrationId,
  summarizeIndex,
  withIndexEntry,
  type IndexSummary,
} from '../../src/lib/tab-registration';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const T1 = '2026-11-01T00:00:00.000Z';
const T2 = '2026-11-02T00:00:00.000Z';
const T3 = '2026-11-03T00:00:00.000Z';
const entry = (createdAt: string, name = '') => ({ name, createdAt, changedAt: createdAt });
const index = (registrations: Record<string, unknown>, removed: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, registrations, removed });

describe('registration keys and ids', () => {
  it('keeps every key under the prefix, one progress key and one backup key per registration', () => {
    expect(progressKeyOf('1')).toBe('partner-guides:progress:1');
    expect(progressBackupKeyOf('k3j9x0ab')).toBe('partner-guides:progress-backup:k3j9x0ab');
  });

  it.each([
    ['1', true],
    ['k3j9x0ab', true],
    ['a'.repeat(16), true],
    ['a'.repeat(17), false],
    ['', false],
    ['ABC', false],
    ['a-b', false],
    ['constructor', false],
    ['__proto__', false],
    [1, false],
    [null, false],
  ])('tells whether %j can be an id (%s)', (value, expected) => {
    expect(isRegistrationId(value)).toBe(expected);
  });

  it('makes random ids of 8 base-36 characters that differ', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomRegistrationId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{8}$/);
  });
});

describe('summarizeIndex', () => {
  it('lists registrations oldest first, ties by id, without removed ones', () => {
    const raw = index({ b: entry(T2), a: entry(T2), c: entry(T1), gone: entry(T1) }, { gone: T3, other: T3 });
    expect(summarizeIndex(raw, NOW)).toEqual({
      status: 'ok',
      live: ['c', 'a', 'b'],
      names: ['', '', ''],
      removed: ['gone', 'other'],
    });
  });

  it('says when nothing is stored, and when the value is not an index', () => {
    expect(summarizeIndex(undefined, NOW)).toEqual({ status: 'missing', live: [], names: [], removed: [] });
    for (const raw of ['garbage', '[]', '{"version":1}', '{"version":0,"registrations":{}}', 'null']) {
      expect(summarizeIndex(raw, NOW).status).toBe('unreadable');
    }
  });

  it('reads what it can of an index of a newer version, and says so', () => {
    const raw = JSON.stringify({ version: 2, registrations: { a: entry(T1) } });
    expect(summarizeIndex(raw, NOW)).toEqual({
      status: 'newer',
      version: 2,
      live: ['a'],
      names: [''],
      removed: [],
    });
  });

  it('leaves out entries with an unusable id or time, as a stranger could write them', () => {
    const raw = index({
      ok: entry(T1),
      'Bad-Id': entry(T1),
      constructor: entry(T1),
      late: entry('2099-01-01T00:00:00.000Z'),
      early: entry('1999-12-31T00:00:00.000Z'),
      notime: { name: '' },
      text: 'x',
    });
    expect(summarizeIndex(raw, NOW).live).toEqual(['ok']);
  });

  it('reads at most 100 registrations, the oldest', () => {
    const registrations = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [
        `r${i}`,
        entry(new Date(Date.parse(T1) + i * 1000).toISOString()),
      ]),
    );
    const { live } = summarizeIndex(index(registrations), NOW);
    expect(live).toHaveLength(100);
    expect(live[0]).toBe('r0');
    expect(live[99]).toBe('r99');
  });
});

describe('chooseTabRegistration', () => {
  const summary: IndexSummary = {
    status: 'ok',
    live: ['a', 'b', 'c'],
    names: ['', '', ''],
    removed: ['gone', '1'],
  };
  const never = () => {
    throw new Error('no new id expected');
  };

  it('opens the registration a link names, over the tab’s own', () => {
    expect(chooseTabRegistration(summary, { linked: 'c', tab: 'b', last: 'a' }, never)).toEqual({
      id: 'c',
      unknownLink: false,
    });
  });

  it.each([['zzz'], ['gone'], ['<script>'], ['a'.repeat(300)]])(
    'stays where the tab was when a link names %s, which this browser does not have, and says so',
    (linked) => {
      expect(chooseTabRegistration(summary, { linked, tab: 'b', last: 'a' }, never)).toEqual({
        id: 'b',
        unknownLink: true,
      });
    },
  );

  it('takes no empty link parameter for a name', () => {
    expect(chooseTabRegistration(summary, { linked: '', tab: 'b' }, never)).toEqual({
      id: 'b',
      unknownLink: false,
    });
  });

  it('keeps the tab’s own, even one removed meanwhile (the tab then says so)', () => {
    expect(chooseTabRegistration(summary, { tab: 'b', last: 'a' }, never).id).toBe('b');
    expect(chooseTabRegistration(summary, { tab: 'gone', last: 'a' }, never).id).toBe('gone');
  });

  it('starts a new tab on the last one used, else the oldest', () => {
    expect(chooseTabRegistration(summary, { last: 'c' }, never).id).toBe('c');
    expect(chooseTabRegistration(summary, { tab: 'unknown', last: 'gone' }, never).id).toBe('a');
    expect(chooseTabRegistration(summary, {}, never).id).toBe('a');
  });

  it('waits on registration 1 in a fresh browser, and on a new id once 1 was removed', () => {
    const fresh: IndexSummary = { status: 'missing', live: [], names: [], removed: [] };
    expect(chooseTabRegistration(fresh, { tab: 'x', last: 'y' }, never).id).toBe('1');
    const emptied: IndexSummary = { status: 'ok', live: [], names: [], removed: ['1'] };
    expect(chooseTabRegistration(emptied, {}, () => 'n3w').id).toBe('n3w');
  });
});

describe('withIndexEntry', () => {
  it('adds an unnamed registration and keeps every other entry as stored', () => {
    const stored = index({ a: entry(T1, '株式会社A'), odd: { name: 5 } }, { gone: T2 });
    const text = withIndexEntry(stored, '1', NOW);
    expect(JSON.parse(text ?? '')).toEqual({
      version: 1,
      registrations: {
        a: entry(T1, '株式会社A'),
        odd: { name: 5 },
        1: { name: '', createdAt: NOW.toISOString(), changedAt: NOW.toISOString() },
      },
      removed: { gone: T2 },
    });
  });

  it('starts an index when none is stored or the stored one cannot be read', () => {
    for (const raw of [undefined, 'garbage']) {
      expect(JSON.parse(withIndexEntry(raw, '1', NOW) ?? '')).toEqual({
        version: 1,
        registrations: { 1: { name: '', createdAt: NOW.toISOString(), changedAt: NOW.toISOString() } },
      });
    }
  });

  it('never writes an index of a newer version', () => {
    expect(withIndexEntry(JSON.stringify({ version: 2, registrations: {} }), '1', NOW)).toBeUndefined();
  });
});
