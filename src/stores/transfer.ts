import { applyImport } from '../lib/transfer';
import type { ProgressData } from '../lib/progress-data';
import { $progress, $progressReadOnly } from './progress';

/**
 * Importing progress from a file, apart from the progress store so that the guides, which never
 * import, do not load the file format's code (see lib/transfer.ts).
 */

/** Merges progress read from a file (see applyImport); returns false, changing nothing, while read-only. */
export function importProgress(incoming: ProgressData): boolean {
  if ($progressReadOnly.get()) return false;
  $progress.set(applyImport($progress.get(), incoming));
  return true;
}
