import { useState } from 'preact/hooks';
import { useHydrated, useHydratedStore } from './hydration';
import { StorageNotice } from './StorageNotice';
import { ProgressSummary } from './ProgressSummary';
import { guideSummary } from '../stores/progress-summary';
import { WAITS_UNREAD, guideWaits, waitsShownIn } from '../stores/waits';
import { summarizeGuide } from '../lib/progress';
import { fillTemplate } from '../lib/template';
import { waitLine } from '../lib/wait-format';
import type { HomeGuide, Lang } from '../lib/guides';
import type { HomeWait } from '../lib/waits';
import type { UiStrings } from '../lib/ui-strings';

type HomeProgressStrings = UiStrings<'home.' | 'progress.' | 'notice.' | 'waitLine.'>;

/**
 * The progress of every guide, each with a link to its next step; until the stored progress has
 * been read (with JavaScript off, always), each guide's number of steps only (see ProgressSummary).
 */
export default function HomeProgress({
  guides,
  lang,
  strings,
}: {
  guides: HomeGuide[];
  lang: Lang;
  strings: HomeProgressStrings;
}) {
  const hydrated = useHydrated();
  return (
    <div class="home-progress">
      <StorageNotice strings={strings} />
      <ul class="home-progress__list" role="list">
        {guides.map((guide) => (
          <HomeGuideItem key={guide.guide} {...guide} hydrated={hydrated} lang={lang} strings={strings} />
        ))}
      </ul>
    </div>
  );
}

/** One guide of the list: its title, step count and bar, next step, and running waits. */
function HomeGuideItem({
  guide,
  title,
  href,
  steps,
  waits,
  hydrated,
  lang,
  strings,
}: HomeGuide & { hydrated: boolean; lang: Lang; strings: HomeProgressStrings }) {
  const { done, total, nextStepId } = useHydratedStore(
    guideSummary(guide, steps),
    summarizeGuide(steps, undefined),
  );
  const next = steps.find((step) => step.id === nextStepId);
  return (
    <li class="home-progress__guide" data-guide={guide}>
      <a class="home-progress__title" href={href}>
        {title}
      </a>
      <ProgressSummary
        hydrated={hydrated}
        done={done}
        total={total}
        countId={`home-progress-count-${guide}`}
        barLabel={fillTemplate(strings['home.progressLabel'], { title })}
        next={next && { href: `${href}#${next.id}`, title: next.title }}
        strings={strings}
      />
      {waits.length > 0 && <GuideWaits guide={guide} lang={lang} waits={waits} strings={strings} />}
    </li>
  );
}

/** What a guide is waiting for and until when; nothing when no wait is running. */
function GuideWaits({
  guide,
  lang,
  waits,
  strings,
}: {
  guide: string;
  lang: Lang;
  waits: HomeWait[];
  strings: HomeProgressStrings;
}) {
  const rules = waits.map((wait) => wait.rule);
  const { states, now } = useHydratedStore(guideWaits(guide, rules), WAITS_UNREAD);
  const [shownIn] = useState(() => waitsShownIn(guide, rules));
  const running = waits.flatMap((wait, index) => {
    const state = states[index];
    return state && (state.phase === 'pending' || state.phase === 'late') ? [{ wait, state }] : [];
  });
  if (running.length === 0) return null;
  return (
    <>
      <p class="home-progress__waits-heading">{strings['home.waitsHeading']}</p>
      <ul class="home-progress__waits" ref={shownIn}>
        {running.map(({ wait, state }) => (
          <li key={wait.rule.id} data-wait={wait.rule.id}>
            <a href={wait.href}>
              {state.phase === 'late'
                ? fillTemplate(
                    wait.rule.kind === 'recheck' ? strings['home.waitRecheck'] : strings['home.waitLate'],
                    {
                      what: wait.what,
                    },
                  )
                : `${wait.what} — ${waitLine(wait.rule.kind, state, wait.label, strings, lang, now)}`}
            </a>
          </li>
        ))}
      </ul>
      <p class="home-progress__source">{[...new Set(running.map(({ wait }) => wait.source))].join(' ')}</p>
    </>
  );
}
