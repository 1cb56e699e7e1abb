import { afterEach, describe, expect, it } from 'vitest';
import {
  PROGRESS_VERSION,
  encodeProgress,
  emptyProgress,
  withRecord,
  withStep,
  type ProgressData,
} from '../../src/lib/progress-data';
import { FakeStorage, FakeStorageEvents, loadStores } from './support/fake-storage';

const KEY = 'partner-guides:progress';
const BACKUP = 'partner-guides:progress-backup';
const AT = '2026-05-01T01:02:03.000Z';
const NOW = new Date('2026-11-21T10:00:00Z');

let unmount: (() => void) | undefined;

/** Loads the stores over `storage` and keeps them mounted, as the page's islands do. */
async function openPage(storage: FakeStorage | (() => FakeStorage | undefined), events?: FakeStorageEvents) {
  const stores = await loadStores(storage, events);
  unmount = stores.$progress.listen(() => undefined);
  return stores;
}

afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** The stored progress document, parsed. */
function stored(storage: FakeStorage): ProgressData {
  const raw = storage.items.get(KEY);
  if (raw === undefined) throw new Error('nothing stored');
  return JSON.parse(raw) as ProgressData;
}

function storedWith(...ticks: [string, string][]) {
  let data = emptyProgress();
  for (const [guide, step] of ticks) data = withStep(data, guide, step, AT);
  return encodeProgress(data);
}

describe('progress store with working storage', () => {
  it('restores stored ticks on load', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-a']));
    const { $progress, $storageProblem, $storageHealth } = await openPage(storage);
    expect($progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: AT } });
    expect($storageProblem.get()).toBeUndefined();
    expect($storageHealth.get()).toBe('ok');
  });

  it('stores a tick with its time under one versioned key, and removes it on untick', async () => {
    const storage = new FakeStorage();
    const { setStepTicked, $progress } = await openPage(storage);
    setStepTicked('microsoft', 'ms-a', true, NOW);
    expect(stored(storage)).toEqual({
      version: PROGRESS_VERSION,
      guides: { microsoft: { 'ms-a': { tickedAt: NOW.toISOString() } } },
      records: {},
    });
    setStepTicked('microsoft', 'ms-a', false, NOW);
    expect($progress.get().guides.microsoft).toEqual({});
    expect(stored(storage).guides.microsoft).toEqual({});
  });

  it('announces user actions only, not restored state', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-a']));
    const { setStepTicked, resetGuide, $announcement } = await openPage(storage);
    expect($announcement.get()).toBeUndefined();
    setStepTicked('hp', 'hp-b', true, NOW);
    expect($announcement.get()).toEqual({ guide: 'hp', stepId: 'hp-b', ticked: true });
    resetGuide('hp');
    expect($announcement.get()).toEqual({ guide: 'hp', reset: true });
  });

  it('resets one guide, keeping the others', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-a'], ['redhat', 'rh-a']));
    const { resetGuide, $progress } = await openPage(storage);
    resetGuide('hp');
    expect($progress.get().guides).toEqual({ redhat: { 'rh-a': { tickedAt: AT } } });
    expect(stored(storage).guides).toEqual({ redhat: { 'rh-a': { tickedAt: AT } } });
  });

  it('keeps the tick of a step the content no longer has when other steps change', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-removed']));
    const { setStepTicked } = await openPage(storage);
    setStepTicked('hp', 'hp-a', true, NOW);
    expect(Object.keys(stored(storage).guides.hp ?? {})).toEqual(['hp-removed', 'hp-a']);
  });
});

describe('progress store with a value of an older version', () => {
  it('reads version 1 ticks without a notice and writes version 2 on the next change', async () => {
    const storage = new FakeStorage();
    const v1 = JSON.stringify({ version: 1, guides: { hp: { 'hp-a': { tickedAt: AT } } } });
    storage.items.set(KEY, v1);
    const { $progress, $storageProblem, $progressReadOnly, setStepTicked } = await openPage(storage);
    expect($progress.get()).toEqual({
      version: 2,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: {},
    });
    expect($storageProblem.get()).toBeUndefined();
    expect($progressReadOnly.get()).toBe(false);
    setStepTicked('hp', 'hp-b', true, NOW);
    expect(stored(storage)).toEqual({
      version: 2,
      guides: { hp: { 'hp-a': { tickedAt: AT }, 'hp-b': { tickedAt: NOW.toISOString() } } },
      records: {},
    });
    expect(storage.items.has(BACKUP)).toBe(false);
  });
});

