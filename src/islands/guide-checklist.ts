import type { ReadableAtom } from 'nanostores';
import {
  $announcement,
  $lastUndoable,
  $progress,
  $progressReadOnly,
  $storageProblem,
  setStepTicked,
} from '../stores/progress';
import { $storageHealth } from '../stores/storage-engine';
import { formatTickTime, phaseState, summarizeGuide } from '../lib/progress';
import { tickStatus } from '../lib/tick-status';
import { fillTemplate } from '../lib/template';
import type { ChecklistStrings } from './checklist-dom';
import type { StepInfo } from '../lib/steps';

/**
 * The checklist of a guide page, without a framework: the server renders every step's checkbox and
 * the progress panel (components/ChecklistPanel.astro, components/guide/Step.astro); this module
 * reads the stored progress, sets the boxes, and redraws the boxes, the tick times, the panel and
 * its status region synchronously whenever a store changes, so that a tick shows everywhere in the
 * frame that follows the click. The stores own the logic; this only draws and calls their actions.
 */

/** Starts the checklist of the guide whose panel is `panel`. */
export function startGuideChecklist(panel: HTMLElement): void {
  const { guide = '', lang = 'ja' } = panel.dataset;
  const steps = JSON.parse(panel.dataset.steps ?? '[]') as StepInfo[];
  const strings = JSON.parse(panel.dataset.strings ?? '{}') as ChecklistStrings;
  const find = <T extends Element>(selector: string) => panel.querySelector<T>(selector)!;
  const count = find<HTMLElement>('.checklist-panel__count');
  const summary = find<HTMLElement>('.checklist-panel__summary');
  const next = find<HTMLElement>('.checklist-panel__next');
  const printButton = find<HTMLButtonElement>('.checklist-panel__print');
  const resetButton = find<HTMLButtonElement>('.checklist-panel__ask-reset');
  const status = find<HTMLElement>('[role="status"]');
  const bar = document.createElement('progress');
  bar.className = 'checklist-panel__bar';
  bar.ariaLabel = strings['checklist.progressLabel'];
  bar.setAttribute('aria-describedby', count.id);
  find('.checklist-panel__bar').replaceWith(bar);
  const titleOf = (stepId: string) => steps.find((step) => step.id === stepId)?.title ?? '';

  /** The open time editors, by step. */
  const editors = new Map<string, HTMLElement>();
  let confirming: HTMLElement | undefined;
  let undoReset: HTMLElement | undefined;
  let shownNext: string | undefined | null = null;
  /** What each step shows beside its time: its action, kept while it stays the same. */
  const shownAction = new Map<string, string | HTMLElement>();
  /** The tick time each step shows. */
  const shownTimes = new Map<string, string | undefined>();

  const boxes = steps.flatMap(({ id }) => {
    const box = document.getElementById(`check-${id}`) as HTMLInputElement | null;
    // Step.astro puts the step's state (its tick time and actions) right after its box.
    const state = box?.nextElementSibling as HTMLElement | null | undefined;
    return box && state ? [{ id, box, state, status: state.firstElementChild as HTMLElement }] : [];
  });

  /**
   * What the checklist needs only once something happens (islands/checklist-extras.ts): loaded with
   * the first change that can be undone, a storage problem, or a request for the time editor or the
   * reset question. Until it is there, the store's last undoable change is the offer: nothing can
   * have changed its entries since.
   */
  let extras: typeof import('./checklist-extras') | undefined;
  let loading: Promise<typeof import('./checklist-extras')> | undefined;
  // Asked for by every redraw while a storage problem lasts: loaded and set up once.
  const loadExtras = () =>
    (loading ??= import('./checklist-extras').then((loaded) => {
      extras = loaded;
      loaded.showStorageNotice(status, strings);
      loaded.$undoOffer.listen(render);
      render();
      return loaded;
    }));
  const undoOffer = () => (extras ? extras.$undoOffer.get() : $lastUndoable.get());

  const stepAction = (id: string, box: HTMLInputElement, mode: string) => {
    if (mode === 'correct') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'guide-step__action';
      button.setAttribute('aria-describedby', id);
      button.textContent = strings['stepEdit.correct'];
      button.onclick = () =>
        void loadExtras().then((loaded) =>
          loaded.editTickTime(guide, id, box, strings, (editor) => {
            if (editor) editors.set(id, editor);
            else editors.delete(id);
            render();
          }),
        );
      return button;
    }
    if (mode === 'undo') return extras?.stepUndo(id, box, strings);
    return editors.get(id);
  };

  const askToReset = () =>
    void loadExtras().then(({ resetQuestion }) => {
      if (confirming) return;
      confirming = resetQuestion(guide, strings, (confirmed) => {
        confirming?.remove();
        confirming = undefined;
        render();
        // After a reset the reset button is disabled: the summary says where the guide now stands.
        requestAnimationFrame(() => (confirmed ? summary : resetButton).focus());
      });
      resetButton.after(confirming);
      render();
    });

  function render(): void {
    const progress = $progress.get();
    const readOnly = $progressReadOnly.get();
    const offer = undoOffer();
    const ticks = progress.guides[guide];
    const { done, total, nextStepId } = summarizeGuide(steps, ticks);

    for (const { id, box, state, status: line } of boxes) {
      const tickedAt = ticks?.[id]?.tickedAt;
      box.checked = tickedAt !== undefined;
      box.disabled = readOnly;
      if (!tickedAt) editors.delete(id);
      // Formatting dates is slow on old PCs: only a time that changed is formatted again.
      if (!shownTimes.has(id) || shownTimes.get(id) !== tickedAt) {
        shownTimes.set(id, tickedAt);
        line.textContent = tickedAt
          ? fillTemplate(strings['stepCheck.ticked'], { time: formatTickTime(tickedAt, lang) })
          : '';
      }
      const mode = tickedAt
        ? (editors.get(id) ?? (readOnly ? '' : 'correct'))
        : extras && offer?.kind === 'untick' && offer.guide === guide && offer.stepId === id
          ? 'undo'
          : '';
      if (shownAction.get(id) !== mode) {
        shownAction.set(id, mode);
        state.replaceChildren(line, (typeof mode === 'string' ? stepAction(id, box, mode) : mode) ?? '');
      }
    }

    count.textContent = fillTemplate(strings['progress.count'], { done, total });
    bar.max = total;
    bar.value = done;
    if (shownNext !== nextStepId) {
      shownNext = nextStepId;
      const step = steps.find(({ id }) => id === nextStepId);
      const link = document.createElement('a');
      link.href = `#${nextStepId}`;
      link.textContent = step?.title ?? '';
      next.replaceChildren(...(step ? [strings['progress.next'], ' ', link] : [strings['progress.allDone']]));
    }
    for (const phase of document.querySelectorAll<HTMLElement>('.tl [data-steps]')) {
      const state = phaseState(phase.dataset.steps!.split(' '), ticks, nextStepId) ?? '';
      phase.dataset.state = state;
      phase.firstElementChild!.ariaCurrent = state === 'current' ? 'step' : null;
    }

    printButton.hidden = resetButton.hidden = !!confirming;
    printButton.disabled = false;
    resetButton.disabled = readOnly || done === 0;
    const canUndoReset = offer?.kind === 'reset' && offer.guide === guide && !confirming;
    if (!canUndoReset) undoReset?.remove();
    else if (extras && !undoReset?.isConnected)
      resetButton.parentElement!.append((undoReset = extras.resetUndo(summary, strings)));

    // The notice of a storage problem comes with the rest of the checklist.
    if ($storageProblem.get() || $storageHealth.get() !== 'ok') void loadExtras();
    // Only the rest of the checklist (extras) makes changes other than ticks.
    status.textContent = (extras?.guideStatus ?? tickStatus)(
      guide,
      $announcement.get(),
      offer?.guide,
      done,
      total,
      titleOf,
      strings,
      lang,
    );
  }

  printButton.onclick = () => void loadExtras().then((loaded) => loaded.printWhenDrawn());
  resetButton.onclick = askToReset;
  // One listener for every step's box: the boxes are the server's, not this module's.
  document.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const step = boxes.find((entry) => entry.box === box);
    if (!step) return;
    editors.delete(step.id);
    setStepTicked(guide, step.id, box.checked);
  });

  const stores: ReadableAtom<unknown>[] = [
    $progress,
    $progressReadOnly,
    $lastUndoable,
    $announcement,
    $storageProblem,
    $storageHealth,
  ];
  for (const store of stores) store.listen(render);
  $lastUndoable.listen((last) => {
    if (last) void loadExtras();
  });
  render();
}
