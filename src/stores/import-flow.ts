import { atom, computed } from 'nanostores';
import {
  MAX_IMPORT_BYTES,
  applyImport,
  exportFileName,
  exportProgress,
  parseImport,
  planImport,
  type ImportFailure,
  type ImportPlan,
  type RefusedEntry,
} from '../lib/transfer';
import { importFailureKey } from '../lib/transfer-messages';
import type { ProgressData } from '../lib/progress-data';
import type { UiKeyOf } from '../lib/ui-strings';
import { $progress, $registrationId, userChange, type SaveOutcome } from './progress';
import { readRegistration } from './registrations';
import { $undoOffer, undoLastChange } from './undo';

/**
 * Saving progress to a file and importing such a file, apart from the progress store so that the
 * guides, which never import, do not load the file format's code (see lib/transfer.ts). A chosen
 * file is read and checked completely, what it would change is shown, and only confirming applies it.
 * Export and import concern this tab's registration; a file of several registrations is refused here.
 */

/** A file read and accepted, waiting for the user to confirm. */
export interface PendingImport {
  name: string;
  data: ProgressData;
  refused: RefusedEntry[];
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

/**
 * What the pending file would change, planned against the progress of now, so that a change made
 * in another tab meanwhile shows.
 */
export const $importPlan = computed(
  [$importFlow, $progress],
  ({ pending }, progress): ImportPlan | undefined =>
    pending ? planImport(progress, pending.data) : undefined,
);

/** What the flow needs of a chosen file (a browser's File has it). */
export type ImportFile = Pick<File, 'name' | 'size' | 'text'>;

/** Counts the files chosen, so that a slow read that a later choice overtook changes nothing. */
let choices = 0;

/** Merges progress read from a file into the freshest progress (see applyImport). */
export function importProgress(incoming: ProgressData, now: Date = new Date()): SaveOutcome {
  return userChange((data) => applyImport(data, incoming, now), now, { kind: 'import' });
}

/** Reads a chosen file and checks it completely; nothing is changed here. */
async function readImportFile(
  file: ImportFile,
): Promise<{ ok: true; data: ProgressData; refused: RefusedEntry[] } | { ok: false; error: ImportFailure }> {
  // Real files are a few kilobytes: a larger one is refused before it is read.
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  return parseImport(text);
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
  const result = await readImportFile(file);
  if (choice !== choices) return;
  const values = { file: file.name };
  if (!result.ok) {
    const keys = [importFailureKey(result.error), 'transfer.unchanged' as const];
    $importFlow.set({ pending: undefined, status: { keys, values, error: true } });
  } else if (planImport($progress.get(), result.data).changes.length === 0 && result.refused.length === 0) {
    $importFlow.set({ pending: undefined, status: { keys: ['transfer.nothingNew'], values, error: false } });
  } else {
    $importFlow.set({ pending: { name: file.name, ...result }, status: undefined });
  }
}

/** Applies the pending file to the freshest progress, and says how many entries it changed. */
export function confirmImport(now: Date = new Date()): SaveOutcome | undefined {
  const { pending } = $importFlow.get();
  if (!pending) return undefined;
  const { counts } = planImport($progress.get(), pending.data);
  const outcome = importProgress(pending.data, now);
  const values = {
    ticks: counts.tick.added + counts.tick.overwritten,
    records: counts.record.added + counts.record.overwritten,
  };
  const status: TransferStatus =
    outcome === 'read-only'
      ? { keys: ['transfer.readOnly', 'transfer.unchanged'], values: {}, error: true }
      : outcome === 'saved'
        ? { keys: ['transfer.imported'], values, error: false }
        : { keys: ['transfer.importedNotSaved'], values, error: true };
  $importFlow.set({ pending: undefined, status });
  return outcome;
}

/** True while the last import can be undone (until the next change: see $undoOffer). */
export const $canUndoImport = computed($undoOffer, (offer) => offer?.kind === 'import');

/** Undoes the last import: the progress and records it changed are as they were before it. */
export function undoImport(now: Date = new Date()): SaveOutcome | undefined {
  if (!$canUndoImport.get()) return undefined;
  const outcome = undoLastChange(now);
  if (outcome === 'saved' || outcome === 'not-saved')
    $importFlow.set({ pending: undefined, status: { keys: ['transfer.undone'], values: {}, error: false } });
  return outcome;
}

/** Drops the pending file; nothing has changed. */
export function cancelImport(): void {
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
