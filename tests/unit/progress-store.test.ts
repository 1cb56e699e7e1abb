import { afterEach, describe, expect, it } from 'vitest';
import {
  PROGRESS_VERSION,
  encodeProgress,
  emptyProgress,
  withRecord,
  withStep,
  type ProgressData,
} from '../../src/lib/progress-data';
import { checkStoredRecord } from '../../src/lib/records';
import { FakeStorage, FakeStorageEvents, loadProgressStore, loadStores } from './support/fake-storage';
import { STORED_AT, STORED_V1, STORED_V2 } from './support/stored-documents';

/** Registration `1`'s progress: a fresh browser's first registration, where the stores read and write. */
const KEY = 'partner-guides:progress:1';
const BACKUP = 'partner-guides:progress-backup:1';
const AT = STORED_AT;
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
    expect(setStepTicked('microsoft', 'ms-a', true, NOW)).toBe('saved');
    expect(storage.items.get(KEY)).toBe(
      '{"guides":{"microsoft":{"ms-a":{"tickedAt":"2026-11-21T10:00:00.000Z"}}},"records":{},"version":3}',
    );
    const UNTICKED = new Date('2026-11-21T10:05:00.000Z');
    expect(setStepTicked('microsoft', 'ms-a', false, UNTICKED)).toBe('saved');
    expect($progress.get().guides.microsoft ?? {}).toEqual({});
    // The untick leaves its time, so that a tab holding the tick cannot bring it back.
    expect(stored(storage)).toEqual({
      version: 3,
      guides: {},
      records: {},
      removed: { ticks: { microsoft: { 'ms-a': '2026-11-21T10:05:00.000Z' } }, records: {} },
    });
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
    expect(resetGuide('hp', NOW)).toBe('saved');
    expect($progress.get().guides).toEqual({ redhat: { 'rh-a': { tickedAt: AT } } });
    expect(stored(storage)).toEqual({
      version: 3,
      guides: { redhat: { 'rh-a': { tickedAt: AT } } },
      records: {},
      removed: { ticks: { hp: { 'hp-a': NOW.toISOString() } }, records: {} },
    });
  });

  it('keeps the tick of a step the content no longer has when other steps change', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-removed']));
    const { setStepTicked } = await openPage(storage);
    setStepTicked('hp', 'hp-a', true, NOW);
    expect(stored(storage).guides.hp).toEqual({
      'hp-a': { tickedAt: NOW.toISOString() },
      'hp-removed': { tickedAt: AT },
    });
  });
});

describe('progress store with a value of an older version', () => {
  it('reads version 1 ticks without a notice and writes version 3 on the next change', async () => {
    const storage = new FakeStorage();
    const v1 = STORED_V1;
    storage.items.set(KEY, v1);
    const { $progress, $storageProblem, $progressReadOnly, setStepTicked } = await openPage(storage);
    expect($progress.get()).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: {},
      removed: { ticks: {}, records: {} },
    });
    expect($storageProblem.get()).toBeUndefined();
    expect($progressReadOnly.get()).toBe(false);
    // Reading changes nothing in storage: the upgrade is written with the next change.
    expect(storage.items.get(KEY)).toBe(v1);
    setStepTicked('hp', 'hp-b', true, NOW);
    expect(stored(storage)).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT }, 'hp-b': { tickedAt: NOW.toISOString() } } },
      records: {},
    });
    expect(storage.items.has(BACKUP)).toBe(false);
  });

  it('reads version 2 ticks and records without a notice and writes version 3 on the next change', async () => {
    const storage = new FakeStorage();
    const v2 = STORED_V2;
    storage.items.set(KEY, v2);
    const { $storageProblem, setRecord } = await openPage(storage);
    expect($storageProblem.get()).toBeUndefined();
    expect(setRecord('ms-domain', 'a.jp', NOW)).toBe('saved');
    expect(stored(storage)).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
      records: {
        'rh-login': { value: 'taro', updatedAt: AT },
        'ms-domain': { value: 'a.jp', updatedAt: NOW.toISOString() },
      },
    });
    expect(storage.items.has(BACKUP)).toBe(false);
  });
});

