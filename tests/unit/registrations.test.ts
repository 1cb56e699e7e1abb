import { describe, expect, it } from 'vitest';
import {
  REGISTRATION_LIMITS,
  decodeRegistrations,
  emptyRegistrations,
  encodeRegistrations,
  listRegistrations,
  mergeRegistrations,
  newRegistrationId,
  registrationLabel,
  registrationNameProblem,
  salvageRegistrationName,
  sameRegistrations,
  withRegistration,
  withRegistrationName,
  withoutRegistration,
  type RegistrationIndex,
} from '../../src/lib/registrations';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const T1 = '2026-11-01T00:00:00.000Z';
const T2 = '2026-11-02T00:00:00.000Z';
const T3 = '2026-11-03T00:00:00.000Z';
const entry = (createdAt: string, name = '', changedAt = createdAt) => ({ name, createdAt, changedAt });
const index = (
  registrations: RegistrationIndex['registrations'],
  removed: RegistrationIndex['removed'] = {},
): RegistrationIndex => ({ version: 1, registrations, removed });

describe('decodeRegistrations', () => {
  it('starts empty when nothing is stored', () => {
    expect(decodeRegistrations(undefined, NOW)).toEqual({ status: 'empty', data: emptyRegistrations() });
  });

  it('reads a stored index as it is, and round-trips through encodeRegistrations', () => {
    const value = index({ 1: entry(T1), k3j9x0ab: entry(T2, '株式会社サンプル', T3) }, { old: T3 });
    expect(decodeRegistrations(encodeRegistrations(value), NOW)).toEqual({ status: 'ok', data: value });
    expect(JSON.parse(encodeRegistrations(value))).toEqual(value);
  });

  it('writes canonical text: equal indexes are equal text whatever their order', () => {
    const a = index({ a: entry(T1), b: entry(T2) });
    const b = index({ b: entry(T2), a: entry(T1) });
    expect(encodeRegistrations(a)).toBe(encodeRegistrations(b));
    expect(sameRegistrations(a, b)).toBe(true);
  });

  it.each([
    ['bad JSON', '{"version":1,', 'not-json'],
    ['a wrong shape', '["a"]', 'unknown-shape'],
    ['no version', '{"registrations":{}}', 'unknown-shape'],
  ])('reports %s as recovered, to be kept aside', (_name, raw, reason) => {
    expect(decodeRegistrations(raw, NOW)).toEqual({
      status: 'recovered',
      data: emptyRegistrations(),
      raw,
      reason,
    });
  });

  it('keeps the readable entries of a partly broken index, and reports it as recovered', () => {
    const raw = JSON.stringify({
      version: 1,
      registrations: {
        ok: entry(T1, 'A'),
        'BAD ID': entry(T1),
        late: entry('2099-01-01T00:00:00.000Z'),
        nameless: { createdAt: T1, changedAt: T1 },
        wrapped: entry(T2, ' 株式会社\nB\u0007 '),
      },
      removed: { gone: T3, bad: 'yesterday' },
    });
    const decoded = decodeRegistrations(raw, NOW);
    expect(decoded).toMatchObject({ status: 'recovered', reason: 'bad-entries', raw });
    expect(decoded.data).toEqual(
      index({ ok: entry(T1, 'A'), wrapped: entry(T2, '株式会社 B') }, { gone: T3 }),
    );
  });

  it('never reads back a registration that the same index says was removed', () => {
    const raw = JSON.stringify({ version: 1, registrations: { a: entry(T1) }, removed: { a: T2 } });
    expect(decodeRegistrations(raw, NOW)).toEqual({ status: 'ok', data: index({}, { a: T2 }) });
  });

  it('reads at most 100 registrations (the oldest) and 200 removals (the newest)', () => {
    const at = (i: number) => new Date(Date.parse(T1) + i * 1000).toISOString();
    const registrations = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`r${i}`, entry(at(i))]));
    const removed = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`x${i}`, at(i)]));
    const decoded = decodeRegistrations(JSON.stringify({ version: 1, registrations, removed }), NOW);
    expect(decoded.status).toBe('recovered');
    expect(Object.keys(decoded.data.registrations)).toHaveLength(REGISTRATION_LIMITS.registrations);
    expect(decoded.data.registrations.r100).toBeUndefined();
    expect(Object.keys(decoded.data.removed)).toHaveLength(REGISTRATION_LIMITS.removed);
    expect(decoded.data.removed.x0).toBeUndefined();
  });

  it('reads an index of a newer version as far as it can, never to be written', () => {
    const raw = JSON.stringify({ version: 2, registrations: { a: entry(T1) }, somethingNew: true });
    expect(decodeRegistrations(raw, NOW)).toEqual({
      status: 'newer',
      data: index({ a: entry(T1) }),
      raw,
      version: 2,
    });
  });
});

describe('names', () => {
  it.each([
    ['株式会社サンプル', undefined],
    ['', undefined],
    ['  spaced  ', undefined],
    ['あ'.repeat(80), undefined],
    [` ${'a'.repeat(80)} `, undefined],
    ['あ'.repeat(81), 'too-long'],
    ['A\nB', 'control-character'],
    ['A\u0000', 'control-character'],
    ['A\u0085', 'control-character'],
  ])('%j: %s', (name, problem) => {
    expect(registrationNameProblem(name)).toBe(problem);
  });

  it('counts characters, not UTF-16 units: 80 emoji are a name', () => {
    expect(registrationNameProblem('😀'.repeat(80))).toBeUndefined();
  });

  it('salvages a stored name: controls become spaces, trimmed, cut to 80 characters', () => {
    expect(salvageRegistrationName('\tA\u0007B ')).toBe('A B');
    expect(salvageRegistrationName('あ'.repeat(100))).toBe('あ'.repeat(80));
  });

  it('labels a registration by its name, or by its place in creation order', () => {
    const value = index({ b: entry(T2), a: entry(T1, '株式会社A'), c: entry(T3) });
    expect(registrationLabel(value, 'a', '登録先 {number}')).toBe('株式会社A');
    expect(registrationLabel(value, 'b', '登録先 {number}')).toBe('登録先 2');
    expect(registrationLabel(value, 'c', 'Registration {number}')).toBe('Registration 3');
    expect(registrationLabel(value, 'zz', 'Registration {number}')).toBeUndefined();
  });
});

