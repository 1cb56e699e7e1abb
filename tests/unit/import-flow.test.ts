import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  emptyProgress,
  encodeProgress,
  withRecord,
  withStep,
  type ProgressData,
} from '../../src/lib/progress-data';
import {
  MAX_IMPORT_BYTES,
  exportProgress,
  exportRegistrations,
  parseImport,
  parseTransfer,
} from '../../src/lib/transfer';
import type { ImportFile } from '../../src/stores/import-flow';
import { FakeStorage, loadStores } from './support/fake-storage';

/** Registration `1`'s progress: a fresh browser's first registration, where the stores read and write. */
const KEY = 'partner-guides:progress:1';
const AT = '2026-05-01T01:02:03.000Z';
const NOW = new Date('2026-05-07T09:00:00.000Z');
const APPLIED = new Date('2026-05-07T09:05:00.000Z');
/** A moment after the import: a later change, or its undoing. */
const AT2 = '2026-05-07T09:06:00.000Z';

let unmount: (() => void)[] = [];

/** Loads the stores over `storage` and keeps the flow and its plan followed, as the page's island does. */
async function openHandoff(storage = new FakeStorage()) {
  const stores = await loadStores(storage);
  unmount = [stores.$progress.listen(() => undefined), stores.$importPlan.listen(() => undefined)];
  return stores;
}

afterEach(() => {
  for (const stop of unmount) stop();
  unmount = [];
});

/** A chosen file holding `text`. */
function fileOf(text: string, name = 'progress.json'): ImportFile {
  return { name, size: text.length, text: () => Promise.resolve(text) };
}

/** Another computer's progress: one tick and one record. */
function elsewhere(): ProgressData {
  const data = withStep(emptyProgress(), 'redhat', 'rh-open-partner-connect', AT);
  return withRecord(data, 'rh-login', 'taro', new Date(AT));
}

