import { useWaits } from './use-waits';
import { formatDayTime, waitLine, type WaitLineTemplates } from '../lib/wait-format';
import { fillTemplate } from '../lib/template';
import type { Lang } from '../lib/guides';
import type { WaitRule } from '../lib/waits';

/** Interface strings shared by every wait notice, in the page's language. */
export interface WaitStrings {
  lines: WaitLineTemplates;
  /** With `{step}` and `{time}`. */
  basis: string;
  /** How business days are counted (business-day waits only), already filled in. */
  businessDayRules: string;
  holidaysFailed: string;
  help: string;
}

/** One wait as the waiting step shows it. */
export interface WaitNoticeItem {
  rule: WaitRule;
  label: string;
  late: string;
  /** Title of the step whose tick starts the wait. */
  startTitle: string;
  /** Where to turn when it runs late: troubleshooting entry, next step, seed documents. */
  links: { href: string; text: string }[];
}

interface WaitNoticeProps {
  guide: string;
  lang: Lang;
  waits: WaitNoticeItem[];
  strings: WaitStrings;
}

/**
 * The waits a step is waiting for: the expected window or deadline once the starting step is ticked,
 * a live countdown for short deadlines, and what to do once it has run late. Shows nothing before
 * the wait starts or after it is over.
 */
export default function WaitNotice({ guide, lang, waits, strings }: WaitNoticeProps) {
  const { states, now, holidaysFailed } = useWaits(
    guide,
    waits.map((wait) => wait.rule),
  );
  // Japanese sentences follow each other without a space.
  const space = lang === 'ja' ? '' : ' ';
  return (
    <div class="wait-notices" aria-live="polite">
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
            <p class="wait-notice__when">
              {/* A countdown read out every second would drown the page: only the switch to late is announced. */}
              <span aria-live="off">{waitLine(kind, state, wait.label, strings.lines, lang, now)}</span>
            </p>
            {late && <p class="wait-notice__late">{wait.late}</p>}
            {late && wait.links.length > 0 && (
              <>
                <p class="wait-notice__help">{strings.help}</p>
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
              {fillTemplate(strings.basis, {
                step: wait.startTitle,
                time: formatDayTime(state.startedAt, lang, now),
              })}
              {kind === 'business-days' && space + strings.businessDayRules}
              {kind === 'business-days' && holidaysFailed && space + strings.holidaysFailed}
            </p>
          </div>
        );
      })}
    </div>
  );
}