describe('progress store records', () => {
  it('stores a record with its time and announces it, then clears it', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['microsoft', 'ms-mpa-accept']));
    const { setRecord, $progress, $announcement } = await openPage(storage);
    expect(setRecord('ms-partner-id-location', '6123456', NOW)).toBe('saved');
    expect(stored(storage).records).toEqual({
      'ms-partner-id-location': { value: '6123456', updatedAt: NOW.toISOString() },
    });
    expect(stored(storage).guides).toEqual({ microsoft: { 'ms-mpa-accept': { tickedAt: AT } } });
    expect($announcement.get()).toEqual({ fieldId: 'ms-partner-id-location', saved: true });
    const CLEARED = new Date('2026-11-21T10:05:00.000Z');
    expect(setRecord('ms-partner-id-location', '  ', CLEARED)).toBe('saved');
    expect($progress.get().records).toEqual({});
    expect(stored(storage).records).toEqual({});
    expect(stored(storage).removed).toEqual({
      ticks: {},
      records: { 'ms-partner-id-location': '2026-11-21T10:05:00.000Z' },
    });
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
    incoming = withRecord(incoming, 'rh-login', 'jiro', new Date(AT));
    const IMPORTED = '2026-11-21T10:30:00.000Z';
    expect(importProgress(incoming, new Date(IMPORTED))).toBe('saved');
    const expected = {
      version: 3,
      guides: {
        hp: { 'hp-a': { tickedAt: AT } },
        // The file's tick time, changed by the import at its own time.
        redhat: { 'rh-a': { tickedAt: AT, changedAt: IMPORTED } },
      },
      records: { 'rh-login': { value: 'jiro', updatedAt: IMPORTED } },
    };
    expect($progress.get().guides).toEqual(expected.guides);
    expect($progress.get().records).toEqual(expected.records);
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
    expect(setStepTicked('hp', 'hp-b', true, NOW)).toBe('read-only');
    expect(resetGuide('hp')).toBe('read-only');
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
    expect(setRecord('ms-domain', 'fabrikam.onmicrosoft.com', NOW)).toBe('read-only');
    expect(setRecord('ms-domain', undefined, NOW)).toBe('read-only');
    expect(importProgress(withRecord(emptyProgress(), 'rh-login', 'taro', NOW))).toBe('read-only');
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
    expect(setStepTicked('hp', 'hp-a', true, NOW)).toBe('not-saved');
    expect($progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: NOW.toISOString() } });
  });

  it('works for the session when even opening storage throws (SecurityError)', async () => {
    const { $progress, $storageHealth, setStepTicked } = await openPage(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect($storageHealth.get()).toBe('unavailable');
    expect(setStepTicked('redhat', 'rh-a', true, NOW)).toBe('not-saved');
    expect($progress.get().guides.redhat).toEqual({ 'rh-a': { tickedAt: NOW.toISOString() } });
  });

  it('keeps ticking in memory when writes are refused (QuotaExceededError), and says storage is full', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, storedWith(['hp', 'hp-a']));
    storage.faults.writeThrows = true;
    const { $progress, $storageHealth, setStepTicked } = await openPage(storage);
    expect($storageHealth.get()).toBe('ok');
    expect(setStepTicked('hp', 'hp-b', true, NOW)).toBe('not-saved');
    expect($storageHealth.get()).toBe('full');
    expect($progress.get().guides.hp).toEqual({
      'hp-a': { tickedAt: AT },
      'hp-b': { tickedAt: NOW.toISOString() },
    });
    expect(storage.items.get(KEY)).toBe(storedWith(['hp', 'hp-a']));
  });

  it('does not replace an unreadable value it could not keep aside', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, 'garbage');
    storage.faults.writeThrows = true;
    const { $storageProblem, setStepTicked } = await openPage(storage);
    expect.soft($storageProblem.get()).toEqual({ kind: 'backup-failed' });
    expect(setStepTicked('hp', 'hp-a', true, NOW)).toBe('not-saved');
    expect(storage.items.get(KEY)).toBe('garbage');
  });
});

