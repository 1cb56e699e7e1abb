import { describe, expect, it } from 'vitest';
import { randomRegistrationId } from '../../src/lib/registrations';
import {
  chooseTabRegistration,
  isRegistrationId,
  progressBackupKeyOf,
  progressKeyOf,
  summarizeIndex,
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
    expect(summarizeIndex(raw, NOW)).toEqual({ live: ['c', 'a', 'b'], removed: ['gone', 'other'] });
  });

  it('finds no registration when nothing is stored or the value is not an index', () => {
    for (const raw of [undefined, 'garbage', '[]', '{"version":1}', 'null', '{"registrations":[]}']) {
      expect(summarizeIndex(raw, NOW)).toEqual({ live: [], removed: [] });
    }
  });

  it('reads what it can of an index of another version', () => {
    const raw = JSON.stringify({ version: 2, registrations: { a: entry(T1) }, removed: { b: T2 } });
    expect(summarizeIndex(raw, NOW)).toEqual({ live: ['a'], removed: ['b'] });
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
  const summary: IndexSummary = { live: ['a', 'b', 'c'], removed: ['gone', '1'] };

  it('opens the registration a link names, over the tab’s own', () => {
    expect(chooseTabRegistration(summary, { linked: 'c', tab: 'b', last: 'a' })).toEqual({
      id: 'c',
      unknownLink: false,
    });
  });

  it.each([['zzz'], ['gone'], ['<script>'], ['a'.repeat(300)]])(
    'stays where the tab was when a link names %s, which this browser does not have, and says so',
    (linked) => {
      expect(chooseTabRegistration(summary, { linked, tab: 'b', last: 'a' })).toEqual({
        id: 'b',
        unknownLink: true,
      });
    },
  );

  it('takes no empty link parameter for a name', () => {
    expect(chooseTabRegistration(summary, { linked: '', tab: 'b' })).toEqual({ id: 'b', unknownLink: false });
  });

  it('keeps the tab’s own, even one removed meanwhile (the tab then says so)', () => {
    expect(chooseTabRegistration(summary, { tab: 'b', last: 'a' }).id).toBe('b');
    expect(chooseTabRegistration(summary, { tab: 'gone', last: 'a' }).id).toBe('gone');
  });

  it('starts a new tab on the last one used, else the oldest', () => {
    expect(chooseTabRegistration(summary, { last: 'c' }).id).toBe('c');
    expect(chooseTabRegistration(summary, { tab: 'unknown', last: 'gone' }).id).toBe('a');
    expect(chooseTabRegistration(summary, {}).id).toBe('a');
  });

  it('waits on registration 1 in a fresh browser', () => {
    const fresh: IndexSummary = { live: [], removed: [] };
    expect(chooseTabRegistration(fresh, { tab: 'x', last: 'y' })).toEqual({ id: '1', unknownLink: false });
  });

  it('takes registration 1 as existing once its progress is stored, before the index lists it', () => {
    const listed: IndexSummary = { live: ['a'], removed: [] };
    expect(chooseTabRegistration(listed, { linked: '1', firstStored: true })).toEqual({
      id: '1',
      unknownLink: false,
    });
    expect(chooseTabRegistration(listed, { tab: '1', firstStored: true }).id).toBe('1');
    expect(chooseTabRegistration(listed, { last: '1', firstStored: true }).id).toBe('1');
    expect(chooseTabRegistration(listed, { linked: '1' })).toEqual({ id: 'a', unknownLink: true });
    // Not once it was removed.
    const removed: IndexSummary = { live: ['a'], removed: ['1'] };
    expect(chooseTabRegistration(removed, { linked: '1', firstStored: true })).toEqual({
      id: 'a',
      unknownLink: true,
    });
  });
});