describe('progress store records', () => {
  it('stores a record with its time and announces it, then clears it', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['microsoft', 'ms-mpa-accept']));
    const { setRecord, $progress, $announcement } = await openPage(storage);
    setRecord('ms-partner-id-location', '6123456', NOW);
    expect(stored(storage).records).toEqual({
      'ms-partner-id-location': { value: '6123456', updatedAt: NOW.toISOString() },
    });
    expect(stored(storage).guides).toEqual({ microsoft: { 'ms-mpa-accept': { tickedAt: AT } } });
    expect($announcement.get()).toEqual({ fieldId: 'ms-partner-id-location', saved: true });
    setRecord('ms-partner-id-location', '  ');
    expect($progress.get().records).toEqual({});
    expect(stored(storage).records).toEqual({});
    expect($announcement.get()).toEqual({ fieldId: 'ms-partner-id-location', saved: false });
    setRecord('ms-partner-id-location', '1', NOW);
    setRecord('ms-partner-id-location', undefined);
    expect(stored(storage).records).toEqual({});
    expect($announcement.get()).toEqual({ fieldId: 'ms-partner-id-location', saved: false });
  });

  it('follows records changed in another tab without announcing them', async () => {
    const storage = new FakeStorage();
    const events = new FakeStorageEvents();
    const { $progress, $announcement } = await openPage(storage, events);
    const value = encodeProgress(withRecord(emptyProgress(), 'rh-login', 'taro', new Date(AT)));
    storage.items.set(KEY, value);
    events.storageEvent(KEY, value);
    expect($progress.get().records).toEqual({ 'rh-login': { value: 'taro', updatedAt: AT } });
    expect($announcement.get()).toBeUndefined();
  });

  it('merges imported progress into what is stored and says it did', async () => {
    const storage = new FakeStorage();
    let local = withStep(emptyProgress(), 'hp', 'hp-a', AT);
    local = withRecord(local, 'rh-login', 'taro', new Date(AT));
    storage.items.set(KEY, encodeProgress(local));
    const { importProgress, $progress } = await openPage(storage);
    let incoming = withStep(emptyProgress(), 'redhat', 'rh-a', AT);
    incoming = withRecord(incoming, 'rh-login', 'jiro', NOW);
    expect(importProgress(incoming)).toBe(true);
    const expected = {
      version: PROGRESS_VERSION,
      guides: { hp: { 'hp-a': { tickedAt: AT } }, redhat: { 'rh-a': { tickedAt: AT } } },
      records: { 'rh-login': { value: 'jiro', updatedAt: NOW.toISOString() } },
    };
    expect($progress.get()).toEqual(expected);
    expect(stored(storage)).toEqual(expected);
  });
});

describe('progress store and other tabs', () => {
  it('follows a change made in another tab', async () => {
    const storage = new FakeStorage();
    const events = new FakeStorageEvents();
    const { $progress, $announcement } = await openPage(storage, events);
    const value = storedWith(['redhat', 'rh-a']);
    storage.items.set(KEY, value);
    events.storageEvent(KEY, value);
    expect($progress.get().guides.redhat).toEqual({ 'rh-a': { tickedAt: AT } });
    expect($announcement.get()).toBeUndefined();
  });

  it('empties when another tab removes the key', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-a']));
    const events = new FakeStorageEvents();
    const { $progress } = await openPage(storage, events);
    storage.items.delete(KEY);
    events.storageEvent(KEY, null);
    expect($progress.get().guides).toEqual({});
  });

  it('empties when another tab clears the whole storage', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-a']));
    const events = new FakeStorageEvents();
    const { $progress } = await openPage(storage, events);
    storage.items.clear();
    events.storageEvent(null, null);
    expect($progress.get().guides).toEqual({});
  });

  it('ignores changes to unrelated keys', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-a']));
    const events = new FakeStorageEvents();
    const { $progress } = await openPage(storage, events);
    storage.items.set('other-site', 'x');
    events.storageEvent('other-site', 'x');
    expect($progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: AT } });
  });

  it('shows the current state when the page comes back from the back/forward cache', async () => {
    const storage = new FakeStorage();
    const events = new FakeStorageEvents();
    const { $progress } = await openPage(storage, events);
    storage.items.set(KEY, storedWith(['hp', 'hp-b']));
    events.pageshow();
    expect($progress.get().guides.hp).toEqual({ 'hp-b': { tickedAt: AT } });
  });
});

describe('progress store with unreadable stored values', () => {
  it.each([
    ['bad JSON', '{"version":1,"guides":'],
    ['a wrong shape', '["hp-a","hp-b"]'],
  ])('keeps %s aside, starts empty, tells the user, and repairs on the next tick', async (_name, raw) => {
    const storage = new FakeStorage();
    storage.items.set(KEY, raw);
    const { $progress, $storageProblem, setStepTicked } = await openPage(storage);
    expect($progress.get().guides).toEqual({});
    expect(storage.items.get(BACKUP)).toBe(raw);
    expect($storageProblem.get()).toEqual({ kind: 'recovered', backupKey: BACKUP });
    setStepTicked('hp', 'hp-a', true, NOW);
    expect(stored(storage).guides.hp).toEqual({ 'hp-a': { tickedAt: NOW.toISOString() } });
    expect(storage.items.get(BACKUP)).toBe(raw);
  });

  it('starts from the readable ticks of a partly broken value', async () => {
    const storage = new FakeStorage();
    const raw = JSON.stringify({ version: 1, guides: { hp: { 'hp-a': { tickedAt: AT }, 'hp-b': 42 } } });
    storage.items.set(KEY, raw);
    const { $progress, $storageProblem } = await openPage(storage);
    expect($progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: AT } });
    expect($storageProblem.get()?.kind).toBe('recovered');
    expect(storage.items.get(BACKUP)).toBe(raw);
  });

  it('keeps a corrupt value that arrives from another tab aside too', async () => {
    const storage = new FakeStorage();
    const events = new FakeStorageEvents();
    const { $storageProblem } = await openPage(storage, events);
    storage.items.set(KEY, 'garbage');
    events.storageEvent(KEY, 'garbage');
    expect(storage.items.get(BACKUP)).toBe('garbage');
    expect($storageProblem.get()?.kind).toBe('recovered');
  });
});