describe('choosing a file to import', () => {
  it('reads and checks it, then shows what it would change without changing anything', async () => {
    const storage = new FakeStorage();
    const { $importFlow, $importPlan, $progress, chooseImportFile } = await openHandoff(storage);
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW), 'other.json'));
    const { pending, status } = $importFlow.get();
    expect(pending?.name).toBe('other.json');
    expect(pending?.registrations.map(({ refused }) => refused)).toEqual([[]]);
    expect(status).toBeUndefined();
    expect($importPlan.get()?.counts).toEqual({
      tick: { added: 1, overwritten: 0 },
      record: { added: 1, overwritten: 0 },
    });
    expect($progress.get()).toEqual(emptyProgress());
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('says why a file is refused, and that nothing changed', async () => {
    const { $importFlow, chooseImportFile } = await openHandoff();
    await chooseImportFile(fileOf('not json', 'notes.txt'));
    expect($importFlow.get()).toEqual({
      pending: undefined,
      status: {
        keys: ['transfer.error.not-json', 'transfer.unchanged'],
        values: { file: 'notes.txt' },
        error: true,
      },
    });
  });

  it('refuses a file too large to be a progress file without reading it', async () => {
    const { $importFlow, chooseImportFile } = await openHandoff();
    const text = vi.fn(() => Promise.resolve('{}'));
    await chooseImportFile({ name: 'huge.json', size: MAX_IMPORT_BYTES + 1, text });
    expect(text).not.toHaveBeenCalled();
    expect($importFlow.get().status?.keys[0]).toBe('transfer.error.too-large');
  });

  it('says so when the browser cannot read the file', async () => {
    const { $importFlow, chooseImportFile } = await openHandoff();
    await chooseImportFile({ name: 'gone.json', size: 10, text: () => Promise.reject(new Error('gone')) });
    expect($importFlow.get().status?.keys).toEqual(['transfer.error.unreadable', 'transfer.unchanged']);
  });

  it('says when a file holds nothing new, with no preview', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, encodeProgress(elsewhere()));
    const { $importFlow, chooseImportFile } = await openHandoff(storage);
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW), 'same.json'));
    expect($importFlow.get()).toEqual({
      pending: undefined,
      status: { keys: ['transfer.nothingNew'], values: { file: 'same.json' }, error: false },
    });
  });

  it('previews a file whose only news are refused entries, listing them', async () => {
    const { $importFlow, $importPlan, chooseImportFile } = await openHandoff();
    const file = JSON.parse(exportProgress(emptyProgress(), NOW)) as { registrations: { records: object }[] };
    file.registrations[0]!.records = { 'rh-login': { value: 'two\nlines', updatedAt: AT } };
    await chooseImportFile(fileOf(JSON.stringify(file)));
    expect($importFlow.get().pending?.registrations[0]?.refused).toEqual([
      { type: 'record', key: 'rh-login', reason: 'line-break' },
    ]);
    expect($importPlan.get()?.changes).toEqual([]);
  });

  it('plans against the progress of now: a tick made meanwhile leaves the preview', async () => {
    const { $importPlan, chooseImportFile, setStepTicked } = await openHandoff();
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW)));
    expect($importPlan.get()?.changes.map((change) => change.key)).toEqual([
      'redhat/rh-open-partner-connect',
      'rh-login',
    ]);
    setStepTicked('redhat', 'rh-open-partner-connect', true, new Date(AT));
    expect($importPlan.get()?.changes.map((change) => change.key)).toEqual(['rh-login']);
  });

  it('lets a later choice overtake a file still being read', async () => {
    const { $importFlow, chooseImportFile } = await openHandoff();
    let finishSlowRead: (text: string) => void = () => undefined;
    const slow = chooseImportFile({
      name: 'slow.json',
      size: 10,
      text: () => new Promise<string>((resolve) => (finishSlowRead = resolve)),
    });
    await chooseImportFile(fileOf('not json', 'later.txt'));
    finishSlowRead(exportProgress(elsewhere(), NOW));
    await slow;
    expect($importFlow.get().pending).toBeUndefined();
    expect($importFlow.get().status?.values).toEqual({ file: 'later.txt' });
  });

  it('keeps the status line when the choice is dropped, but not a pending file', async () => {
    const { $importFlow, chooseImportFile, exportFile } = await openHandoff();
    exportFile(NOW);
    await chooseImportFile(undefined);
    expect($importFlow.get().status?.keys).toEqual(['transfer.exported']);
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW)));
    await chooseImportFile(undefined);
    expect($importFlow.get().pending).toBeUndefined();
  });
});

describe('confirming or cancelling an import', () => {
  it('applies the file to the freshest progress, saves it and counts what changed', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, encodeProgress(withStep(emptyProgress(), 'hp', 'hp-a', AT)));
    const { $importFlow, $importPlan, $progress, chooseImportFile, confirmImport } =
      await openHandoff(storage);
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW)));
    expect(confirmImport(APPLIED)).toBe('saved');
    expect($importFlow.get()).toEqual({
      pending: undefined,
      status: { keys: ['transfer.imported'], values: { ticks: 1, records: 1 }, error: false },
    });
    expect($importPlan.get()).toBeUndefined();
    expect(Object.keys($progress.get().guides).sort()).toEqual(['hp', 'redhat']);
    const stored = JSON.parse(storage.items.get(KEY) ?? '{}') as ProgressData;
    expect(stored.records['rh-login']).toEqual({ value: 'taro', updatedAt: APPLIED.toISOString() });
  });

  it('says when the import could not be saved (storage full), keeping it for the visit', async () => {
    const storage = new FakeStorage();
    const { $importFlow, $progress, chooseImportFile, confirmImport } = await openHandoff(storage);
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW)));
    storage.faults.writeThrows = true;
    expect(confirmImport(APPLIED)).toBe('not-saved');
    expect($importFlow.get().status).toEqual({
      keys: ['transfer.importedNotSaved'],
      values: { ticks: 1, records: 1 },
      error: true,
    });
    expect($progress.get().records['rh-login']?.value).toBe('taro');
  });

  it('changes nothing while progress is read-only (saved by a newer version), and says so', async () => {
    const storage = new FakeStorage();
    const newer = JSON.stringify({ version: 99, guides: {}, records: {} });
    storage.items.set(KEY, newer);
    const { $importFlow, chooseImportFile, confirmImport } = await openHandoff(storage);
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW)));
    expect(confirmImport(APPLIED)).toBe('read-only');
    expect($importFlow.get().status?.keys).toEqual(['transfer.readOnly', 'transfer.unchanged']);
    expect(storage.items.get(KEY)).toBe(newer);
  });

  it('drops the file on cancel and says nothing changed', async () => {
    const storage = new FakeStorage();
    const { $importFlow, $progress, chooseImportFile, cancelImport } = await openHandoff(storage);
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW)));
    cancelImport();
    expect($importFlow.get()).toEqual({
      pending: undefined,
      status: { keys: ['transfer.cancelled'], values: {}, error: false },
    });
    expect($progress.get()).toEqual(emptyProgress());
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('does nothing when no file is pending', async () => {
    const { $importFlow, confirmImport } = await openHandoff();
    expect(confirmImport(APPLIED)).toBeUndefined();
    expect($importFlow.get()).toEqual({ pending: undefined, status: undefined });
  });
});

