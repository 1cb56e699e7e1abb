import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useHydratedStore } from './hydration';
import { keepFragmentTargetInPlace } from './fragment-target';
import { WAITS_UNREAD, guideWaits, waitsShownIn } from '../stores/waits';
import { formatDayTime, waitLine } from '../lib/wait-format';
import { waitAnnouncement, type WaitPhase } from '../lib/wait-announcement';
import { fillTemplate } from '../lib/template';
import type { Lang } from '../lib/guides';
import type { WaitNoticeItem } from '../lib/waits';
import type { UiStrings } from '../lib/ui-strings';

interface WaitNoticeProps {
  guide: string;
  lang: Lang;
  /** `what` names the wait in what is announced when it changes. */
  waits: (WaitNoticeItem & { what: string })[];
  /** `wait.businessDayRules` comes with the calendar's rules filled in. */
  strings: UiStrings<'wait.' | 'waitLine.'>;
}

/**
 * The waits a step is waiting for: the expected window or deadline once the starting step is ticked,
 * a live countdown for short deadlines, and what to do once it has run late. Shows nothing before
 * the wait starts or after it is over. Screen readers hear only the headline of a change that
 * happens while the page is open (a wait starts, runs late or ends), never the notices themselves.
 */
export default function WaitNotice({ guide, lang, waits, strings }: WaitNoticeProps) {
  const rules = waits.map((wait) => wait.rule);
  const { states, now, holidaysFailed } = useHydratedStore(guideWaits(guide, rules), WAITS_UNREAD);
  const [shownIn] = useState(() => waitsShownIn(guide, rules));
  // Notices appear after load, above the step a link may have scrolled to: put it back in view.
  const shown = states.map((state) => state?.phase ?? '').join() + String(holidaysFailed);
  useLayoutEffect(keepFragmentTargetInPlace, [shown]);
  // The phases last known (kept while holidays load), to tell a change from the first reading.
  const known = useRef<(WaitPhase | undefined)[]>([]);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    // A business-day wait has no state while the holidays it now needs load: a tick that changes
    // several waits is announced once they all can be read, in one message, not one replacing another.
    if (waits.some((_, index) => !states[index] && known.current[index])) return;
    const news = waits
      .map((wait, index) => waitAnnouncement(wait, known.current[index], states[index], strings, lang, now))
      .filter(Boolean);
    known.current = waits.map((_, index) => states[index]?.phase ?? known.current[index]);
    if (news.length > 0) setAnnouncement(news.join(' '));
  }, [states]);
  // Japanese sentences follow each other without a space.
  const space = lang === 'ja' ? '' : ' ';
  return (
    <div class="wait-notices" ref={shownIn}>
      <p class="sr-only" role="status">
        {announcement}
      </p>
      {waits.map((wait, index) => {
        const state = states[index];
        if (!state || state.phase === 'not-started' || state.phase === 'done') return null;
        const { kind } = wait.rule;
        const late = state.phase === 'late';
        return (
          <div
            class={`wait-notice${late ? ' wait-notice--late' : ''}`}
            key={wait.rule.id}
            data-wait={wait.rule.id}
          >
            <p class="wait-notice__when">{waitLine(kind, state, wait.label, strings, lang, now)}</p>
            {late && <p class="wait-notice__late">{wait.late}</p>}
            {late && wait.links.length > 0 && (
              <>
                <p class="wait-notice__help">{strings['wait.help']}</p>
                <ul class="wait-notice__links">
                  {wait.links.map((link) => (
                    <li key={link.href}>
                      <a href={link.href}>{link.text}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p class="wait-notice__basis">
              {fillTemplate(strings['wait.basis'], {
                step: wait.startTitle,
                time: formatDayTime(state.startedAt, lang, now),
              })}
              {kind === 'business-days' && space + strings['wait.businessDayRules']}
              {kind === 'business-days' && holidaysFailed && space + strings['wait.holidaysFailed']}
              {space + wait.source}
            </p>
          </div>
        );
      })}
    </div>
  );
}
