import { applyImport } from '../lib/transfer';
import type { ProgressData } from '../lib/progress-data';
import { changeProgress, type SaveOutcome } from './progress';

/**
 * Importing progress from a file, apart from the progress store so that the guides, which never
 * import, do not load the file format's code (see lib/transfer.ts).
 */

/** Merges progress read from a file into the freshest progress (see applyImport). */
export function importProgress(incoming: ProgressData, now: Date = new Date()): SaveOutcome {
  return changeProgress((data) => applyImport(data, incoming, now));
}
