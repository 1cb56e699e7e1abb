import { atom, computed, onMount } from 'nanostores';
import {
  MAX_IMPORT_BYTES,
  applyImport,
  exportFileName,
  exportProgress,
  exportRegistrations,
  parseTransfer,
  planImport,
  type ImportFailure,
  type ImportPlan,
  type ParsedRegistration,
} from '../lib/transfer';
import {
  defaultImportChoice,
  planImportTargets,
  type ImportChoice,
  type ImportTargets,
} from '../lib/import-targets';
import { canUndo, changedEntries, undoChanges, type ChangedEntries } from '../lib/progress-undo';
import { listRegistrations, registrationNameProblem } from '../lib/registrations';
import { importFailureKey } from '../lib/transfer-messages';
import { emptyProgress, type ProgressData } from '../lib/progress-data';
import { REGISTRATIONS_KEY } from '../lib/tab-registration';
import type { UiKeyOf } from '../lib/ui-strings';
import {
  $lastUndoable,
  $progress,
  $registrationId,
  startRecordChecks,
  userChange,
  type SaveOutcome,
} from './progress';
import { checkStoredRecord } from '../lib/records';
import {
  $registrations,
  addRegistration,
  changeRegistrationProgress,
  createRegistration,
  readRegistration,
  readRegistrationProgress,
  removeRegistration,
  switchRegistration,
} from './registrations';
import { getStorageEvents } from './storage-engine';

/**
 * Saving progress to a file and importing such a file, apart from the progress store so that the
 * guides, which never import, do not load the file format's code (see lib/transfer.ts). A chosen
 * file is read and checked completely, what it would change is shown, and only confirming applies it.
 *
 * Registrations: the export holds this tab's registration or every one of the browser. A file of one
 * registration is imported where the user says (lib/import-targets.ts): into this tab's registration
 * (the default), another one or a new one; for the last two, this tab switches to it first, so that
 * the import is made, shown and undone there as in its own registration. A file of several is
 * imported by name or all as new registrations, this tab staying where it is (on the first of them
 * when its own registration did not exist yet).
 *
 * Undoing an import takes back all it did, or is not offered: every entry it changed, in every
 * registration, gets back what it held, and a registration it added is removed as a deleted one is
 * (its removal noted, a tab on it turning read-only), unless something else was done in it since
 * (a change of its own, a new name). The offer lasts until the next file or a switch of this tab,
 * and ends as soon as an entry the import changed changes again or a registration it wrote is
 * removed, here or in another tab: undoing then could no longer put back exactly what it did.
 */

// Before an export writes a record, or an import is compared with them.
startRecordChecks(checkStoredRecord);

/** A file read and accepted, waiting for the user to choose where it goes and confirm. */
export interface PendingImport {
  /** The file's name. */
  name: string;
  /** What it holds, in file order (with the entries refused in each). */
  registrations: ParsedRegistration[];
}

/** What the status line says: its strings, one after the other, with the values of their placeholders. */
export interface TransferStatus {
  keys: UiKeyOf<'transfer.'>[];
  values: Record<string, string | number>;
  error: boolean;
}

/** Where moving progress by file stands. */
export interface ImportFlow {
  /** A file read and accepted, shown for the user to confirm or cancel. */
  pending: PendingImport | undefined;
  /** The outcome of the last export or import; none while a chosen file is read. */
  status: TransferStatus | undefined;
}

/** The hand-off page's export and import. */
export const $importFlow = atom<ImportFlow>({ pending: undefined, status: undefined });

/** Where the pending file goes, as the user chose it; undefined for the default (defaultImportChoice). */
export const $importChoice = atom<ImportChoice | undefined>(undefined);

/** A registration's progress now: this tab's as it holds it, any other's as stored. */
const progressOf = (id: string): ProgressData =>
  id === $registrationId.get() ? $progress.get() : readRegistrationProgress(id);

/** Plans the pending file (see planImportTargets) as chosen, against what the registrations hold now. */
function targetsOf(pending: PendingImport, choice: ImportChoice | undefined): ImportTargets {
  const tabId = $registrationId.get();
  return planImportTargets(
    pending.registrations,
    listRegistrations($registrations.get()),
    choice ?? defaultImportChoice(pending.registrations, tabId),
    progressOf,
    tabId,
  );
}

/**
 * Where each registration of the pending file would go and what it would change there, planned
 * against the progress of now, so that a change made in another tab meanwhile shows.
 */
