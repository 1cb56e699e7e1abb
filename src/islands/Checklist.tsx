import { atom } from 'nanostores';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useHydrated, useHydratedStore } from './hydration';
import { StorageNotice } from './StorageNotice';
import { ProgressSummary } from './ProgressSummary';
import { TimelineMarks } from './TimelineMarks';
import { $announcement, $progress, $progressReadOnly, resetGuide, setStepTicked } from '../stores/progress';
import { $undoOffer, correctTickTime, undoLastChange } from '../stores/undo';
import { guideSummary } from '../stores/progress-summary';
import { emptyProgress } from '../lib/progress-data';
import { formatTickTime, summarizeGuide } from '../lib/progress';
import { parseJapanTimeInput, toJapanTimeInput, type TickTimeError } from '../lib/progress-undo';
import { fillTemplate } from '../lib/template';
import type { StepInfo } from '../lib/steps';
import type { UiStrings } from '../lib/ui-strings';

/**
 * The checklist's islands of a guide page, in one module so that a guide loads one file for both:
 * the checkbox of each step and the progress panel under the title.
 */

const EMPTY = emptyProgress();

/**
 * The strings of the time correction and of the undo of an untick, given once by the guide's panel
 * (GuideProgress) to every step box: passed to each of a guide's few dozen boxes, they would be
 * repeated in the page's HTML that many times.
 */
const $stepEditStrings = atom<UiStrings<'stepEdit.'> | undefined>(undefined);

interface StepCheckProps {
  guide: string;
  stepId: string;
  lang: string;
  strings: UiStrings<'stepCheck.'>;
}

/** Runs after the next paint, when an element just rendered can take focus. */
const afterRender = (action: () => void) => requestAnimationFrame(action);

/**
 * The checkbox of one guide step and the time it was ticked, which can be corrected; after an
 * untick, the offer to undo it. The step's title is its <label>.
 */
