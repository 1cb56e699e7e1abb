import { useHydratedStore } from './hydration';
import { $storageHealth } from '../stores/storage-engine';
import { $storageProblem } from '../stores/progress';
import { fillTemplate } from '../lib/template';
import type { UiStrings } from '../lib/ui-strings';

/** Says plainly when progress cannot be kept, was partly unreadable, or is read-only. */
export function StorageNotice({ strings }: { strings: UiStrings<'notice.'> }) {
  const health = useHydratedStore($storageHealth, 'ok');
  const problem = useHydratedStore($storageProblem, undefined);
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
  if (messages.length === 0) return null;
  return (
    <div class="checklist-notice" data-testid="storage-notice">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