describe('exporting', () => {
  it('gives a dated file of the progress of now that imports back, and names it on the status line', async () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, encodeProgress(elsewhere()));
    const { $importFlow, exportFile } = await openHandoff(storage);
    const { name, text } = exportFile(NOW);
    expect(name).toBe('partner-guides-progress-2026-05-07.json');
    const parsed = parseImport(text, NOW);
    expect(parsed.ok && parsed.data.records['rh-login']?.value).toBe('taro');
    expect($importFlow.get().status).toEqual({
      keys: ['transfer.exported'],
      values: { file: name },
      error: false,
    });
  });
});

describe('registrations', () => {
  it('exports this tab’s registration with its name, and imports into it only', async () => {
    const storage = new FakeStorage();
    storage.items.set('partner-guides:progress', encodeProgress(elsewhere()));
    const {
      exportFile,
      addRegistration,
      chooseImportFile,
      confirmImport,
      $progress,
      readRegistrationProgress,
    } = await openHandoff(storage);
    const id = addRegistration('株式会社サンプル', NOW)!;
    const exported = JSON.parse(exportFile(NOW).text) as { registrations: { name: string }[] };
    expect(exported.registrations.map(({ name }) => name)).toEqual(['株式会社サンプル']);
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW)));
    expect(confirmImport(APPLIED)).toBe('saved');
    expect($progress.get().records['rh-login']?.value).toBe('taro');
    expect(readRegistrationProgress(id).records['rh-login']?.value).toBe('taro');
    // Registration 1 keeps what it had, untouched by the import.
    expect(storage.items.get('partner-guides:progress:1')).toBe(encodeProgress(elsewhere()));
  });
});

/** Reads the progress of registration `id` as stored. */
const storedOf = (storage: FakeStorage, id: string) =>
  JSON.parse(storage.items.get(`partner-guides:progress:${id}`) ?? 'null') as ProgressData | null;

/** Storage holding registration 1 (unnamed, with `elsewhere()`'s ticks) and one named 株式会社サンプル. */
async function twoRegistrations() {
  const storage = new FakeStorage();
  storage.items.set('partner-guides:progress', encodeProgress(elsewhere()));
  const stores = await openHandoff(storage);
  unmount.push(
    stores.$importTargets.listen(() => undefined),
    stores.$canUndoImport.listen(() => undefined),
  );
  const sample = stores.addRegistration('株式会社サンプル')!;
  stores.switchRegistration('1');
  return { ...stores, storage, sample };
}

/** Progress of another company: an HP tick and a record. */
function hpProgress(): ProgressData {
  return withRecord(
    withStep(emptyProgress(), 'hp', 'hp-open-registration-page', AT),
    'hp-account-email',
    'info@example.co.jp',
    new Date(AT),
  );
}

