import { useHydratedStore } from './hydration';
import { $storageHealth } from '../stores/storage-engine';
import { $storageProblem } from '../stores/progress';
import { fillTemplate } from '../lib/template';

/** The notices about storage, in the page's language. */
export interface StorageNoticeStrings {
  unavailable: string;
  full: string;
  recovered: string;
  backupFailed: string;
  newer: string;
}

/** Says plainly when progress cannot be kept, was partly unreadable, or is read-only. */
export function StorageNotice({ strings }: { strings: StorageNoticeStrings }) {
  const health = useHydratedStore($storageHealth, 'ok');
  const problem = useHydratedStore($storageProblem, undefined);
  const messages: string[] = [];
  if (problem?.kind === 'recovered')
    messages.push(fillTemplate(strings.recovered, { key: problem.backupKey }));
  if (problem?.kind === 'backup-failed') messages.push(strings.backupFailed);
  if (problem?.kind === 'newer') messages.push(strings.newer);
  // The backup notice already says that nothing is saved, and why.
  if (problem?.kind !== 'backup-failed') {
    if (health === 'unavailable') messages.push(strings.unavailable);
    if (health === 'full') messages.push(strings.full);
  }
  if (messages.length === 0) return null;
  return (
    <div class="checklist-notice" data-testid="storage-notice">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
