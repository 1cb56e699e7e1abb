import { guideWaits, waitsShownIn } from '../stores/waits';
import { fillTemplate } from '../lib/template';
import { waitLine } from '../lib/wait-format';
import { withRegistrationParameter } from '../lib/overview';
import type { WaitState } from '../lib/waits';
import type { HomeGuide, Lang } from '../lib/guides';
import { h, type HomeProgressStrings } from './home-progress';

/**
 * A guide's running waits on the home page, under its count and next step: what it waits for, until
 * when, and where the figures come from, redrawn when their text changes. Loaded by
 * islands/home-progress.ts once a wait of the guide is underway.
 */
export function drawGuideWaits(
  item: HTMLElement,
  guide: HomeGuide,
  lang: Lang,
  strings: HomeProgressStrings,
): void {
  const show = waitDisplay(item, guide, lang, strings);
  const rules = guide.waits.map((wait) => wait.rule);
  // The clock wakes the lines only while the guide's item is on screen, when their text would change.
  waitsShownIn(guide.guide, rules)(item);
  guideWaits(guide.guide, rules).subscribe(({ states, now }) => show(states, now));
}

/**
 * Draws a guide's running waits at the end of its `item` (one per rule in `states`, at `now`), again
 * only when their text changes; their links open `registration` when given (the overview of several
 * registrations, islands/home-overview.ts).
 */
export function waitDisplay(
  item: HTMLElement,
  guide: HomeGuide,
  lang: Lang,
  strings: HomeProgressStrings,
): (states: readonly (WaitState | undefined)[], now: Date, registration?: string) => void {
  let shown: HTMLElement[] = [];
  let shownText: string | undefined;
  return (states, now, registration) => {
    const running = guide.waits.flatMap((wait, index) => {
      const state = states[index];
      return state && (state.phase === 'pending' || state.phase === 'late') ? [{ wait, state }] : [];
    });
    const lines = running.map(({ wait, state }) =>
      state.phase === 'late'
        ? fillTemplate(strings[wait.rule.kind === 'recheck' ? 'home.waitRecheck' : 'home.waitLate'], {
            what: wait.what,
          })
        : `${wait.what} — ${waitLine(wait.rule.kind, state, wait.label, strings, lang, now)}`,
    );
    const href = (wait: HomeGuide['waits'][number]) =>
      registration === undefined ? wait.href : withRegistrationParameter(wait.href, registration);
    // The list is drawn again only when its text changes.
    const text = [registration, ...lines].join('\n');
    if (text === shownText) return;
    shownText = text;
    for (const element of shown) element.remove();
    shown =
      running.length === 0
        ? []
        : [
            h('p', { class: 'home-progress__waits-heading' }, strings['home.waitsHeading']),
            h(
              'ul',
              { class: 'home-progress__waits' },
              ...running.map(({ wait }, index) =>
                h('li', { 'data-wait': wait.rule.id }, h('a', { href: href(wait) }, lines[index] ?? '')),
              ),
            ),
            h(
              'p',
              { class: 'home-progress__source' },
              [...new Set(running.map(({ wait }) => wait.source))].join(' '),
            ),
          ];
    item.append(...shown);
  };
}