describe('importing into a registration of choice', () => {
  it('offers this tab’s registration first, then goes into a new one named from the file, switching this tab there', async () => {
    const {
      $importTargets,
      $importFlow,
      $registrationId,
      $registrations,
      chooseImportFile,
      chooseImportTarget,
      confirmImport,
      storage,
    } = await twoRegistrations();
    await chooseImportFile(fileOf(exportProgress(hpProgress(), NOW, '株式会社テスト'), 'test.json'));
    expect($importTargets.get()?.imports.map(({ target }) => target)).toEqual([
      { kind: 'existing', id: '1' },
    ]);
    chooseImportTarget({ kind: 'new', name: '株式会社テスト' });
    expect($importTargets.get()?.imports[0]?.plan.counts).toEqual({
      tick: { added: 1, overwritten: 0 },
      record: { added: 1, overwritten: 0 },
    });
    // Nothing changes before the user confirms.
    expect(Object.keys($registrations.get().registrations)).toHaveLength(2);
    expect(confirmImport(APPLIED)).toBe('saved');
    const id = $registrationId.get();
    expect($registrations.get().registrations[id]?.name).toBe('株式会社テスト');
    expect(storedOf(storage, id)?.records['hp-account-email']?.value).toBe('info@example.co.jp');
    expect(storedOf(storage, '1')).toEqual(JSON.parse(encodeProgress(elsewhere())));
    expect($importFlow.get().status).toEqual({
      keys: ['transfer.imported', 'transfer.switched'],
      values: { ticks: 1, records: 1, registration: id },
      error: false,
    });
  });

  it('goes into another registration of this browser, switching this tab there; undo takes it back there', async () => {
    const {
      $progress,
      $registrationId,
      $canUndoImport,
      chooseImportFile,
      chooseImportTarget,
      confirmImport,
      undoImport,
      storage,
      sample,
    } = await twoRegistrations();
    await chooseImportFile(fileOf(exportProgress(hpProgress(), NOW)));
    chooseImportTarget({ kind: 'existing', id: sample });
    expect(confirmImport(APPLIED)).toBe('saved');
    expect($registrationId.get()).toBe(sample);
    expect($progress.get().records['hp-account-email']?.value).toBe('info@example.co.jp');
    expect($canUndoImport.get()).toBe(true);
    expect(undoImport(new Date('2026-05-07T09:06:00.000Z'))).toBe('saved');
    expect(storedOf(storage, sample)?.records['hp-account-email']).toBeUndefined();
    expect(storedOf(storage, '1')).toEqual(JSON.parse(encodeProgress(elsewhere())));
  });

  it('changes nothing when the registration chosen is deleted before the import is confirmed, and says so', async () => {
    const {
      $registrationId,
      $importFlow,
      chooseImportFile,
      chooseImportTarget,
      confirmImport,
      removeRegistration,
      storage,
      sample,
    } = await twoRegistrations();
    await chooseImportFile(fileOf(exportProgress(hpProgress(), NOW)));
    chooseImportTarget({ kind: 'existing', id: sample });
    // Deleted meanwhile, as in another tab.
    expect(removeRegistration(sample)).toBe('saved');
    expect(confirmImport(APPLIED)).toBe('read-only');
    expect($registrationId.get()).toBe('1');
    expect(storedOf(storage, '1')).toEqual(JSON.parse(encodeProgress(elsewhere())));
    expect($importFlow.get().status).toEqual({
      keys: ['transfer.targetGone', 'transfer.unchanged'],
      values: {},
      error: true,
    });
  });

  it('undone, takes back the registration it added too, this tab going back where it was', async () => {
    const {
      $registrationId,
      $registrations,
      $importFlow,
      chooseImportFile,
      chooseImportTarget,
      confirmImport,
      undoImport,
      storage,
    } = await twoRegistrations();
    await chooseImportFile(fileOf(exportProgress(hpProgress(), NOW, '株式会社テスト')));
    chooseImportTarget({ kind: 'new', name: '株式会社テスト' });
    expect(confirmImport(APPLIED)).toBe('saved');
    const id = $registrationId.get();
    expect(undoImport(new Date(AT2))).toBe('saved');
    expect($registrationId.get()).toBe('1');
    expect($registrations.get().registrations[id]).toBeUndefined();
    expect($registrations.get().removed[id]).toBe(AT2);
    expect(storedOf(storage, id)).toBeNull();
    expect(storedOf(storage, '1')).toEqual(JSON.parse(encodeProgress(elsewhere())));
    expect($importFlow.get().status).toEqual({
      keys: ['transfer.undone', 'transfer.switched'],
      values: { registration: '1' },
      error: false,
    });
  });

  it('undone, keeps the registration it added when something else was done in it since', async () => {
    const {
      $registrationId,
      $registrations,
      $canUndoImport,
      chooseImportFile,
      chooseImportTarget,
      confirmImport,
      undoImport,
      setStepTicked,
      renameRegistration,
      storage,
    } = await twoRegistrations();
    await chooseImportFile(fileOf(exportProgress(hpProgress(), NOW, '株式会社テスト')));
    chooseImportTarget({ kind: 'new', name: '株式会社テスト' });
    expect(confirmImport(APPLIED)).toBe('saved');
    const ticked = $registrationId.get();
    // A tick of its own: the import's entries are untouched, so undoing it is still exactly the import.
    setStepTicked('redhat', 'rh-open-partner-connect', true, new Date(AT2));
    expect($canUndoImport.get()).toBe(true);
    expect(undoImport(new Date(AT2))).toBe('saved');
    expect($registrationId.get()).toBe(ticked);
    expect(storedOf(storage, ticked)?.records['hp-account-email']).toBeUndefined();
    expect(storedOf(storage, ticked)?.guides.redhat?.['rh-open-partner-connect']?.tickedAt).toBe(AT2);

    // Renamed since: kept too.
    await chooseImportFile(fileOf(exportProgress(hpProgress(), NOW, '株式会社テスト')));
    chooseImportTarget({ kind: 'new', name: '株式会社テスト' });
    expect(confirmImport(APPLIED)).toBe('saved');
    const renamed = $registrationId.get();
    expect(renameRegistration(renamed, '株式会社テスト東京', new Date(AT2))).toBe('saved');
    expect(undoImport(new Date(AT2))).toBe('saved');
    expect($registrations.get().registrations[renamed]?.name).toBe('株式会社テスト東京');
    expect(storedOf(storage, renamed)?.records['hp-account-email']).toBeUndefined();
  });

  it('refuses a name the index would refuse, changing nothing', async () => {
    const { $registrations, $registrationId, chooseImportFile, chooseImportTarget, confirmImport } =
      await twoRegistrations();
    await chooseImportFile(fileOf(exportProgress(hpProgress(), NOW)));
    chooseImportTarget({ kind: 'new', name: 'two\nlines' });
    expect(confirmImport(APPLIED)).toBeUndefined();
    expect(Object.keys($registrations.get().registrations)).toHaveLength(2);
    expect($registrationId.get()).toBe('1');
  });
});

