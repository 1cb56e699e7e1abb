import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  withRecord,
  withStep,
  type ProgressData,
} from '../../src/lib/progress-data';
import { FakeStorage, loadStores } from './support/fake-storage';
import { FakeBrowser } from './support/tabs';
import { STORED_AT, STORED_CHANGED_AT, STORED_V1, STORED_V2, STORED_V3 } from './support/stored-documents';

const LEGACY = 'partner-guides:progress';
const LEGACY_BACKUP = 'partner-guides:progress-backup';
const INDEX = 'partner-guides:registrations';
const INDEX_BACKUP = 'partner-guides:registrations-backup';
const LAST = 'partner-guides:last-registration';
const TAB = 'partner-guides:tab-registration';
const MARKER = '{"version":4,"movedTo":"partner-guides:registrations"}';
const progressKey = (id: string) => `partner-guides:progress:${id}`;
const NOW = new Date('2026-11-21T10:00:00.000Z');
const T1 = new Date('2026-11-21T10:01:00.000Z');
const T2 = new Date('2026-11-21T10:02:00.000Z');

let browsers: FakeBrowser[] = [];
afterEach(() => {
  for (const browser of browsers) browser.close();
  browsers = [];
});

/** A browser whose localStorage holds `items` before its first tab opens. */
function browserWith(items: Record<string, string> = {}): FakeBrowser {
  const browser = new FakeBrowser(new Map(Object.entries(items)));
  browsers.push(browser);
  return browser;
}

/** A stored value, parsed. */
function json(storage: FakeStorage, key: string): unknown {
  const raw = storage.items.get(key);
  return raw === undefined ? undefined : JSON.parse(raw);
}

/** A registration's stored progress, read as the stores read it. */
function progressOf(storage: FakeStorage, id: string): ProgressData {
  return decodeProgress(storage.items.get(progressKey(id))).data;
}

/** The ids of the registrations the stored index holds. */
function indexIds(storage: FakeStorage): string[] {
  const index = json(storage, INDEX) as { registrations?: Record<string, unknown> } | undefined;
  return Object.keys(index?.registrations ?? {}).sort();
}

const decoded = (raw: string) => decodeProgress(raw).data;

