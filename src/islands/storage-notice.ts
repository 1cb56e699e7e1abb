import { $storageProblem } from '../stores/progress';
import { $storageHealth } from '../stores/storage-engine';
import { storageNoticeMessages } from '../lib/storage-notice';
import { h } from './checklist-dom';
import type { UiStrings } from '../lib/ui-strings';

/** Shows the notice of a storage problem before `place`, as long as there is one. */
export function showStorageNotice(place: Element, strings: UiStrings<'notice.'>): void {
  let notice: HTMLElement | undefined;
  const show = () => {
    notice?.remove();
    const messages = storageNoticeMessages($storageProblem.get(), $storageHealth.get(), strings);
    if (messages.length === 0) return;
    notice = h(
      'div',
      { class: 'checklist-notice', 'data-testid': 'storage-notice' },
      ...messages.map((message) => h('p', {}, message)),
    );
    place.before(notice);
  };
  $storageProblem.listen(show);
  $storageHealth.listen(show);
  show();
}