export const $importTargets = computed(
  [$importFlow, $importChoice, $progress, $registrations, $registrationId],
  ({ pending }, choice): ImportTargets | undefined => (pending ? targetsOf(pending, choice) : undefined),
);

/** What a pending file of one registration would change where it goes. */
export const $importPlan = computed($importTargets, (targets): ImportPlan | undefined =>
  targets?.imports.length === 1 ? targets.imports[0]!.plan : undefined,
);

/** What the flow needs of a chosen file (a browser's File has it). */
export type ImportFile = Pick<File, 'name' | 'size' | 'text'>;

/** Counts the files chosen, so that a slow read that a later choice overtook changes nothing. */
let choices = 0;

/** What the last import did, while it may be undone (see $canUndoImport). */
interface ImportDone {
  changedAt: Date;
  /** The registration this tab was on before it (an import into another one switches the tab). */
  tabBefore: string;
  /** Every registration it wrote: the entries it changed there, and whether it added the registration. */
  written: { id: string; changes: ChangedEntries; added: boolean }[];
}

const $lastImport = atom<ImportDone | undefined>(undefined);
$registrationId.listen(() => $lastImport.set(undefined));

/** Counts the changes other tabs made to storage, so that the offer to undo is checked again after each. */
const $storageChanges = atom(0);
onMount($storageChanges, () => {
  const events = getStorageEvents();
  const count = (): void => $storageChanges.set($storageChanges.get() + 1);
  events.addEventListener(REGISTRATIONS_KEY, count, count);
  return () => events.removeEventListener(REGISTRATIONS_KEY, count, count);
});

const changedNothing = ({ ticks, records }: ChangedEntries): boolean =>
  ticks.length === 0 && records.length === 0;

/** Tells whether undoing `done` now would put back exactly what it did (see the module's comment). */
function undoable(done: ImportDone): boolean {
  return (
    done.written.some(({ changes, added }) => added || !changedNothing(changes)) &&
    done.written.every(
      ({ id, changes }) =>
        readRegistration(id) !== undefined && (changedNothing(changes) || canUndo(changes, progressOf(id))),
    )
  );
}

/** Tells whether nothing was done in registration `id`, which an import added, but what the import did. */
function untouchedSince(id: string): boolean {
  const entry = readRegistration(id);
  return (
    entry !== undefined &&
    entry.changedAt === entry.createdAt &&
    changedNothing(changedEntries(emptyProgress(), progressOf(id)))
  );
}

/** Merges progress read from a file into the freshest progress of this tab's registration (see applyImport). */
export function importProgress(incoming: ProgressData, now: Date = new Date()): SaveOutcome {
  return userChange((data) => applyImport(data, incoming, now), now, { kind: 'import' });
}

/** Reads a chosen file and checks it completely; nothing is changed here. */
async function readImportFile(
  file: ImportFile,
): Promise<{ ok: true; registrations: ParsedRegistration[] } | { ok: false; error: ImportFailure }> {
  // Real files are a few kilobytes: a larger one is refused before it is read.
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  return parseTransfer(text);
}

/**
 * Takes the file the user chose (none when the choice was dropped): reads and checks it, then
 * either shows what it would change or says why nothing will. Changes no progress.
 */
export async function chooseImportFile(file: ImportFile | undefined): Promise<void> {
  const choice = ++choices;
  if (!file) {
    $importFlow.set({ ...$importFlow.get(), pending: undefined });
    return;
  }
  $importFlow.set({ pending: undefined, status: undefined });
  $importChoice.set(undefined);
  $lastImport.set(undefined);
  const result = await readImportFile(file);
  if (choice !== choices) return;
  const values = { file: file.name };
  const [only, ...others] = result.ok ? result.registrations : [];
  if (!result.ok) {
    const keys = [importFailureKey(result.error), 'transfer.unchanged' as const];
    $importFlow.set({ pending: undefined, status: { keys, values, error: true } });
  } else if (
    only &&
    others.length === 0 &&
    only.refused.length === 0 &&
    planImport($progress.get(), only.data).changes.length === 0 &&
    !listRegistrations($registrations.get()).some(({ id }) => id !== $registrationId.get())
  ) {
    // Nothing new for this tab's registration, the only one of this browser. With others, the
    // preview compares the file with the registration chosen, which may not be this tab's.
    $importFlow.set({ pending: undefined, status: { keys: ['transfer.nothingNew'], values, error: false } });
  } else {
    $importFlow.set({ pending: { name: file.name, registrations: result.registrations }, status: undefined });
  }
}