describe('moving the progress stored before registrations', () => {
  it.each([
    ['version 1', STORED_V1],
    ['version 2', STORED_V2],
    ['version 3', STORED_V3],
  ])('makes a %s document registration 1, losing nothing, and leaves the marker', async (_name, raw) => {
    const tab = await browserWith({ [LEGACY]: raw }).open();
    const { storage, $progress, $registrationId, $registrations, $storageProblem, $progressReadOnly } = tab;
    // Every tick, tick time, change time, record and removal time, as decoding the old value gives it.
    expect(progressOf(storage, '1')).toEqual(decoded(raw));
    expect(storage.items.get(progressKey('1'))).toBe(encodeProgress(decoded(raw)));
    expect($progress.get()).toEqual(decoded(raw));
    expect($registrationId.get()).toBe('1');
    expect(storage.items.get(LEGACY)).toBe(MARKER);
    expect(Object.keys($registrations.get().registrations)).toEqual(['1']);
    expect($registrations.get().registrations['1']?.name).toBe('');
    expect($storageProblem.get()).toBeUndefined();
    expect($progressReadOnly.get()).toBe(false);
    expect(storage.items.has(LEGACY_BACKUP)).toBe(false);
  });

  it('keeps the version 3 change and removal times, so that merging with an older tab still works', async () => {
    const { storage } = await browserWith({ [LEGACY]: STORED_V3 }).open();
    expect(json(storage, progressKey('1'))).toEqual({
      version: 3,
      guides: {
        hp: { 'hp-a': { tickedAt: STORED_AT, changedAt: STORED_CHANGED_AT } },
        redhat: { 'rh-a': { tickedAt: STORED_AT } },
      },
      records: { 'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: STORED_AT } },
      removed: { ticks: { hp: { 'hp-b': STORED_CHANGED_AT } }, records: { 'rh-login': STORED_CHANGED_AT } },
    });
  });

  it.each([
    ['bad JSON', '{"version":2,"guides":', {}],
    ['a wrong shape', '["hp-a"]', {}],
    [
      'a partly broken document',
      JSON.stringify({ version: 1, guides: { hp: { 'hp-a': { tickedAt: STORED_AT }, 'hp-b': 42 } } }),
      { hp: { 'hp-a': { tickedAt: STORED_AT } } },
    ],
  ])(
    'keeps %s aside as before, and registration 1 starts from what could be read',
    async (_name, raw, guides) => {
      const { storage, $progress, $storageProblem } = await browserWith({ [LEGACY]: raw }).open();
      expect(storage.items.get(LEGACY_BACKUP)).toBe(raw);
      expect($storageProblem.get()).toEqual({ kind: 'recovered', backupKey: LEGACY_BACKUP });
      expect($progress.get().guides).toEqual(guides);
      expect(progressOf(storage, '1').guides).toEqual(guides);
      expect(storage.items.get(LEGACY)).toBe(MARKER);
    },
  );

  it('leaves an unreadable old value where it is when it cannot be kept aside, and writes nothing', async () => {
    /** A storage that refuses to hold the old backup key (as a full one would), and only that key. */
    class BackupRefusingStorage extends FakeStorage {
      override setItem(key: string, value: string): void {
        if (key === LEGACY_BACKUP)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        super.setItem(key, value);
      }
    }
    const storage = new BackupRefusingStorage();
    const raw = JSON.stringify({
      version: 2,
      guides: { hp: { 'hp-a': { tickedAt: STORED_AT }, 'hp-b': 42 } },
    });
    storage.items.set(LEGACY, raw);
    const { $storageProblem, $progress, setStepTicked, setRecord } = await loadStores(storage);
    expect.soft($storageProblem.get()).toEqual({ kind: 'backup-failed' });
    // What could be read is shown, for this visit.
    expect($progress.get().guides.hp).toEqual({ 'hp-a': { tickedAt: STORED_AT } });
    expect.soft(setStepTicked('hp', 'hp-c', true, NOW)).toBe('not-saved');
    expect.soft(setRecord('rh-login', 'taro', NOW)).toBe('not-saved');
    expect([...storage.items.keys()]).toEqual([LEGACY]);
    expect(storage.items.get(LEGACY)).toBe(raw);
  });

  it('moves nothing from a marker or a value of a newer version, and never overwrites it', async () => {
    const newer = JSON.stringify({ version: 9, guides: { hp: { 'hp-a': { tickedAt: STORED_AT } } } });
    for (const raw of [MARKER, newer]) {
      const { storage, $progress } = await browserWith({ [LEGACY]: raw }).open();
      expect(storage.items.get(LEGACY)).toBe(raw);
      expect(storage.items.has(INDEX)).toBe(false);
      expect($progress.get()).toEqual(emptyProgress());
    }
  });

  it('makes an older copy of the site, which reads the old key, read-only: the marker is a newer version', () => {
    expect(decodeProgress(MARKER)).toMatchObject({ status: 'newer', version: 4 });
  });

  it('gives one registration when two tabs move the old value at the same moment', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V3 });
    // Each tab moves it before hearing of the other's writes.
    const tabA = await browser.open();
    const tabB = await browser.open({ stale: true });
    expect(tabB.storage.items.get(LEGACY)).toBe(MARKER);
    browser.deliver();
    for (const tab of [tabA, tabB]) {
      expect(indexIds(tab.storage)).toEqual(['1']);
      expect(Object.keys(tab.$registrations.get().registrations)).toEqual(['1']);
      expect(tab.$registrationId.get()).toBe('1');
      expect(progressOf(tab.storage, '1')).toEqual(decoded(STORED_V3));
      expect(tab.storage.items.get(LEGACY)).toBe(MARKER);
    }
    expect(tabA.storage.items.get(INDEX)).toBe(tabB.storage.items.get(INDEX));
  });

  it('moves a value an older copy of the site wrote over the marker into registration 1 too', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const tab = await browser.open();
    tab.setStepTicked('redhat', 'rh-b', true, NOW);
    // An older copy, in another tab that had not yet heard of the marker, ticked into the old key.
    const older = encodeProgress(withStep(decoded(STORED_V1), 'microsoft', 'ms-a', T1.toISOString()));
    tab.storage.items.set(LEGACY, older);
    const reloaded = await browser.open();
    expect(Object.keys(reloaded.$progress.get().guides).sort()).toEqual(['hp', 'microsoft', 'redhat']);
    expect(reloaded.storage.items.get(LEGACY)).toBe(MARKER);
  });
});

