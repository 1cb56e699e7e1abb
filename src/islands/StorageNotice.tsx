import { useHydratedStore } from './hydration';
import { $storageHealth } from '../stores/storage-engine';
import { $storageProblem } from '../stores/progress';
import { storageNoticeMessages } from '../lib/storage-notice';
import type { UiStrings } from '../lib/ui-strings';

/** Says plainly when progress cannot be kept, was partly unreadable, or is read-only. */
export function StorageNotice({ strings }: { strings: UiStrings<'notice.'> }) {
  const messages = storageNoticeMessages(
    useHydratedStore($storageProblem, undefined),
    useHydratedStore($storageHealth, 'ok'),
    strings,
  );
  if (messages.length === 0) return null;
  return (
    <div class="checklist-notice" data-testid="storage-notice">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