describe('a file with nothing new for this tab’s registration', () => {
  it('is previewed when it can go elsewhere, and compared with the registration chosen', async () => {
    const {
      $importFlow,
      $importTargets,
      $registrationId,
      chooseImportFile,
      chooseImportTarget,
      confirmImport,
      storage,
      sample,
    } = await twoRegistrations();
    // Registration 1, this tab's, holds everything the file holds; 株式会社サンプル holds none of it.
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW), 'same.json'));
    expect($importFlow.get().pending?.name).toBe('same.json');
    expect($importTargets.get()?.imports[0]?.plan.changes).toEqual([]);
    chooseImportTarget({ kind: 'existing', id: sample });
    expect($importTargets.get()?.imports[0]?.plan.changes.map(({ key }) => key)).toEqual([
      'redhat/rh-open-partner-connect',
      'rh-login',
    ]);
    expect(confirmImport(APPLIED)).toBe('saved');
    expect($registrationId.get()).toBe(sample);
    expect(storedOf(storage, sample)?.records['rh-login']?.value).toBe('taro');
  });
});

describe('a file of several registrations', () => {
  /** A file of three: one named as this browser's second registration, one new, one unnamed. */
  const several = () =>
    exportRegistrations(
      [
        { name: '株式会社サンプル', data: hpProgress() },
        { name: '株式会社テスト', data: elsewhere() },
        { name: '', data: hpProgress() },
      ],
      NOW,
    );

  it('previews each registration where it goes (by name first), changing nothing', async () => {
    const { $importFlow, $importTargets, $registrations, chooseImportFile, storage, sample } =
      await twoRegistrations();
    const before = new Map(storage.items);
    await chooseImportFile(fileOf(several(), 'all.json'));
    expect($importFlow.get().pending?.registrations.map(({ name }) => name)).toEqual([
      '株式会社サンプル',
      '株式会社テスト',
      '',
    ]);
    expect($importTargets.get()?.imports.map(({ target }) => target)).toEqual([
      { kind: 'existing', id: sample },
      { kind: 'new', name: '株式会社テスト' },
      { kind: 'new', name: '' },
    ]);
    expect($importTargets.get()?.overLimit).toBe(false);
    expect(new Map(storage.items)).toEqual(before);
    expect(Object.keys($registrations.get().registrations)).toHaveLength(2);
  });

  it('merges by name and adds the others, this tab staying where it is; undo puts every registration back', async () => {
    const {
      $importFlow,
      $registrations,
      $registrationId,
      $canUndoImport,
      chooseImportFile,
      confirmImport,
      undoImport,
      storage,
      sample,
    } = await twoRegistrations();
    await chooseImportFile(fileOf(several(), 'all.json'));
    expect(confirmImport(APPLIED)).toBe('saved');
    expect($registrationId.get()).toBe('1');
    const listed = Object.entries($registrations.get().registrations).map(([id, { name }]) => ({ id, name }));
    expect(listed.map(({ name }) => name).sort()).toEqual(['', '', '株式会社サンプル', '株式会社テスト']);
    expect(storedOf(storage, sample)?.records['hp-account-email']?.value).toBe('info@example.co.jp');
    const added = listed.filter(({ id }) => id !== '1' && id !== sample);
    for (const { id } of added) expect(storedOf(storage, id)).not.toBeNull();
    expect($importFlow.get().status).toEqual({
      keys: ['transfer.importedSeveral'],
      values: { count: 3, added: 2, merged: 1 },
      error: false,
    });

    expect($canUndoImport.get()).toBe(true);
    expect(undoImport(new Date('2026-05-07T09:06:00.000Z'))).toBe('saved');
    expect(storedOf(storage, sample)?.records['hp-account-email']).toBeUndefined();
    // The registrations it added go as a deleted one goes: with a removal that other tabs see.
    for (const { id } of added) {
      expect(storedOf(storage, id)).toBeNull();
      expect($registrations.get().registrations[id]).toBeUndefined();
      expect($registrations.get().removed[id]).toBe('2026-05-07T09:06:00.000Z');
    }
    expect($registrationId.get()).toBe('1');
    expect($importFlow.get().status).toEqual({ keys: ['transfer.undone'], values: {}, error: false });
    expect($canUndoImport.get()).toBe(false);
  });

  it('withdraws the offer to undo once what it imported changes again, in another tab', async () => {
    const {
      $canUndoImport,
      chooseImportFile,
      confirmImport,
      undoImport,
      readRegistrationProgress,
      events,
      storage,
      sample,
    } = await twoRegistrations();
    await chooseImportFile(fileOf(several(), 'all.json'));
    expect(confirmImport(APPLIED)).toBe('saved');
    expect($canUndoImport.get()).toBe(true);
    const changed = encodeProgress(
      withRecord(readRegistrationProgress(sample), 'hp-account-email', 'sales@example.co.jp', new Date(AT2)),
    );
    storage.items.set(`partner-guides:progress:${sample}`, changed);
    events.storageEvent(`partner-guides:progress:${sample}`, changed);
    expect($canUndoImport.get()).toBe(false);
    const before = new Map(storage.items);
    expect(undoImport(new Date(AT2))).toBeUndefined();
    expect(new Map(storage.items)).toEqual(before);
  });

  it('withdraws the offer to undo once a registration it added is deleted', async () => {
    const { $canUndoImport, $registrations, chooseImportFile, confirmImport, removeRegistration, sample } =
      await twoRegistrations();
    await chooseImportFile(fileOf(several(), 'all.json'));
    expect(confirmImport(APPLIED)).toBe('saved');
    const added = Object.keys($registrations.get().registrations).find((id) => id !== '1' && id !== sample)!;
    removeRegistration(added, new Date(AT2));
    expect($canUndoImport.get()).toBe(false);
  });

  it('adds every one as a new registration when asked', async () => {
    const { $registrations, chooseImportFile, chooseImportTarget, confirmImport } = await twoRegistrations();
    await chooseImportFile(fileOf(several(), 'all.json'));
    chooseImportTarget({ kind: 'all-new' });
    expect(confirmImport(APPLIED)).toBe('saved');
    expect(Object.keys($registrations.get().registrations)).toHaveLength(5);
  });

  it('moves a fresh browser’s tab to the first registration of the file', async () => {
    const storage = new FakeStorage();
    const { $registrationId, $progress, chooseImportFile, confirmImport } = await openHandoff(storage);
    await chooseImportFile(fileOf(several(), 'all.json'));
    expect(confirmImport(APPLIED)).toBe('saved');
    expect($registrationId.get()).not.toBe('1');
    expect($progress.get().records['hp-account-email']?.value).toBe('info@example.co.jp');
  });

  it('changes nothing when it would take the browser over 100 registrations, and says why', async () => {
    const storage = new FakeStorage();
    const { addRegistration, $registrations, chooseImportFile, confirmImport, $importFlow } =
      await openHandoff(storage);
    for (let count = 0; count < 99; count += 1) addRegistration(`Company ${count}`, NOW);
    const before = JSON.stringify($registrations.get());
    await chooseImportFile(fileOf(several(), 'all.json'));
    expect(confirmImport(APPLIED)).toBe('read-only');
    expect(JSON.stringify($registrations.get())).toBe(before);
    expect($importFlow.get().status?.keys).toEqual(['transfer.overLimit', 'transfer.unchanged']);
  });
});