describe('a fresh browser', () => {
  it('has no registration until the first change, which creates registration 1 without a name', async () => {
    const tab = await browserWith().open();
    expect(tab.$registrationId.get()).toBe('1');
    // Nothing stored in the browser: the tab only notes which registration it waits on.
    expect(tab.storage.items.size).toBe(0);
    expect(tab.setStepTicked('hp', 'hp-a', true, NOW)).toBe('saved');
    expect(progressOf(tab.storage, '1').guides).toEqual({ hp: { 'hp-a': { tickedAt: NOW.toISOString() } } });
    expect(tab.session.items.get(TAB)).toBe('1');
    // Where registrations are shown, the index lists it at once (a guide alone leaves that for later).
    expect(indexIds(tab.storage)).toEqual(['1']);
    expect(json(tab.storage, INDEX)).toMatchObject({ version: 1, registrations: { 1: { name: '' } } });
    expect(tab.$registrations.get().registrations['1']).toBeDefined();
  });

  it('creates registration 1 once when two fresh tabs tick at the same moment', async () => {
    const browser = browserWith();
    const tabA = await browser.open();
    const tabB = await browser.open();
    tabA.setStepTicked('hp', 'hp-a', true, T1);
    tabB.setStepTicked('hp', 'hp-b', true, T2);
    browser.deliver();
    expect(indexIds(tabA.storage)).toEqual(['1']);
    expect(tabA.storage.items.get(INDEX)).toBe(tabB.storage.items.get(INDEX));
    expect(Object.keys(tabA.$progress.get().guides.hp ?? {}).sort()).toEqual(['hp-a', 'hp-b']);
    expect(tabA.storage.items.get(progressKey('1'))).toBe(tabB.storage.items.get(progressKey('1')));
  });

  it('keeps an unreadable index aside before the first change writes a new one', async () => {
    const tab = await browserWith({ [INDEX]: 'garbage' }).open();
    expect(tab.setStepTicked('hp', 'hp-a', true, NOW)).toBe('saved');
    expect(tab.storage.items.get(INDEX_BACKUP)).toBe('garbage');
    expect(indexIds(tab.storage)).toEqual(['1']);
  });
});

describe('switching, adding, renaming', () => {
  it('adds a registration, switches this tab to it, and keeps each registration’s progress apart', async () => {
    const tab = await browserWith({ [LEGACY]: STORED_V2 }).open();
    const id = tab.addRegistration('  株式会社サンプル ', NOW);
    expect(id).toMatch(/^[a-z0-9]{8}$/);
    expect(tab.$registrationId.get()).toBe(id);
    expect(tab.$progress.get()).toEqual(emptyProgress());
    expect(tab.$registrations.get().registrations[id!]).toEqual({
      name: '株式会社サンプル',
      createdAt: NOW.toISOString(),
      changedAt: NOW.toISOString(),
    });
    tab.setRecord('rh-login', 'hanako', NOW);
    expect(progressOf(tab.storage, id!).records['rh-login']?.value).toBe('hanako');
    expect(progressOf(tab.storage, '1').records['rh-login']?.value).toBe('taro');
    expect(tab.switchRegistration('1')).toBe(true);
    expect(tab.$progress.get().records['rh-login']?.value).toBe('taro');
    expect(tab.storage.items.get(LAST)).toBe('1');
    expect(tab.session.items.get(TAB)).toBe('1');
  });

  it('refuses to switch to a registration this browser does not have', async () => {
    const tab = await browserWith({ [LEGACY]: STORED_V1 }).open();
    expect(tab.switchRegistration('nothere')).toBe(false);
    expect(tab.switchRegistration('__proto__')).toBe(false);
    expect(tab.$registrationId.get()).toBe('1');
  });

  it('keeps the tab’s registration over a reload, and starts a new tab on the one last used', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const first = await browser.open();
    const id = first.addRegistration('A', NOW)!;
    const other = await browser.open();
    expect(other.$registrationId.get()).toBe(id);
    other.switchRegistration('1');
    browser.deliver();
    // The first tab is still where its user left it, after a reload too.
    expect(first.$registrationId.get()).toBe(id);
    const reloaded = await browser.open({ session: first.session });
    expect(reloaded.$registrationId.get()).toBe(id);
    // A new tab starts on the one last switched to in any tab.
    expect((await browser.open()).$registrationId.get()).toBe('1');
  });

  it('starts a new tab on the oldest registration when the last used one is gone', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const tab = await browser.open();
    // Added after registration 1, which the load created from the old key.
    tab.addRegistration('A', new Date());
    tab.storage.items.set(LAST, 'gone');
    expect((await browser.open()).$registrationId.get()).toBe('1');
  });

  it('renames a registration, and refuses a name too long or with a line break', async () => {
    const tab = await browserWith({ [LEGACY]: STORED_V1 }).open();
    expect(tab.renameRegistration('1', ' 株式会社A ', NOW)).toBe('saved');
    expect(tab.$registrations.get().registrations['1']?.name).toBe('株式会社A');
    expect(tab.renameRegistration('1', 'あ'.repeat(81), NOW)).toBe('refused');
    expect(tab.renameRegistration('1', 'A\nB', NOW)).toBe('refused');
    expect(tab.renameRegistration('nothere', 'A', NOW)).toBe('refused');
    expect(json(tab.storage, INDEX)).toMatchObject({ registrations: { 1: { name: '株式会社A' } } });
  });

  it('adds no more than 100 registrations', async () => {
    const tab = await browserWith().open();
    for (let i = 0; i < 100; i++) expect(tab.addRegistration(`R${i}`, NOW)).toBeDefined();
    expect(tab.addRegistration('one too many', NOW)).toBeUndefined();
    expect(indexIds(tab.storage)).toHaveLength(100);
  });

  it('ends the offer to undo on a switch, so that no undo lands in another registration', async () => {
    const ticked = encodeProgress(withStep(emptyProgress(), 'hp', 'hp-a', STORED_AT));
    const tab = await browserWith({ [LEGACY]: ticked }).open();
    tab.setStepTicked('hp', 'hp-a', false, NOW);
    expect(tab.$lastUndoable.get()).toBeDefined();
    const id = tab.addRegistration('B', NOW)!;
    expect(tab.$lastUndoable.get()).toBeUndefined();
    expect(tab.$announcement.get()).toBeUndefined();
    expect(tab.undoLastChange(T1)).toBeUndefined();
    expect(progressOf(tab.storage, id)).toEqual(emptyProgress());
    expect(progressOf(tab.storage, '1').guides.hp ?? {}).toEqual({});
  });
});