export function StepCheck({ guide, stepId, lang, strings }: StepCheckProps) {
  const hydrated = useHydrated();
  const progress = useHydratedStore($progress, EMPTY);
  const readOnly = useHydratedStore($progressReadOnly, false);
  const undo = useHydratedStore($undoOffer, undefined);
  const edit = useHydratedStore($stepEditStrings, undefined);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<TickTimeError | undefined>(undefined);
  const box = useRef<HTMLInputElement>(null);
  const correctButton = useRef<HTMLButtonElement>(null);
  const timeInput = useRef<HTMLInputElement>(null);
  const tick = progress.guides[guide]?.[stepId];
  const canUndoUntick = !tick && undo?.kind === 'untick' && undo.guide === guide && undo.stepId === stepId;
  const timeId = `tick-time-${stepId}`;

  const closeEditor = () => {
    setEditing(false);
    setError(undefined);
    afterRender(() => correctButton.current?.focus());
  };
  const save = (event: Event) => {
    event.preventDefault();
    const parsed = parseJapanTimeInput(timeInput.current?.value ?? '', new Date());
    if (!parsed.ok) {
      setError(parsed.error);
      timeInput.current?.focus();
      return;
    }
    correctTickTime(guide, stepId, parsed.tickedAt);
    closeEditor();
  };

  return (
    <>
      <input
        type="checkbox"
        class="guide-step__check"
        id={`check-${stepId}`}
        ref={box}
        checked={tick !== undefined}
        disabled={!hydrated || readOnly}
        onChange={(event) => {
          setEditing(false);
          setStepTicked(guide, stepId, event.currentTarget.checked);
        }}
      />
      <div class="guide-step__state">
        <p class="guide-step__status">
          {tick
            ? fillTemplate(strings['stepCheck.ticked'], { time: formatTickTime(tick.tickedAt, lang) })
            : ''}
        </p>
        {edit && tick && !editing && !readOnly && (
          <button
            type="button"
            class="guide-step__action"
            ref={correctButton}
            aria-describedby={stepId}
            onClick={() => {
              setEditing(true);
              afterRender(() => timeInput.current?.focus());
            }}
          >
            {edit['stepEdit.correct']}
          </button>
        )}
        {edit && tick && editing && (
          // Our own messages replace the browser's validation bubbles (noValidate).
          <form class="guide-step__time-editor" noValidate onSubmit={save}>
            <label for={timeId}>{edit['stepEdit.timeLabel']}</label>{' '}
            <input
              type="datetime-local"
              id={timeId}
              ref={timeInput}
              defaultValue={toJapanTimeInput(tick.tickedAt)}
              min="2000-01-01T00:00"
              max={toJapanTimeInput(new Date())}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${timeId}-error` : undefined}
            />{' '}
            <button type="submit">{edit['stepEdit.save']}</button>{' '}
            <button type="button" onClick={closeEditor}>
              {edit['stepEdit.cancel']}
            </button>
            {error && (
              <p class="guide-step__time-error" id={`${timeId}-error`}>
                {edit[`stepEdit.error.${error}`]}
              </p>
            )}
          </form>
        )}
        {edit && canUndoUntick && (
          <p class="guide-step__undo">
            {edit['stepEdit.unticked']}
            <button
              type="button"
              class="guide-step__action"
              aria-describedby={stepId}
              onClick={() => {
                undoLastChange();
                afterRender(() => box.current?.focus());
              }}
            >
              {edit['stepEdit.undo']}
            </button>
          </p>
        )}
      </div>
    </>
  );
}

interface GuideProgressProps {
  guide: string;
  steps: StepInfo[];
  lang: string;
  strings: UiStrings<'checklist.' | 'progress.' | 'notice.' | 'stepEdit.'>;
  /** Shown under the next step: the current wait (islands/GuideWaitHeadline.tsx), on guides with waits. */
  children?: ComponentChildren;
}

/**
 * Progress of one guide: count and bar, a link to the next step (until the stored progress has been
 * read, the number of steps only: see ProgressSummary), print, reset and its undo, notices and the
 * status region.
 */
export function GuideProgress({ guide, steps, lang, strings, children }: GuideProgressProps) {
  const hydrated = useHydrated();
  const { done, total, nextStepId } = useHydratedStore(
    guideSummary(guide, steps),
    summarizeGuide(steps, undefined),
  );
  const readOnly = useHydratedStore($progressReadOnly, false);
  const announcement = useHydratedStore($announcement, undefined);
  const undo = useHydratedStore($undoOffer, undefined);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => $stepEditStrings.set(strings), [strings]);

  const next = steps.find((step) => step.id === nextStepId);
  const titleOf = (stepId: string) => steps.find((step) => step.id === stepId)?.title ?? '';
  const canUndoReset = undo?.kind === 'reset' && undo.guide === guide;

  let status = '';
  if (announcement && 'guide' in announcement && announcement.guide === guide) {
    if ('reset' in announcement) status = strings['checklist.announceReset'];
    else if ('undone' in announcement)
      status = fillTemplate(strings['checklist.announceUndone'], { done, total });
    else if ('corrected' in announcement)
      status = fillTemplate(strings['checklist.announceCorrected'], {
        title: titleOf(announcement.stepId),
        time: formatTickTime(announcement.corrected, lang),
      });
    else {
      const template = announcement.ticked
        ? strings['checklist.announceTicked']
        : strings['checklist.announceUnticked'];
      status = fillTemplate(template, { title: titleOf(announcement.stepId), done, total });
    }
    // The change just announced is the one on offer for undoing.
    if (undo?.guide === guide && !('undone' in announcement) && !('corrected' in announcement))
      status = `${status} ${strings['checklist.undoAvailable']}`;
  }

  const askToReset = () => {
    setConfirming(true);
    afterRender(() => confirmButton.current?.focus());
  };
  const closeQuestion = (confirmed: boolean) => {
    if (confirmed) resetGuide(guide);
    setConfirming(false);
    // After a reset the reset button is disabled: the summary says where the guide now stands.
    afterRender(() => (confirmed ? summary.current : resetButton.current)?.focus());
  };

  return (
    <section class="checklist-panel" aria-label={strings['checklist.panelLabel']}>
      <ProgressSummary
        hydrated={hydrated}
        done={done}
        total={total}
        countId={`progress-count-${guide}`}
        barLabel={strings['checklist.progressLabel']}
        next={next && { href: `#${next.id}`, title: next.title }}
        strings={strings}
        summaryRef={summary}
      />
      {children}
      <TimelineMarks guide={guide} nextStepId={nextStepId} hydrated={hydrated} />
      <div class="checklist-panel__reset">
        {!confirming && (
          // A clean A4 checklist: what is hidden and kept is in styles/print.css.
          <button
            type="button"
            class="checklist-panel__print"
            disabled={!hydrated}
            onClick={() => window.print()}
          >
            {strings['checklist.print']}
          </button>
        )}{' '}
        {confirming ? (
          <div role="group" aria-label={strings['checklist.reset']}>
            <p>{strings['checklist.resetQuestion']}</p>
            <ul>
              <li>{strings['checklist.resetClears']}</li>
              <li>{strings['checklist.resetKeeps']}</li>
            </ul>
            <button type="button" ref={confirmButton} onClick={() => closeQuestion(true)}>
              {strings['checklist.resetConfirm']}
            </button>{' '}
            <button type="button" onClick={() => closeQuestion(false)}>
              {strings['checklist.resetCancel']}
            </button>
          </div>
        ) : (
          <button
            type="button"
            ref={resetButton}
            disabled={!hydrated || readOnly || done === 0}
            onClick={askToReset}
          >
            {strings['checklist.reset']}
          </button>
        )}
        {canUndoReset && !confirming && (
          <p class="checklist-panel__undo">
            {strings['checklist.announceReset']}{' '}
            <button
              type="button"
              onClick={() => {
                undoLastChange();
                afterRender(() => summary.current?.focus());
              }}
            >
              {strings['checklist.undo']}
            </button>
          </p>
        )}
      </div>
      <StorageNotice strings={strings} />
      <p class="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