describe('exporting every registration', () => {
  it('writes one file of every registration with its name, in creation order, which reads back as several', async () => {
    const { exportAllFile } = await twoRegistrations();
    const parsed = parseTransfer(exportAllFile(NOW).text, NOW);
    expect(
      parsed.ok && parsed.registrations.map(({ name, data }) => [name, Object.keys(data.records)]),
    ).toEqual([
      ['', ['rh-login']],
      ['株式会社サンプル', []],
    ]);
  });
});

describe('undoing an import', () => {
  it('puts back the progress of before the import and says so, then offers nothing more', async () => {
    const storage = new FakeStorage();
    const before = withRecord(
      withStep(emptyProgress(), 'redhat', 'rh-open-partner-connect', NOW.toISOString()),
      'rh-login',
      'jiro',
      NOW,
    );
    storage.items.set(KEY, encodeProgress(before));
    const { $importFlow, $canUndoImport, $progress, chooseImportFile, confirmImport, undoImport } =
      await openHandoff(storage);
    unmount.push($canUndoImport.listen(() => undefined));
    expect($canUndoImport.get()).toBe(false);
    await chooseImportFile(fileOf(exportProgress(elsewhere(), NOW)));
    confirmImport(APPLIED);
    expect($canUndoImport.get()).toBe(true);
    expect($progress.get().records['rh-login']?.value).toBe('taro');

    expect(undoImport(new Date('2026-05-07T09:06:00.000Z'))).toBe('saved');
    const stored = JSON.parse(storage.items.get(KEY) ?? '{}') as ProgressData;
    expect(stored.guides.redhat?.['rh-open-partner-connect']?.tickedAt).toBe(NOW.toISOString());
    expect(stored.records['rh-login']?.value).toBe('jiro');
    expect($importFlow.get().status).toEqual({ keys: ['transfer.undone'], values: {}, error: false });
    expect($canUndoImport.get()).toBe(false);
    expect(undoImport()).toBeUndefined();
  });
});
