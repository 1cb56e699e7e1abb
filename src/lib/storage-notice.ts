import { fillTemplate } from './template';
import type { StorageHealth } from '../stores/storage-engine';
import type { StorageProblem } from '../stores/progress';
import type { UiStrings } from './ui-strings';

/** What the storage notice says: why progress cannot be kept, was partly unreadable, or is read-only. */
export function storageNoticeMessages(
  problem: StorageProblem | undefined,
  health: StorageHealth,
  strings: UiStrings<'notice.'>,
): string[] {
  const messages: string[] = [];
  if (problem?.kind === 'recovered')
    messages.push(fillTemplate(strings['notice.recovered'], { key: problem.backupKey }));
  if (problem?.kind === 'backup-failed') messages.push(strings['notice.backupFailed']);
  if (problem?.kind === 'newer') messages.push(strings['notice.newer']);
  // The backup notice already says that nothing is saved, and why.
  if (problem?.kind !== 'backup-failed') {
    if (health === 'unavailable') messages.push(strings['notice.unavailable']);
    if (health === 'full') messages.push(strings['notice.full']);
  }
  return messages;
}
