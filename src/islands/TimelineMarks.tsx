import { useEffect } from 'preact/hooks';
import { useHydratedStore } from './hydration';
import { $progress } from '../stores/progress';
import { emptyProgress } from '../lib/progress-data';
import { phaseState } from '../lib/progress';

const EMPTY = emptyProgress();

/**
 * Marks the phases of the timeline under a guide's title (components/guide/GuideTimeline.astro) as
 * finished or current, once the stored progress has been read. The timeline is static HTML: each
 * phase lists its counted steps in `data-steps` and holds its 「完了」/「現在」 words, which
 * styles/timeline.css shows by `data-state`; the current phase's link gets aria-current="step".
 */
export function TimelineMarks(props: { guide: string; nextStepId: string | undefined; hydrated: boolean }) {
  const ticks = useHydratedStore($progress, EMPTY).guides[props.guide];
  useEffect(() => {
    if (!props.hydrated) return;
    for (const phase of document.querySelectorAll<HTMLElement>('.tl [data-steps]')) {
      const state = phaseState(phase.dataset.steps!.split(' '), ticks, props.nextStepId) ?? '';
      phase.dataset.state = state;
      phase.firstElementChild!.ariaCurrent = state === 'current' ? 'step' : null;
    }
  });
  return null;
}