/** Chooses where the pending file goes (see ImportChoice); nothing changes until it is confirmed. */
export function chooseImportTarget(choice: ImportChoice): void {
  $importChoice.set(choice);
}

/**
 * What the status line says of an import, by how it went: `saved` said when it was saved,
 * `notSaved` when the browser could not keep it.
 */
function importedStatus(
  outcome: SaveOutcome,
  saved: TransferStatus['keys'],
  notSaved: TransferStatus['keys'],
  values: TransferStatus['values'],
): TransferStatus {
  if (outcome === 'read-only')
    return { keys: ['transfer.readOnly', 'transfer.unchanged'], values: {}, error: true };
  return outcome === 'saved'
    ? { keys: saved, values, error: false }
    : { keys: notSaved, values, error: true };
}

/** Counts the ticks and records of a plan. */
const countsOf = ({ counts }: ImportPlan) => ({
  ticks: counts.tick.added + counts.tick.overwritten,
  records: counts.record.added + counts.record.overwritten,
});

/**
 * Applies the pending file where the user chose, to the freshest progress, and says what it changed.
 * Undefined, and nothing changes, when no file is pending or the name chosen for a new registration
 * is refused (the form says why); 'read-only' when the file would take this browser over 100
 * registrations or progress cannot be written.
 */
export function confirmImport(now: Date = new Date()): SaveOutcome | undefined {
  const { pending } = $importFlow.get();
  if (!pending) return undefined;
  const choice = $importChoice.get();
  if (choice?.kind === 'new' && registrationNameProblem(choice.name)) return undefined;
  const targets = targetsOf(pending, choice);
  if (targets.overLimit) return refuseImport('transfer.overLimit');
  const [first] = targets.imports;
  if (targets.imports.length === 1 && first) return confirmOne(pending.registrations[0]!, first.target, now);
  return confirmSeveral(pending, targets, now);
}

/** Drops the pending file, changing nothing, and says why (`reason`) and that nothing changed. */
function refuseImport(reason: UiKeyOf<'transfer.'>): 'read-only' {
  $importFlow.set({
    pending: undefined,
    status: { keys: [reason, 'transfer.unchanged'], values: {}, error: true },
  });
  return 'read-only';
}

/** Imports a file of one registration into `target`, where this tab goes first. */
function confirmOne(
  registration: ParsedRegistration,
  target: ImportTargets['imports'][number]['target'],
  now: Date,
): SaveOutcome {
  const tabBefore = $registrationId.get();
  const added = target.kind === 'new' ? addRegistration(target.name, now) : undefined;
  // The index is read-only, or full since the preview: nothing was added.
  if (target.kind === 'new' && added === undefined) return refuseImport('transfer.notAdded');
  const elsewhere = target.kind === 'existing' && target.id !== tabBefore;
  // Deleted since the preview (in another tab): never into another registration than the one chosen.
  if (elsewhere && !switchRegistration(target.id)) return refuseImport('transfer.targetGone');
  const moved = added !== undefined || elsewhere;
  // The status line names the registration switched to (`registration`: its id).
  const counts = countsOf(planImport($progress.get(), registration.data));
  const values = moved ? { ...counts, registration: $registrationId.get() } : counts;
  const outcome = importProgress(registration.data, now);
  const last = $lastUndoable.get();
  if (outcome !== 'read-only' && last?.kind === 'import') {
    const changes = changedEntries(last.before, last.after);
    $lastImport.set({
      changedAt: now,
      tabBefore,
      written: [{ id: $registrationId.get(), changes, added: added !== undefined }],
    });
  }
  const switched = moved ? (['transfer.switched'] as const) : [];
  $importFlow.set({
    pending: undefined,
    status: importedStatus(
      outcome,
      ['transfer.imported', ...switched],
      ['transfer.importedNotSaved', ...switched],
      values,
    ),
  });
  return outcome;
}

