import { useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useHydrated, useHydratedStore } from './hydration';
import { StorageNotice } from './StorageNotice';
import { ProgressSummary } from './ProgressSummary';
import { TimelineMarks } from './TimelineMarks';
import { $announcement, $progress, $progressReadOnly, resetGuide, setStepTicked } from '../stores/progress';
import { guideSummary } from '../stores/progress-summary';
import { emptyProgress } from '../lib/progress-data';
import { formatTickTime, summarizeGuide } from '../lib/progress';
import { fillTemplate } from '../lib/template';
import type { StepInfo } from '../lib/steps';
import type { UiStrings } from '../lib/ui-strings';

/**
 * The checklist's islands of a guide page, in one module so that a guide loads one file for both:
 * the checkbox of each step and the progress panel under the title.
 */

const EMPTY = emptyProgress();

interface StepCheckProps {
  guide: string;
  stepId: string;
  lang: string;
  strings: UiStrings<'stepCheck.'>;
}

/** The checkbox of one guide step and the time it was ticked. The step's title is its <label>. */
export function StepCheck({ guide, stepId, lang, strings }: StepCheckProps) {
  const hydrated = useHydrated();
  const progress = useHydratedStore($progress, EMPTY);
  const readOnly = useHydratedStore($progressReadOnly, false);
  const tick = progress.guides[guide]?.[stepId];

  return (
    <>
      <input
        type="checkbox"
        class="guide-step__check"
        id={`check-${stepId}`}
        checked={tick !== undefined}
        disabled={!hydrated || readOnly}
        onChange={(event) => setStepTicked(guide, stepId, event.currentTarget.checked)}
      />
      <p class="guide-step__status">
        {tick ? fillTemplate(strings['stepCheck.ticked'], { time: formatTickTime(tick.tickedAt, lang) }) : ''}
      </p>
    </>
  );
}

interface GuideProgressProps {
  guide: string;
  steps: StepInfo[];
  strings: UiStrings<'checklist.' | 'progress.' | 'notice.'>;
  /** Shown under the next step: the current wait (islands/GuideWaitHeadline.tsx), on guides with waits. */
  children?: ComponentChildren;
}

/**
 * Progress of one guide: count and bar, a link to the next step (until the stored progress has been
 * read, the number of steps only: see ProgressSummary), print, reset, notices and the status region.
 */
export function GuideProgress({ guide, steps, strings, children }: GuideProgressProps) {
  const hydrated = useHydrated();
  const { done, total, nextStepId } = useHydratedStore(
    guideSummary(guide, steps),
    summarizeGuide(steps, undefined),
  );
  const readOnly = useHydratedStore($progressReadOnly, false);
  const announcement = useHydratedStore($announcement, undefined);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const next = steps.find((step) => step.id === nextStepId);

  let status = '';
  if (announcement && 'guide' in announcement && announcement.guide === guide) {
    if ('reset' in announcement) status = strings['checklist.announceReset'];
    else {
      const title = steps.find((step) => step.id === announcement.stepId)?.title ?? '';
      const template = announcement.ticked
        ? strings['checklist.announceTicked']
        : strings['checklist.announceUnticked'];
      status = fillTemplate(template, { title, done, total });
    }
  }

  const askToReset = () => {
    setConfirming(true);
    requestAnimationFrame(() => confirmButton.current?.focus());
  };
  const closeQuestion = (confirmed: boolean) => {
    if (confirmed) resetGuide(guide);
    setConfirming(false);
    requestAnimationFrame(() => resetButton.current?.focus());
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
            <span>{strings['checklist.resetQuestion']}</span>{' '}
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
      </div>
      <StorageNotice strings={strings} />
      <p class="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
