import { useHydratedStore } from './hydration';
import { StorageNotice, type StorageNoticeStrings } from './StorageNotice';
import { $progress } from '../stores/progress';
import { emptyProgress } from '../lib/progress-data';
import { summarizeGuide } from '../lib/progress';
import { fillTemplate } from '../lib/template';
import type { StepInfo } from '../lib/steps';

/** One guide as the home page lists it. */
export interface HomeGuide {
  guide: string;
  title: string;
  href: string;
  steps: StepInfo[];
}

/** Interface strings of the home page's progress list. */
export interface HomeProgressStrings {
  count: string;
  /** With `{title}`. */
  progressLabel: string;
  next: string;
  allDone: string;
  notices: StorageNoticeStrings;
}

const EMPTY = emptyProgress();

/** The progress of every guide, each with a link to its next step. */
export default function HomeProgress({
  guides,
  strings,
}: {
  guides: HomeGuide[];
  strings: HomeProgressStrings;
}) {
  const progress = useHydratedStore($progress, EMPTY);
  return (
    <div class="home-progress">
      <StorageNotice strings={strings.notices} />
      <ul class="home-progress__list" role="list">
        {guides.map(({ guide, title, href, steps }) => {
          const { done, total, nextStepId } = summarizeGuide(
            steps.map((step) => step.id),
            progress.guides[guide],
          );
          const next = steps.find((step) => step.id === nextStepId);
          const countId = `home-progress-count-${guide}`;
          return (
            <li class="home-progress__guide" key={guide} data-guide={guide}>
              <a class="home-progress__title" href={href}>
                {title}
              </a>
              <div class="checklist-panel__summary">
                <span class="checklist-panel__count" id={countId}>
                  {fillTemplate(strings.count, { done, total })}
                </span>
                <progress
                  class="checklist-panel__bar"
                  max={total}
                  value={done}
                  aria-label={fillTemplate(strings.progressLabel, { title })}
                  aria-describedby={countId}
                />
              </div>
              <p class="checklist-panel__next">
                {next ? (
                  <>
                    {strings.next} <a href={`${href}#${next.id}`}>{next.title}</a>
                  </>
                ) : (
                  strings.allDone
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
