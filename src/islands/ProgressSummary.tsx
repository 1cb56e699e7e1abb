import type { Ref } from 'preact';
import { fillTemplate } from '../lib/template';
import type { UiStrings } from '../lib/ui-strings';

interface ProgressSummaryProps {
  /** False until the island has read the stored progress (always, with JavaScript off). */
  hydrated: boolean;
  done: number;
  total: number;
  /** Id of the count, which describes the bar. */
  countId: string;
  /** Accessible name of the bar. */
  barLabel: string;
  /** The next step to do, if any. */
  next: { href: string; title: string } | undefined;
  strings: UiStrings<'progress.'>;
  /**
   * Given when focus is moved to the summary (after a reset): it can then take focus and is named
   * by the count.
   */
  summaryRef?: Ref<HTMLDivElement>;
}

/**
 * A guide's step count with its bar, and the next step, as a guide's progress panel and the home
 * page show them. Progress lives in this browser only, so the server-rendered HTML (all a visitor
 * without JavaScript sees) gives the number of steps, no count, bar or next step: those appear once
 * the island has read the storage, in the space kept for them (styles/checklist.css).
 */
export function ProgressSummary({
  hydrated,
  done,
  total,
  countId,
  barLabel,
  next,
  strings,
  summaryRef,
}: ProgressSummaryProps) {
  return (
    <>
      <div
        class="checklist-panel__summary"
        {...(summaryRef && { ref: summaryRef, tabIndex: -1, role: 'group', 'aria-labelledby': countId })}
      >
        <span class="checklist-panel__count" id={countId}>
          {fillTemplate(hydrated ? strings['progress.count'] : strings['progress.stepTotal'], {
            done,
            total,
          })}
        </span>
        {hydrated ? (
          <progress
            class="checklist-panel__bar"
            max={total}
            value={done}
            aria-label={barLabel}
            aria-describedby={countId}
          />
        ) : (
          <span class="checklist-panel__bar" />
        )}
      </div>
      <p class="checklist-panel__next">
        {hydrated &&
          (next ? (
            <>
              {strings['progress.next']} <a href={next.href}>{next.title}</a>
            </>
          ) : (
            strings['progress.allDone']
          ))}
      </p>
    </>
  );
}