describe('links that name a registration', () => {
  it('opens the registration of ?r= and makes it the tab’s', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const id = (await browser.open()).addRegistration('A', NOW)!;
    const tab = await browser.open({ search: '?r=1' });
    expect(tab.$registrationId.get()).toBe('1');
    expect(tab.session.items.get(TAB)).toBe('1');
    expect(tab.$registrationProblem.get()).toBeUndefined();
    expect(tab.$progress.get()).toEqual(decoded(STORED_V1));
    const linked = await browser.open({ search: `?lang=ja&r=${id}` });
    expect(linked.$registrationId.get()).toBe(id);
  });

  it.each([
    ['an id this browser does not have', '?r=abc123', { kind: 'unknown-registration', id: 'abc123' }],
    ['a value that cannot be an id', '?r=%3Cscript%3E', { kind: 'unknown-registration' }],
  ])('stays where the tab was for %s, and says so', async (_name, search, problem) => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const first = await browser.open();
    const id = first.addRegistration('A', NOW)!;
    const tab = await browser.open({ search, session: first.session });
    expect(tab.$registrationId.get()).toBe(id);
    expect(tab.$registrationProblem.get()).toEqual(problem);
    expect(tab.storage.items.get(LAST)).toBe(id);
  });
});

describe('two tabs on different registrations', () => {
  it('lets each tick its own registration; neither follows the other’s', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const tabA = await browser.open();
    const id = tabA.addRegistration('B', NOW)!;
    const tabB = await browser.open();
    browser.deliver();
    tabB.switchRegistration('1');
    expect(tabA.$registrationId.get()).toBe(id);
    expect(tabA.setStepTicked('hp', 'hp-x', true, T1)).toBe('saved');
    expect(tabB.setStepTicked('redhat', 'rh-y', true, T1)).toBe('saved');
    browser.deliver();
    expect(tabA.$progress.get().guides).toEqual({ hp: { 'hp-x': { tickedAt: T1.toISOString() } } });
    expect(tabB.$progress.get().guides).toEqual({
      ...decoded(STORED_V1).guides,
      redhat: { 'rh-y': { tickedAt: T1.toISOString() } },
    });
    expect(progressOf(tabA.storage, id).guides.redhat).toBeUndefined();
    expect(progressOf(tabA.storage, '1').guides.hp?.['hp-x']).toBeUndefined();
    // Switching in one tab never switches the other.
    expect(tabA.$registrationId.get()).toBe(id);
  });

  it('shows the same registration’s changes live in both tabs', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const tabA = await browser.open();
    const tabB = await browser.open();
    tabA.setStepTicked('hp', 'hp-b', true, T1);
    browser.deliver();
    expect(tabB.$progress.get().guides.hp?.['hp-b']).toEqual({ tickedAt: T1.toISOString() });
  });

  it('shares the index: a registration added in one tab is listed in the other, and none is lost', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const tabA = await browser.open();
    const tabB = await browser.open();
    // Neither tab has heard of the other's addition when it adds its own.
    const a = tabA.addRegistration('A', T1)!;
    const b = tabB.addRegistration('B', T2)!;
    browser.deliver();
    for (const tab of [tabA, tabB]) {
      expect(Object.keys(tab.$registrations.get().registrations).sort()).toEqual(['1', a, b].sort());
      expect(indexIds(tab.storage)).toEqual(['1', a, b].sort());
    }
  });
});