/** Imports a file of several registrations where `targets` says, this tab staying where it is. */
function confirmSeveral(pending: PendingImport, targets: ImportTargets, now: Date): SaveOutcome {
  const tabBefore = $registrationId.get();
  const tabExisted = readRegistration(tabBefore) !== undefined;
  const written: ImportDone['written'] = [];
  let outcome: SaveOutcome = 'saved';
  for (const { source, target } of targets.imports) {
    const id = target.kind === 'new' ? createRegistration(target.name, now) : target.id;
    if (id === undefined) {
      outcome = 'read-only';
      continue;
    }
    let changes: ChangedEntries | undefined;
    const saved = changeRegistrationProgress(id, (data) => {
      const after = applyImport(data, pending.registrations[source]!.data, now);
      changes = changedEntries(data, after);
      return after;
    });
    if (saved !== 'saved' && outcome !== 'read-only') outcome = saved;
    if (changes && saved !== 'read-only') written.push({ id, changes, added: target.kind === 'new' });
  }
  // An import is a change of its own: the offer to undo the one before ends.
  $lastUndoable.set(undefined);
  // A tab whose registration did not exist yet goes to the first one the file filled.
  if (!tabExisted && written[0]) switchRegistration(written[0].id);
  $lastImport.set(written.length > 0 ? { changedAt: now, tabBefore, written } : undefined);
  const added = written.filter((registration) => registration.added).length;
  const values = { count: written.length, added, merged: written.length - added };
  $importFlow.set({
    pending: undefined,
    status: importedStatus(
      outcome,
      ['transfer.importedSeveral'],
      ['transfer.importedSeveralNotSaved'],
      values,
    ),
  });
  return outcome;
}

/** True while the last import can be undone: undoing it would put back exactly what it did. */
export const $canUndoImport = computed(
  [$lastImport, $progress, $registrations, $storageChanges],
  (done) => done !== undefined && undoable(done),
);

/**
 * Undoes the last import (see the module's comment): what it changed is put back in every
 * registration, and the registrations it added are removed unless something else was done in them
 * since; this tab, if it was on one of those, goes back to the registration it was on before.
 * Undefined, and nothing changes, when the import can no longer be undone exactly.
 */
export function undoImport(now: Date = new Date()): SaveOutcome | undefined {
  const done = $lastImport.get();
  if (!done || !undoable(done)) return undefined;
  let outcome: SaveOutcome = 'saved';
  for (const { id, changes } of done.written) {
    if (changedNothing(changes)) continue;
    const undone = changeRegistrationProgress(id, (data) =>
      canUndo(changes, data) ? undoChanges(data, changes, done.changedAt, now) : data,
    );
    if (undone !== 'saved' && outcome === 'saved') outcome = undone;
  }
  const tabOn = $registrationId.get();
  for (const { id } of done.written.filter(({ added }) => added)) {
    if (!untouchedSince(id)) continue;
    if (id === $registrationId.get()) switchRegistration(done.tabBefore);
    // The tab still on it (the one it was on before is gone too) goes to the oldest one left.
    const removed = removeRegistration(id, now);
    if (removed !== 'saved' && removed !== 'refused' && outcome === 'saved') outcome = removed;
  }
  $lastImport.set(undefined);
  $lastUndoable.set(undefined);
  const tabNow = $registrationId.get();
  if (outcome === 'saved' || outcome === 'not-saved') {
    const status: TransferStatus =
      tabNow === tabOn
        ? { keys: ['transfer.undone'], values: {}, error: false }
        : { keys: ['transfer.undone', 'transfer.switched'], values: { registration: tabNow }, error: false };
    $importFlow.set({ pending: undefined, status });
  }
  return outcome;
}

/** Drops the pending file; nothing has changed. */
export function cancelImport(): void {
  $importChoice.set(undefined);
  $importFlow.set({ pending: undefined, status: { keys: ['transfer.cancelled'], values: {}, error: false } });
}

/**
 * The export file of this tab's registration as it is now (its progress and its name), with the
 * file's name; the status line names it.
 */
export function exportFile(now: Date = new Date()): { name: string; text: string } {
  const name = exportFileName(now);
  $importFlow.set({
    ...$importFlow.get(),
    status: { keys: ['transfer.exported'], values: { file: name }, error: false },
  });
  return { name, text: exportProgress($progress.get(), now, readRegistration($registrationId.get())?.name) };
}

/**
 * The export file of every registration of this browser as they are now (in creation order, each
 * with its name), with the file's name; the status line names it.
 */
export function exportAllFile(now: Date = new Date()): { name: string; text: string } {
  const name = exportFileName(now);
  $importFlow.set({
    ...$importFlow.get(),
    status: { keys: ['transfer.exported'], values: { file: name }, error: false },
  });
  const registrations = listRegistrations($registrations.get()).map(({ id, name: own }) => ({
    name: own,
    data: progressOf(id),
  }));
  return { name, text: exportRegistrations(registrations, now) };
}