/** A storage that refuses to hold the backup key (as a full one would), and only that key. */
class BackupRefusingStorage extends FakeStorage {
  override setItem(key: string, value: string): void {
    if (key === BACKUP) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

describe('progress store when an unreadable value cannot be kept aside', () => {
  it.each([
    ['an unreadable value', 'garbage', {}],
    [
      'a partly broken value',
      JSON.stringify({ version: 3, guides: { hp: { 'hp-a': { tickedAt: AT }, 'hp-b': 42 } }, records: {} }),
      { 'hp-a': { tickedAt: AT } },
    ],
  ])('leaves %s where it is, writes nothing, and works in memory', async (_name, raw, readable) => {
    const storage = new BackupRefusingStorage();
    storage.items.set(KEY, raw);
    const { $progress, $storageProblem, setStepTicked, setRecord } = await openPage(storage);
    // Soft: a wrong notice must not hide whether the original survived.
    expect.soft($storageProblem.get()).toEqual({ kind: 'backup-failed' });
    expect($progress.get().guides.hp ?? {}).toEqual(readable);
    expect.soft(setStepTicked('hp', 'hp-c', true, NOW)).toBe('not-saved');
    expect.soft(setRecord('rh-login', 'taro', NOW)).toBe('not-saved');
    expect.soft(storage.items.get(KEY)).toBe(raw);
    expect(storage.items.has(BACKUP)).toBe(false);
    expect($progress.get().guides.hp).toEqual({ ...readable, 'hp-c': { tickedAt: NOW.toISOString() } });
    expect($storageProblem.get()).toEqual({ kind: 'backup-failed' });
  });
});

/** A storage whose writes are refused for a reason other than space (policies, privacy settings). */
class WriteForbiddingStorage extends FakeStorage {
  override setItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

describe('progress store: storage health', () => {
  it('says storage is full on a QuotaExceededError, and ok again once a write fits', async () => {
    const storage = new FakeStorage();
    const { $storageHealth, setStepTicked } = await openPage(storage);
    storage.faults.writeThrows = true;
    expect(setStepTicked('hp', 'hp-a', true, NOW)).toBe('not-saved');
    expect($storageHealth.get()).toBe('full');
    expect(storage.items.has(KEY)).toBe(false);
    storage.faults.writeThrows = false;
    const LATER = new Date('2026-11-21T10:05:00.000Z');
    expect(setStepTicked('hp', 'hp-b', true, LATER)).toBe('saved');
    expect($storageHealth.get()).toBe('ok');
    // The tick that could not be stored is stored with the next change.
    expect(stored(storage).guides).toEqual({
      hp: { 'hp-a': { tickedAt: NOW.toISOString() }, 'hp-b': { tickedAt: LATER.toISOString() } },
    });
  });

  it('says storage is unavailable on a SecurityError when writing', async () => {
    const storage = new WriteForbiddingStorage();
    const { $storageHealth, $progress, setStepTicked } = await openPage(storage);
    expect($storageHealth.get()).toBe('ok');
    expect(setStepTicked('hp', 'hp-a', true, NOW)).toBe('not-saved');
    expect($storageHealth.get()).toBe('unavailable');
    expect($progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: NOW.toISOString() } });
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('says storage is unavailable on a SecurityError when reading', async () => {
    const storage = new FakeStorage();
    storage.faults.readThrows = true;
    const { $storageHealth } = await openPage(storage);
    expect($storageHealth.get()).toBe('unavailable');
  });
});

describe('progress store with two tabs', () => {
  const T1 = new Date('2026-11-21T10:01:00.000Z');
  const T2 = new Date('2026-11-21T10:02:00.000Z');
  const T3 = new Date('2026-11-21T10:03:00.000Z');
  const mounted: (() => void)[] = [];
  afterEach(() => {
    for (const stop of mounted.splice(0)) stop();
  });

  /** Loads a tab (its own copy of the stores) on top of a storage, mounted as the page's islands do. */
  async function openTab(storage: FakeStorage, events = new FakeStorageEvents()) {
    const stores = await loadStores(storage, events);
    mounted.push(stores.$progress.listen(() => undefined));
    return stores;
  }

  /** One tab's view of a localStorage shared with other tabs: the same map, its own write count. */
  class SharedMapStorage extends FakeStorage {
    progressWrites = 0;
    constructor(shared: Map<string, string>) {
      super();
      Object.defineProperty(this, 'items', { value: shared });
    }
    override setItem(key: string, value: string): void {
      super.setItem(key, value);
      if (key === KEY) this.progressWrites += 1;
    }
  }

  it('keeps the tick of tab A when tab B ticks before it hears of it, and converges without writing back', async () => {
    const shared = new Map<string, string>();
    const storageA = new SharedMapStorage(shared);
    const storageB = new SharedMapStorage(shared);
    const eventsA = new FakeStorageEvents();
    const eventsB = new FakeStorageEvents();
    const tabA = await openTab(storageA, eventsA);
    const tabB = await openTab(storageB, eventsB);

    expect(tabA.setStepTicked('hp', 'hp-a', true, T1)).toBe('saved');
    // Tab B was busy: A's storage event has not reached it, its copy holds nothing.
    expect(tabB.$progress.get().guides).toEqual({});
    expect(tabB.setStepTicked('hp', 'hp-b', true, T2)).toBe('saved');
    const both = { hp: { 'hp-a': { tickedAt: T1.toISOString() }, 'hp-b': { tickedAt: T2.toISOString() } } };
    expect(stored(storageA).guides).toEqual(both);

    // The events arrive late; each store re-reads what storage holds now.
    eventsB.storageEvent(KEY, shared.get(KEY) ?? null);
    eventsA.storageEvent(KEY, shared.get(KEY) ?? null);
    expect(tabA.$progress.get().guides).toEqual(both);
    expect(tabB.$progress.get().guides).toEqual(both);
    expect(storageA.progressWrites).toBe(1);
    expect(storageB.progressWrites).toBe(1);
  });

  /**
   * Tabs whose views of localStorage lag behind each other, as in a browser that gives each tab its
   * own process: a write changes the writer's view at once and reaches the other tabs (their view
   * and their storage event) only when `deliver` is called.
   */
  class LaggingStorage extends FakeStorage {
    progressWrites = 0;
    constructor(
      private readonly hub: Hub,
      readonly events: FakeStorageEvents,
    ) {
      super();
      hub.tabs.push(this);
    }
    override setItem(key: string, value: string): void {
      // As in a browser, writing the value a key already has changes nothing and tells no one.
      if (this.items.get(key) === value) return;
      super.setItem(key, value);
      if (key === KEY) this.progressWrites += 1;
      this.hub.queue.push({ from: this, key, value });
    }
  }

  class Hub {
    readonly tabs: LaggingStorage[] = [];
    readonly queue: { from: LaggingStorage; key: string; value: string }[] = [];
    /** Delivers every pending change, and those they cause; returns how many were delivered. */
    deliver(order: 'oldest first' | 'newest first' = 'oldest first'): number {
      let delivered = 0;
      while (this.queue.length > 0) {
        if (delivered > 50) throw new Error('the tabs keep writing back to each other');
        const message = order === 'oldest first' ? this.queue.shift() : this.queue.pop();
        if (!message) break;
        delivered += 1;
        for (const tab of this.tabs) {
          if (tab === message.from) continue;
          tab.items.set(message.key, message.value);
          tab.events.storageEvent(message.key, message.value);
        }
      }
      return delivered;
    }
  }

  async function openLaggingTabs() {
    const hub = new Hub();
    const storageA = new LaggingStorage(hub, new FakeStorageEvents());
    const storageB = new LaggingStorage(hub, new FakeStorageEvents());
    const tabA = await openTab(storageA, storageA.events);
    const tabB = await openTab(storageB, storageB.events);
    return { hub, storageA, storageB, tabA, tabB };
  }

  /** What both tabs show and store once every change was delivered; they must agree. */
  function settled(setup: {
    storageA: LaggingStorage;
    storageB: LaggingStorage;
    tabA: { $progress: { get: () => ProgressData } };
    tabB: { $progress: { get: () => ProgressData } };
  }) {
    const { storageA, storageB, tabA, tabB } = setup;
    expect(storageA.items.get(KEY)).toBe(storageB.items.get(KEY));
    expect(encodeProgress(tabA.$progress.get())).toBe(encodeProgress(tabB.$progress.get()));
    expect(encodeProgress(tabA.$progress.get())).toBe(storageA.items.get(KEY));
    return stored(storageA);
  }

  it('removes a record the checks refuse in every tab, one of them not checking yet, and they settle', async () => {
    const hub = new Hub();
    const storageA = new LaggingStorage(hub, new FakeStorageEvents());
    const storageB = new LaggingStorage(hub, new FakeStorageEvents());
    const original = encodeProgress(refusedAndGood());
    storageA.items.set(KEY, original);
    storageB.items.set(KEY, original);
    // Tab B is a guide at load, before its record fields; tab A starts the checks as it loads.
    const tabB = await loadProgressStore(storageB, storageB.events);
    mounted.push(tabB.$progress.listen(() => undefined));
    const tabA = await openTab(storageA, storageA.events);
    expect(Object.keys(tabA.$progress.get().records)).toEqual(['ms-domain']);
    expect(Object.keys(tabB.$progress.get().records).sort()).toEqual(['ms-domain', 'ms-partner-id-location']);
    // B ticks before it hears of A's removal, writing the refused record back with its tick.
    expect(tabB.setStepTicked('hp', 'hp-a', true, T1)).toBe('saved');
    expect(hub.deliver()).toBeLessThan(10);
    const settledData = settled({ storageA, storageB, tabA, tabB });
    expect(Object.keys(settledData.records)).toEqual(['ms-domain']);
    expect(settledData.guides.hp).toEqual({ 'hp-a': { tickedAt: T1.toISOString() } });
    // Kept aside with the refused record: B's write, the last value that held it.
    const keptAside = JSON.parse(storageA.items.get(BACKUP) ?? '{}') as ProgressData;
    expect(keptAside.records['ms-partner-id-location']?.value).toBe('６１２３４５６');
  });

  it.each([['oldest first' as const], ['newest first' as const]])(
    'keeps both ticks when tab B reads a stale storage, with changes delivered %s, and stops writing',
    async (order) => {
      const setup = await openLaggingTabs();
      const { hub, storageA, storageB, tabA, tabB } = setup;
      expect(tabA.setStepTicked('hp', 'hp-a', true, T1)).toBe('saved');
      // Tab B's view of storage has not received A's write yet.
      expect(storageB.items.has(KEY)).toBe(false);
      expect(tabB.setStepTicked('hp', 'hp-b', true, T2)).toBe('saved');
      hub.deliver(order);
      expect(settled(setup)).toEqual({
        version: 3,
        guides: { hp: { 'hp-a': { tickedAt: T1.toISOString() }, 'hp-b': { tickedAt: T2.toISOString() } } },
        records: {},
      });
      // Each tab wrote its tick, and at most once more to hand on what the other lacked.
      expect(storageA.progressWrites + storageB.progressWrites).toBeLessThanOrEqual(4);
      const writes = storageA.progressWrites + storageB.progressWrites;
      // Nothing left to do: hearing from storage again or coming back from the cache writes nothing.
      storageA.events.pageshow();
      storageB.events.pageshow();
      storageA.events.storageEvent(KEY, storageA.items.get(KEY) ?? null);
      storageB.events.storageEvent(KEY, storageB.items.get(KEY) ?? null);
      expect(hub.deliver()).toBe(0);
      expect(storageA.progressWrites + storageB.progressWrites).toBe(writes);
    },
  );

  it('does not let a stale tab bring back a step unticked in another tab', async () => {
    const setup = await openLaggingTabs();
    const { hub, tabA, tabB } = setup;
    tabA.setStepTicked('hp', 'hp-a', true, T1);
    hub.deliver();
    expect(tabB.$progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: T1.toISOString() } });
    expect(tabA.setStepTicked('hp', 'hp-a', false, T2)).toBe('saved');
    // B still holds the tick and ticks another step before it hears of the untick.
    expect(tabB.setStepTicked('hp', 'hp-c', true, T3)).toBe('saved');
    hub.deliver();
    expect(settled(setup)).toEqual({
      version: 3,
      guides: { hp: { 'hp-c': { tickedAt: T3.toISOString() } } },
      records: {},
      removed: { ticks: { hp: { 'hp-a': T2.toISOString() } }, records: {} },
    });
  });

  it('keeps a reset made in one tab and a tick made after it in a stale tab', async () => {
    const setup = await openLaggingTabs();
    const { hub, tabA, tabB } = setup;
    tabA.setStepTicked('hp', 'hp-a', true, T1);
    tabA.setStepTicked('redhat', 'rh-a', true, T1);
    hub.deliver();
    expect(tabA.resetGuide('hp', T2)).toBe('saved');
    expect(tabB.setStepTicked('hp', 'hp-b', true, T3)).toBe('saved');
    hub.deliver();
    expect(settled(setup)).toEqual({
      version: 3,
      guides: {
        hp: { 'hp-b': { tickedAt: T3.toISOString() } },
        redhat: { 'rh-a': { tickedAt: T1.toISOString() } },
      },
      records: {},
      removed: { ticks: { hp: { 'hp-a': T2.toISOString() } }, records: {} },
    });
  });

  it('keeps records noted and cleared in two tabs that have not heard of each other', async () => {
    const setup = await openLaggingTabs();
    const { hub, tabA, tabB } = setup;
    tabA.setRecord('rh-login', 'taro', T1);
    hub.deliver();
    expect(tabA.setRecord('rh-login', undefined, T2)).toBe('saved');
    expect(tabB.setRecord('ms-domain', 'a.jp', T3)).toBe('saved');
    hub.deliver();
    expect(settled(setup)).toEqual({
      version: 3,
      guides: {},
      records: { 'ms-domain': { value: 'a.jp', updatedAt: T3.toISOString() } },
      removed: { ticks: {}, records: { 'rh-login': T2.toISOString() } },
    });
  });
});

describe('undo', () => {
  const TICKED = '2026-11-20T01:00:00.000Z';
  const storageWithTwoTicks = () => {
    const storage = new FakeStorage();
    storage.items.set(
      KEY,
      encodeProgress(withStep(withStep(emptyProgress(), 'hp', 'hp-a', TICKED), 'hp', 'hp-b', AT)),
    );
    return storage;
  };

  it('offers to undo an untick until the next change, and restores the tick time in storage', async () => {
    const storage = storageWithTwoTicks();
    const { setStepTicked, $undoOffer, undoLastChange, $announcement } = await openPage(storage);
    const unsubscribe = $undoOffer.listen(() => undefined);
    setStepTicked('hp', 'hp-a', false, NOW);
    expect($undoOffer.get()).toMatchObject({ kind: 'untick', guide: 'hp', stepId: 'hp-a' });
    expect(undoLastChange(new Date('2026-11-21T10:01:00.000Z'))).toBe('saved');
    expect(stored(storage).guides.hp?.['hp-a']).toEqual({
      tickedAt: TICKED,
      changedAt: '2026-11-21T10:01:00.000Z',
    });
    expect($undoOffer.get()).toBeUndefined();
    expect($announcement.get()).toEqual({ guide: 'hp', undone: 'untick' });

    setStepTicked('hp', 'hp-a', false, NOW);
    setStepTicked('hp', 'hp-c', true, NOW);
    expect($undoOffer.get()).toBeUndefined();
    expect(undoLastChange()).toBeUndefined();
    unsubscribe();
  });

  it('undoes a reset, every tick with its time', async () => {
    const storage = storageWithTwoTicks();
    const { resetGuide, undoLastChange, $undoOffer } = await openPage(storage);
    resetGuide('hp', NOW);
    expect($undoOffer.get()).toMatchObject({ kind: 'reset', guide: 'hp' });
    undoLastChange(new Date('2026-11-21T10:01:00.000Z'));
    const ticks = stored(storage).guides.hp ?? {};
    expect(Object.fromEntries(Object.entries(ticks).map(([id, tick]) => [id, tick.tickedAt]))).toEqual({
      'hp-a': TICKED,
      'hp-b': AT,
    });
  });

  it('undoes an import, putting back the progress of before', async () => {
    const storage = storageWithTwoTicks();
    const { importProgress, undoLastChange, $undoOffer, $progress } = await openPage(storage);
    const before = structuredClone($progress.get());
    const incoming = withRecord(
      withStep(emptyProgress(), 'hp', 'hp-a', AT),
      'rh-login',
      'jiro',
      new Date(AT),
    );
    importProgress(incoming, NOW);
    expect($undoOffer.get()).toMatchObject({ kind: 'import' });
    undoLastChange(new Date('2026-11-21T10:01:00.000Z'));
    const tickTimes = (data: ProgressData) =>
      Object.fromEntries(Object.entries(data.guides.hp ?? {}).map(([id, tick]) => [id, tick.tickedAt]));
    expect(tickTimes(stored(storage))).toEqual(tickTimes(before));
    expect(stored(storage).records).toEqual({});
  });

  it('withdraws the offer when another tab changes what the undo would restore', async () => {
    const storage = storageWithTwoTicks();
    const events = new FakeStorageEvents();
    const { setStepTicked, $undoOffer } = await openPage(storage, events);
    const unsubscribe = $undoOffer.listen(() => undefined);
    setStepTicked('hp', 'hp-a', false, NOW);
    expect($undoOffer.get()).toBeDefined();
    const other = encodeProgress(withStep(stored(storage), 'hp', 'hp-a', '2026-11-21T10:02:00.000Z'));
    storage.items.set(KEY, other);
    events.storageEvent(KEY, other);
    expect($undoOffer.get()).toBeUndefined();
    unsubscribe();
  });

  it('corrects the time of a ticked step, and announces it', async () => {
    const storage = storageWithTwoTicks();
    const { correctTickTime, $announcement } = await openPage(storage);
    expect(correctTickTime('hp', 'hp-b', TICKED, NOW)).toBe('saved');
    expect(stored(storage).guides.hp?.['hp-b']).toEqual({ tickedAt: TICKED, changedAt: NOW.toISOString() });
    expect($announcement.get()).toEqual({ guide: 'hp', stepId: 'hp-b', corrected: TICKED });
  });
});

/** Progress with one record the checks refuse (full-width digits, not the form the field saves) and one they take. */
function refusedAndGood(): ProgressData {
  const data = withRecord(emptyProgress(), 'ms-domain', 'contoso.onmicrosoft.com', new Date(AT));
  return {
    ...data,
    records: { ...data.records, 'ms-partner-id-location': { value: '６１２３４５６', updatedAt: AT } },
  };
}

describe('progress store record checks', () => {
  it('holds records as read until the checks start, then removes those they refuse and keeps the original aside', async () => {
    const storage = new FakeStorage();
    const original = encodeProgress(refusedAndGood());
    storage.items.set(KEY, original);
    const { $progress, $storageProblem, startRecordChecks } = await loadProgressStore(storage);
    unmount = $progress.listen(() => undefined);
    expect($storageProblem.get()).toBeUndefined();
    startRecordChecks(checkStoredRecord);
    expect($progress.get().records).toEqual({
      'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT },
    });
    expect(stored(storage).records).toEqual($progress.get().records);
    const removedAt = stored(storage).removed.records['ms-partner-id-location'];
    expect(removedAt !== undefined && removedAt > AT).toBe(true);
    expect(storage.items.get(BACKUP)).toBe(original);
    expect($storageProblem.get()).toEqual({ kind: 'recovered', backupKey: BACKUP });
  });

  it('removes a refused record that arrives from another tab once the checks run', async () => {
    const storage = new FakeStorage();
    const events = new FakeStorageEvents();
    const { $progress, $storageProblem } = await openPage(storage, events);
    const written = encodeProgress(refusedAndGood());
    storage.items.set(KEY, written);
    events.storageEvent(KEY, written);
    expect(Object.keys($progress.get().records)).toEqual(['ms-domain']);
    expect(Object.keys(stored(storage).records)).toEqual(['ms-domain']);
    expect(storage.items.get(BACKUP)).toBe(written);
    expect($storageProblem.get()).toEqual({ kind: 'recovered', backupKey: BACKUP });
  });

  it('leaves a refused record out of a read-only tab without writing', async () => {
    const storage = new FakeStorage();
    const newer = JSON.stringify({ ...refusedAndGood(), version: PROGRESS_VERSION + 1 });
    storage.items.set(KEY, newer);
    const { $progress, $progressReadOnly } = await openPage(storage);
    expect($progressReadOnly.get()).toBe(true);
    expect(Object.keys($progress.get().records)).toEqual(['ms-domain']);
    expect(storage.items.get(KEY)).toBe(newer);
  });
});