describe('progress store with a value from a newer version', () => {
  const newer = JSON.stringify({
    version: PROGRESS_VERSION + 1,
    guides: { hp: { 'hp-a': { tickedAt: AT } } },
  });
  const newerWithRecord = JSON.stringify({
    version: PROGRESS_VERSION + 1,
    guides: {},
    records: { 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT } },
  });

  it('shows what it can read-only and never overwrites it', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, newer);
    const events = new FakeStorageEvents();
    const { $progress, $progressReadOnly, $storageProblem, setStepTicked, resetGuide, $announcement } =
      await openPage(storage, events);
    expect($progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: AT } });
    expect($progressReadOnly.get()).toBe(true);
    expect($storageProblem.get()).toEqual({ kind: 'newer', version: PROGRESS_VERSION + 1 });
    setStepTicked('hp', 'hp-b', true, NOW);
    resetGuide('hp');
    events.pageshow();
    expect(storage.items.get(KEY)).toBe(newer);
    expect($progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: AT } });
    expect($announcement.get()).toBeUndefined();
  });

  it('shows its records read-only: neither noting nor importing changes anything', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, newerWithRecord);
    const { $progress, $announcement, setRecord, importProgress } = await openPage(storage);
    expect($progress.get().records).toEqual({
      'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT },
    });
    setRecord('ms-domain', 'fabrikam.onmicrosoft.com', NOW);
    setRecord('ms-domain', undefined, NOW);
    expect(importProgress(withRecord(emptyProgress(), 'rh-login', 'taro', NOW))).toBe(false);
    expect(storage.items.get(KEY)).toBe(newerWithRecord);
    expect($progress.get().records).toEqual({
      'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT },
    });
    expect($announcement.get()).toBeUndefined();
  });

  it('leaves read-only mode when another tab stores a value this version can read', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, newer);
    const events = new FakeStorageEvents();
    const { $progressReadOnly, $storageProblem } = await openPage(storage, events);
    const current = storedWith(['hp', 'hp-a']);
    storage.items.set(KEY, current);
    events.storageEvent(KEY, current);
    expect($progressReadOnly.get()).toBe(false);
    expect($storageProblem.get()).toBeUndefined();
  });
});

describe('progress store when storage fails', () => {
  it('works for the session when reading storage throws (privacy settings)', async () => {
    const storage = new FakeStorage();
    storage.faults.readThrows = true;
    storage.faults.writeThrows = true;
    const { $progress, $storageHealth, setStepTicked } = await openPage(storage);
    expect($storageHealth.get()).toBe('unavailable');
    setStepTicked('hp', 'hp-a', true, NOW);
    expect($progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: NOW.toISOString() } });
  });

  it('works for the session when even opening storage throws (SecurityError)', async () => {
    const { $progress, $storageHealth, setStepTicked } = await openPage(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect($storageHealth.get()).toBe('unavailable');
    setStepTicked('redhat', 'rh-a', true, NOW);
    expect($progress.get().guides.redhat).toEqual({ 'rh-a': { tickedAt: NOW.toISOString() } });
  });

  it('keeps ticking in memory when writes are refused (QuotaExceededError)', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-a']));
    storage.faults.writeThrows = true;
    const { $progress, $storageHealth, setStepTicked } = await openPage(storage);
    expect($storageHealth.get()).toBe('ok');
    setStepTicked('hp', 'hp-b', true, NOW);
    expect($storageHealth.get()).toBe('unavailable');
    expect(Object.keys($progress.get().guides.hp ?? {})).toEqual(['hp-a', 'hp-b']);
    expect(storage.items.get(KEY)).toBe(storedWith(['hp', 'hp-a']));
  });

  it('does not replace an unreadable value it could not keep aside', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, 'garbage');
    storage.faults.writeThrows = true;
    const { $storageProblem, setStepTicked } = await openPage(storage);
    expect($storageProblem.get()).toEqual({ kind: 'backup-failed' });
    setStepTicked('hp', 'hp-a', true, NOW);
    expect(storage.items.get(KEY)).toBe('garbage');
  });
});