describe('removing a registration', () => {
  async function twoTabsOnB() {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const tabA = await browser.open();
    const id = tabA.addRegistration('B', NOW)!;
    tabA.setStepTicked('hp', 'hp-a', true, NOW);
    const tabB = await browser.open();
    tabA.switchRegistration('1');
    browser.deliver();
    return { browser, tabA, tabB, id };
  }

  it('turns a tab on it read-only and says so; its later tick does not bring it back', async () => {
    const { browser, tabA, tabB, id } = await twoTabsOnB();
    expect(tabB.$registrationId.get()).toBe(id);
    expect(tabA.removeRegistration(id, T1)).toBe('saved');
    expect(tabA.storage.items.has(progressKey(id))).toBe(false);
    browser.deliver();
    expect(tabB.$registrationProblem.get()).toEqual({ kind: 'registration-removed', id });
    expect(tabB.$progressReadOnly.get()).toBe(true);
    // What it showed stays on screen, read-only.
    expect(tabB.$progress.get().guides.hp?.['hp-a']).toBeDefined();
    expect(tabB.setStepTicked('hp', 'hp-b', true, T2)).toBe('read-only');
    expect(tabB.setRecord('rh-login', 'x', T2)).toBe('read-only');
    browser.deliver();
    expect(tabB.storage.items.has(progressKey(id))).toBe(false);
    expect(indexIds(tabB.storage)).toEqual(['1']);
    // Until the user switches.
    expect(tabB.switchRegistration('1')).toBe(true);
    expect(tabB.$registrationProblem.get()).toBeUndefined();
    expect(tabB.$progressReadOnly.get()).toBe(false);
  });

  it('turns read-only a tab that ticks before it heard of the removal, writing nothing', async () => {
    const { browser, tabA, tabB, id } = await twoTabsOnB();
    tabA.removeRegistration(id, T1);
    // Tab B's view of storage got the removal, its storage event has not come yet.
    tabB.storage.items.set(INDEX, tabA.storage.items.get(INDEX)!);
    tabB.storage.items.delete(progressKey(id));
    expect(tabB.setStepTicked('hp', 'hp-b', true, T2)).toBe('read-only');
    expect(tabB.storage.items.has(progressKey(id))).toBe(false);
    expect(tabB.$registrationProblem.get()).toEqual({ kind: 'registration-removed', id });
    browser.deliver();
    expect(indexIds(tabA.storage)).toEqual(['1']);
  });

  it('stays read-only after a reload of the tab that was on it, until the user switches', async () => {
    const { browser, tabA, tabB, id } = await twoTabsOnB();
    tabA.removeRegistration(id, T1);
    browser.deliver();
    const reloaded = await browser.open({ session: tabB.session });
    expect(reloaded.$registrationId.get()).toBe(id);
    expect(reloaded.$registrationProblem.get()).toEqual({ kind: 'registration-removed', id });
    expect(reloaded.setStepTicked('hp', 'hp-b', true, T2)).toBe('read-only');
    expect(reloaded.storage.items.has(progressKey(id))).toBe(false);
  });

  it('moves this tab to the oldest remaining registration when it removes its own', async () => {
    const tab = await browserWith({ [LEGACY]: STORED_V1 }).open();
    const id = tab.addRegistration('B', NOW)!;
    expect(tab.removeRegistration(id, T1)).toBe('saved');
    expect(tab.$registrationId.get()).toBe('1');
    expect(tab.$progress.get()).toEqual(decoded(STORED_V1));
    expect(tab.$registrationProblem.get()).toBeUndefined();
    expect(tab.removeRegistration(id, T2)).toBe('refused');
  });

  it('adds a fresh registration at once when the last one is removed, so that every tab has one', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const tab = await browser.open();
    expect(tab.removeRegistration('1', NOW)).toBe('saved');
    const fresh = tab.$registrationId.get();
    expect(fresh).toMatch(/^[a-z0-9]{8}$/);
    expect(indexIds(tab.storage)).toEqual([fresh]);
    expect(tab.$registrations.get().registrations[fresh]?.name).toBe('');
    expect(tab.$progress.get()).toEqual(emptyProgress());
    expect(tab.$progressReadOnly.get()).toBe(false);
    expect(tab.setStepTicked('hp', 'hp-a', true, T1)).toBe('saved');
    // A reload, and a new tab, start on it.
    expect((await browser.open({ session: tab.session })).$registrationId.get()).toBe(fresh);
    expect((await browser.open()).$registrationId.get()).toBe(fresh);
    // Registration 1 never comes back, not even as the id of a new one.
    expect(tab.addRegistration('C', T2)).not.toBe('1');
  });
});