describe('changing the index', () => {
  it('adds a registration with its name trimmed, listed by creation', () => {
    let value = withRegistration(emptyRegistrations(), 'b', '  株式会社B ', new Date(T2));
    value = withRegistration(value, 'a', '', new Date(T1));
    expect(listRegistrations(value)).toEqual([
      { id: 'a', ...entry(T1) },
      { id: 'b', ...entry(T2, '株式会社B') },
    ]);
  });

  it('adds nothing under an id that is taken or was removed, with a refused name, or beyond 100', () => {
    const value = index({ a: entry(T1) }, { gone: T2 });
    expect(withRegistration(value, 'a', 'x', NOW)).toBe(value);
    expect(withRegistration(value, 'gone', 'x', NOW)).toBe(value);
    expect(withRegistration(value, 'BAD', 'x', NOW)).toBe(value);
    expect(withRegistration(value, 'b', 'x\ny', NOW)).toBe(value);
    const full = index(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`r${i}`, entry(T1)])));
    expect(withRegistration(full, 'b', '', NOW)).toBe(full);
  });

  it('renames a registration, stamping the change; nothing for an unknown one or a refused name', () => {
    const value = index({ a: entry(T1, 'old') });
    expect(withRegistrationName(value, 'a', ' new ', NOW).registrations.a).toEqual({
      name: 'new',
      createdAt: T1,
      changedAt: NOW.toISOString(),
    });
    expect(withRegistrationName(value, 'a', 'old', NOW)).toBe(value);
    expect(withRegistrationName(value, 'b', 'new', NOW)).toBe(value);
    expect(withRegistrationName(value, 'a', 'あ'.repeat(81), NOW)).toBe(value);
  });

  it('removes a registration and notes when, keeping the newest 200 removals', () => {
    const value = index({ a: entry(T1), b: entry(T2) });
    expect(withoutRegistration(value, 'a', NOW)).toEqual(index({ b: entry(T2) }, { a: NOW.toISOString() }));
    const removed = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`x${i}`, new Date(Date.parse(T1) + i * 1000).toISOString()]),
    );
    const bounded = withoutRegistration(index({ a: entry(T1) }, removed), 'a', NOW);
    expect(Object.keys(bounded.removed)).toHaveLength(200);
    expect(bounded.removed.a).toBe(NOW.toISOString());
    expect(bounded.removed.x0).toBeUndefined();
  });

  it('gives an added registration a random id that no registration has or had', () => {
    const ids = ['1', 'a', 'gone', 'BAD', 'fresh'];
    const value = index({ a: entry(T1) }, { gone: T2 });
    expect(newRegistrationId(value, () => ids.shift()!)).toBe('1');
    expect(newRegistrationId(index({ 1: entry(T1), a: entry(T1) }, { gone: T2 }), () => ids.shift()!)).toBe(
      'fresh',
    );
    expect(newRegistrationId(emptyRegistrations()).length).toBe(8);
  });
});

describe('mergeRegistrations', () => {
  it('keeps what either copy added', () => {
    const a = index({ 1: entry(T1), a: entry(T2, 'A') });
    const b = index({ 1: entry(T1), b: entry(T3, 'B') });
    expect(mergeRegistrations(a, b)).toEqual(index({ 1: entry(T1), a: entry(T2, 'A'), b: entry(T3, 'B') }));
  });

  it('takes the entry changed last, whichever copy holds it', () => {
    const older = index({ a: entry(T1, 'old', T1) });
    const newer = index({ a: entry(T1, 'new', T2) });
    expect(mergeRegistrations(older, newer).registrations.a?.name).toBe('new');
    expect(mergeRegistrations(newer, older).registrations.a?.name).toBe('new');
  });

  it('never brings back a removed registration, even from a copy that renamed it later', () => {
    const removedEarly = index({}, { a: T1 });
    const renamedLater = index({ a: entry(T1, 'renamed', T3) });
    expect(mergeRegistrations(removedEarly, renamedLater)).toEqual(index({}, { a: T1 }));
    expect(mergeRegistrations(renamedLater, removedEarly)).toEqual(index({}, { a: T1 }));
  });

  it('agrees in both orders, ties included', () => {
    const a = index({ x: entry(T1, 'one', T2), y: entry(T1) }, { z: T1 });
    const b = index({ x: entry(T1, 'two', T2), w: entry(T2) }, { z: T2 });
    expect(encodeRegistrations(mergeRegistrations(a, b))).toBe(encodeRegistrations(mergeRegistrations(b, a)));
    expect(mergeRegistrations(a, b).removed).toEqual({ z: T2 });
  });

  it('leaves both inputs untouched', () => {
    const a = index({ a: entry(T1) });
    const b = index({}, { a: T2 });
    const copies = structuredClone([a, b]);
    mergeRegistrations(a, b);
    expect([a, b]).toEqual(copies);
  });
});
