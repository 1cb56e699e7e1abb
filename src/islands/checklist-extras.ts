import { $progress, $storageProblem, resetGuide } from '../stores/progress';
import { $storageHealth } from '../stores/storage-engine';
import { correctTickTime, undoLastChange } from '../stores/undo';
import { parseJapanTimeInput, toJapanTimeInput } from '../lib/progress-undo';
import { storageNoticeMessages } from '../lib/storage-notice';
import { afterRender, h, type ChecklistStrings } from './checklist-dom';

/**
 * The parts of a guide's checklist that are needed only once something happens, loaded then by
 * islands/guide-checklist.ts: the undo of a change (with the first change that can be undone), the
 * editor of a tick's time and the question before a reset (when asked for), the notice of a
 * storage problem (when there is one).
 */

export { $undoOffer } from '../stores/undo';
export { guideStatus } from '../lib/checklist-status';

/** A button that undoes the change on offer, then puts focus on `focusAfter`. */
function undoButton(label: string, focusAfter: HTMLElement, describedBy?: string): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      ...(describedBy && { class: 'guide-step__action', 'aria-describedby': describedBy }),
      onclick: () => {
        undoLastChange();
        afterRender(() => focusAfter.focus());
      },
    },
    label,
  );
}

/** The offer to undo the untick of a step, beside its box. */
export function stepUndo(stepId: string, box: HTMLElement, strings: ChecklistStrings): HTMLElement {
  return h(
    'p',
    { class: 'guide-step__undo' },
    strings['stepEdit.unticked'],
    undoButton(strings['stepEdit.undo'], box, stepId),
  );
}

/** The offer to undo a guide's reset, in its panel; focus goes back to the summary. */
export function resetUndo(summary: HTMLElement, strings: ChecklistStrings): HTMLElement {
  return h(
    'p',
    { class: 'checklist-panel__undo' },
    strings['checklist.announceReset'],
    ' ',
    undoButton(strings['checklist.undo'], summary),
  );
}

/**
 * Opens the print dialog once every island of the page has been drawn: record fields and wait notices
 * far down the page are drawn only when they come near (islands/near-directive.ts), and a printed
 * checklist shows them all.
 */
export function printWhenDrawn(): void {
  dispatchEvent(new Event('hydrate-near'));
  const print = () => {
    if (document.querySelector('astro-island[ssr]')) return false;
    observer.disconnect();
    window.print();
    return true;
  };
  const observer = new MutationObserver(print);
  if (!print()) observer.observe(document.body, { subtree: true, attributeFilter: ['ssr'] });
}

/** Shows the notice of a storage problem before `status`, as long as there is one. */
export function showStorageNotice(status: HTMLElement, strings: ChecklistStrings): void {
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
    status.before(notice);
  };
  $storageProblem.listen(show);
  $storageHealth.listen(show);
  show();
}

/**
 * Opens the editor of a ticked step's time: `show` puts it beside the step's box, or takes it away
 * (undefined) once the time is saved or the edit cancelled.
 */
export function editTickTime(
  guide: string,
  stepId: string,
  box: HTMLElement,
  strings: ChecklistStrings,
  show: (editor: HTMLElement | undefined) => void,
): void {
  const tickedAt = $progress.get().guides[guide]?.[stepId]?.tickedAt;
  if (!tickedAt) return;
  show(
    tickTimeEditor(guide, stepId, tickedAt, strings, () => {
      show(undefined);
      afterRender(() => box.parentElement?.querySelector<HTMLElement>('.guide-step__action')?.focus());
    }),
  );
}

/**
 * The editor of a ticked step's time, with its own error messages (noValidate: they replace the
 * browser's bubbles). `close` takes it away.
 */
function tickTimeEditor(
  guide: string,
  stepId: string,
  tickedAt: string,
  strings: ChecklistStrings,
  close: () => void,
): HTMLElement {
  const timeId = `tick-time-${stepId}`;
  const input = h('input', {
    type: 'datetime-local',
    id: timeId,
    value: toJapanTimeInput(tickedAt),
    min: '2000-01-01T00:00',
    max: toJapanTimeInput(new Date()),
  }) as HTMLInputElement;
  const error = h('p', { class: 'guide-step__time-error', id: `${timeId}-error` });
  const form = h(
    'form',
    {
      class: 'guide-step__time-editor',
      noValidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        const parsed = parseJapanTimeInput(input.value, new Date());
        if (parsed.ok) {
          correctTickTime(guide, stepId, parsed.tickedAt);
          close();
          return;
        }
        error.textContent = strings[`stepEdit.error.${parsed.error}`];
        form.append(error);
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        input.focus();
      },
    },
    h('label', { htmlFor: timeId }, strings['stepEdit.timeLabel']),
    ' ',
    input,
    ' ',
    h('button', { type: 'submit' }, strings['stepEdit.save']),
    ' ',
    h('button', { type: 'button', onclick: close }, strings['stepEdit.cancel']),
  );
  afterRender(() => input.focus());
  return form;
}

/**
 * The question before a guide's progress is reset, with what is cleared and what is kept; `close`
 * hears whether the reset was made.
 */
export function resetQuestion(
  guide: string,
  strings: ChecklistStrings,
  close: (confirmed: boolean) => void,
): HTMLElement {
  const answer = (confirmed: boolean) => () => {
    if (confirmed) resetGuide(guide);
    close(confirmed);
  };
  const question = h(
    'div',
    { role: 'group', 'aria-label': strings['checklist.reset'] },
    h('p', {}, strings['checklist.resetQuestion']),
    h('ul', {}, h('li', {}, strings['checklist.resetClears']), h('li', {}, strings['checklist.resetKeeps'])),
    h('button', { type: 'button', onclick: answer(true) }, strings['checklist.resetConfirm']),
    ' ',
    h('button', { type: 'button', onclick: answer(false) }, strings['checklist.resetCancel']),
  );
  afterRender(() => question.querySelector('button')?.focus());
  return question;
}