describe('other registrations and the index', () => {
  it('ignores storage events of other registrations’ progress', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const tab = await browser.open();
    const before = tab.$progress.get();
    const other = encodeProgress(withRecord(emptyProgress(), 'rh-login', 'x', NOW));
    tab.storage.items.set(progressKey('zzz'), other);
    tab.events.storageEvent(progressKey('zzz'), other);
    expect(tab.$progress.get()).toBe(before);
  });

  it('reads any registration’s progress, validated, without writing anything', async () => {
    const hostile = JSON.stringify({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: STORED_AT } } },
      records: { 'ms-partner-id-location': { value: 'abc', updatedAt: STORED_AT } },
    });
    const browser = browserWith({ [LEGACY]: STORED_V1, [progressKey('other')]: hostile });
    const tab = await browser.open();
    expect(tab.readRegistrationProgress('other')).toEqual({
      ...emptyProgress(),
      guides: { hp: { 'hp-a': { tickedAt: STORED_AT } } },
    });
    expect(tab.readRegistrationProgress('1')).toEqual(decoded(STORED_V1));
    expect(tab.readRegistrationProgress('none')).toEqual(emptyProgress());
    expect(tab.storage.items.get(progressKey('other'))).toBe(hostile);
  });

  it('reads a registration’s entry from the freshest index, before another tab’s change is heard of', async () => {
    const browser = browserWith({ [LEGACY]: STORED_V1 });
    const tabA = await browser.open();
    const tabB = await browser.open();
    // Renamed now: after registration 1 was created from the old key, at this load.
    tabA.renameRegistration('1', '株式会社A', new Date());
    // Tab B's view of storage has the rename, its storage event has not come yet.
    tabB.storage.items.set(INDEX, tabA.storage.items.get(INDEX)!);
    expect(tabB.readRegistration('1')?.name).toBe('株式会社A');
    expect(tabB.readRegistration('nothere')).toBeUndefined();
  });

  it('never writes an index of a newer version: registrations are read-only, progress keeps its own versions', async () => {
    const newer = JSON.stringify({
      version: 2,
      registrations: { 1: { name: '', createdAt: STORED_AT, changedAt: STORED_AT } },
    });
    const tab = await browserWith({ [INDEX]: newer }).open();
    expect(tab.$registrationsReadOnly.get()).toBe(true);
    expect(tab.addRegistration('A', NOW)).toBeUndefined();
    expect(tab.renameRegistration('1', 'A', NOW)).toBe('read-only');
    expect(tab.removeRegistration('1', NOW)).toBe('read-only');
    // Its progress is a document of progress-data.ts, whose own version guards it.
    expect(tab.setStepTicked('hp', 'hp-a', true, NOW)).toBe('saved');
    expect(tab.storage.items.get(INDEX)).toBe(newer);
    expect(tab.storage.items.has(progressKey('1'))).toBe(true);
  });

  it('keeps an unreadable index aside before the registrations store writes a new one', async () => {
    const tab = await browserWith({ [INDEX]: '{"version":1,"registrations":[' }).open();
    expect(tab.addRegistration('A', NOW)).toBeDefined();
    expect(tab.storage.items.get(INDEX_BACKUP)).toBe('{"version":1,"registrations":[');
  });
});
