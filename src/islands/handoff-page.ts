import {
  $progress,
  $progressReadOnly,
  $registrationId,
  $storageProblem,
  startRecordChecks,
} from '../stores/progress';
import { checkStoredRecord } from '../lib/records';
import { $storageHealth, readStored } from '../stores/storage-engine';
import { REGISTRATIONS_KEY } from '../lib/tab-registration';
import { ownName } from '../lib/tab-label';
import { composeHandoff, stepsStillToTick, type HandoffField } from '../lib/handoff';
import { formatRecordValue } from '../lib/record-format';
import { fillTemplate } from '../lib/template';
import { h } from './checklist-dom';
import { copyButton } from './copy-button';
import type { Lang } from '../lib/guides';
import type { UiStrings } from '../lib/ui-strings';

/**
 * The hand-off page's message and record table, without a framework: the server draws them as a
 * visitor without JavaScript sees them (components/handoff/*.astro: the fields the message is written
 * from, a dash for every value); these functions read the stored records and draw them again whenever
 * the records change, in this tab or another. Both are of the registration this tab works on (the
 * progress store's), and the message names it. The import and export come on intent (ProgressTransfer).
 */

// Before the message or the table shows a stored record.
startRecordChecks(checkStoredRecord);

/** Draws the message to the distributor, or what is missing for it, into `area`. */
function startHandoffMessage(area: HTMLElement): void {
  const lang = area.dataset.lang as Lang;
  const fields = JSON.parse(area.dataset.fields ?? '[]') as HandoffField[];
  const reportedSteps = JSON.parse(area.dataset.steps ?? '[]') as {
    id: string;
    title: string;
    href: string;
  }[];
  // The message's lines in the page's language, addressed where the site's settings say so.
  const lines = area.dataset.lines ? (JSON.parse(area.dataset.lines) as string[]) : undefined;
  const { guide } = area.dataset;
  const strings = JSON.parse(area.dataset.strings ?? '{}') as UiStrings<'handoffMessage.'>;
  let shown = '';
  const draw = () => {
    const progress = $progress.get();
    const name = ownName(readStored(REGISTRATIONS_KEY), $registrationId.get());
    const handoff = composeHandoff(progress.records, lang, lines, name);
    const toTick = stepsStillToTick(
      guide === undefined ? undefined : progress.guides[guide],
      reportedSteps.map((step) => step.id),
    );
    // Drawn again only when it changes, so that a change elsewhere does not take focus from its button.
    const key = JSON.stringify([handoff, toTick]);
    if (key === shown) return;
    shown = key;
    // The message reports these steps as done: it is offered once they are ticked.
    const stepsToTick =
      toTick.length > 0 &&
      h(
        'div',
        { class: 'handoff-steps', 'data-state': 'not-done' },
        h('p', {}, strings['handoffMessage.stepsFirst']),
        h(
          'ul',
          {},
          ...reportedSteps
            .filter((step) => toTick.includes(step.id))
            .map((step) => h('li', {}, h('a', { href: step.href }, step.title))),
        ),
      );
    if (handoff.status === 'missing') {
      area.replaceChildren(
        ...[stepsToTick].filter((element) => element !== false),
        h(
          'div',
          { class: 'handoff-message', 'data-state': 'missing' },
          h('p', {}, strings['handoffMessage.missing']),
          h(
            'ul',
            {},
            ...handoff.missing.map((id) => {
              const field = fields.find((candidate) => candidate.id === id);
              return h(
                'li',
                {},
                field ? h('a', { href: field.href }, field.label) : id,
                field?.availableWhen && h('span', { class: 'handoff-message__when' }, field.availableWhen),
              );
            }),
          ),
        ),
      );
    } else if (stepsToTick) {
      area.replaceChildren(stepsToTick);
    } else {
      area.replaceChildren(
        h(
          'div',
          { class: 'handoff-message', 'data-state': 'ready' },
          h('label', { htmlFor: 'handoff-message-text' }, strings['handoffMessage.label']),
          h('p', { class: 'handoff__hint', id: 'handoff-message-hint' }, strings['handoffMessage.hint']),
          h('textarea', {
            id: 'handoff-message-text',
            readOnly: true,
            rows: handoff.text.split('\n').length,
            'aria-describedby': 'handoff-message-hint',
            value: handoff.text,
          }),
          copyButton(
            handoff.text,
            strings['handoffMessage.copy'],
            strings['handoffMessage.copied'],
            strings['handoffMessage.copyFailed'],
          ),
        ),
      );
    }
  };
  $progress.subscribe(draw);
  // The registration's name changes with it (a rename here or in another tab) in the switcher's line
  // (islands/registration-switcher.ts), which hears of every change to it: drawn again then.
  const switcherName = document.querySelector('.registration-switcher strong');
  if (switcherName) new MutationObserver(draw).observe(switcherName, { childList: true });
}

/** Fills the value cells of the record table (`table`) with the stored records, and keeps them so. */
function startRecordTable(table: HTMLElement): void {
  const lang = table.dataset.lang as Lang;
  const fields = JSON.parse(table.dataset.fields ?? '[]') as HandoffField[];
  const strings = JSON.parse(table.dataset.strings ?? '{}') as UiStrings<'recordTable.'>;
  const shown = new Map<string, string | undefined>();
  $progress.subscribe((progress) => {
    for (const field of fields) {
      const cell = table.querySelector(`tr[data-field="${field.id}"] td`);
      const stored = progress.records[field.id]?.value.trim();
      const value = stored ? formatRecordValue(field.id, stored, lang, field.choices) : undefined;
      if (!cell || (shown.has(field.id) && shown.get(field.id) === value)) continue;
      shown.set(field.id, value);
      cell.replaceChildren(
        ...(value
          ? [
              h('span', { class: 'handoff-records__value' }, value),
              ' ',
              copyButton(
                value,
                strings['recordTable.copy'],
                strings['recordTable.copied'],
                strings['recordTable.copyFailed'],
                fillTemplate(strings['recordTable.copyLabel'], { label: field.label }),
              ),
            ]
          : [h('span', { class: 'handoff-records__empty' }, strings['recordTable.notEntered'])]),
      );
    }
  });
}

/**
 * Readies the import and export (ProgressTransfer, hydrated on intent, see islands/intent-directive):
 * enables their controls, which the server draws disabled for a visitor without JavaScript, so that
 * they take focus and clicks before their code is there; and has them drawn at once when progress is
 * read-only or storage has a problem, which they must say.
 */
function armProgressTransfer(): void {
  const hydrateNow = () => {
    if ($progressReadOnly.get() || $storageProblem.get() || $storageHealth.get() !== 'ok')
      dispatchEvent(new Event('hydrate-intent'));
  };
  if (!$progressReadOnly.get()) {
    for (const control of document.querySelectorAll<HTMLButtonElement>('.handoff-transfer [disabled]'))
      control.disabled = false;
  }
  for (const store of [$progressReadOnly, $storageProblem, $storageHealth]) store.listen(hydrateNow);
  hydrateNow();
}

/** Starts the parts of the hand-off page (components/handoff/) that are on it. */
export function startHandoffPage(): void {
  const area = document.querySelector<HTMLElement>('.handoff-message-area');
  if (area) startHandoffMessage(area);
  const table = document.querySelector<HTMLElement>('table.handoff-records[data-fields]');
  if (table) startRecordTable(table);
  armProgressTransfer();
}
