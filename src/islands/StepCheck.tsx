import { useHydratedStore, useHydrated } from './hydration';
import { $progress, $progressReadOnly, setStepTicked } from '../stores/progress';
import { emptyProgress } from '../lib/progress-data';
import { fillTemplate, formatTickTime } from '../lib/progress';

interface Props {
  guide: string;
  stepId: string;
  lang: string;
  /** UI string with `{time}`, e.g. "{time} に完了". */
  tickedTemplate: string;
}

const EMPTY = emptyProgress();

/** The checkbox of one guide step and the time it was ticked. The step's title is its <label>. */
export default function StepCheck({ guide, stepId, lang, tickedTemplate }: Props) {
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
        {tick ? fillTemplate(tickedTemplate, { time: formatTickTime(tick.tickedAt, lang) }) : ''}
      </p>
    </>
  );
}
