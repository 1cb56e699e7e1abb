import { guideWaits, waitsShownIn } from '../stores/waits';
import { fillTemplate } from '../lib/template';
import { waitLine } from '../lib/wait-format';
import type { WaitState } from '../lib/waits';
import type { HomeGuide, Lang } from '../lib/guides';
import { h, type HomeProgressStrings } from './home-progress';

// What the overview of several registrations (islands/home-overview.ts) works out waits with, from
// this one file it loads for them.
export { waitsAt } from '../stores/waits';
export { $holidayYears, loadHolidayYears } from '../stores/holidays';
export { timeShownIn } from '../stores/clock';
export { holidayYearsNeeded } from '../lib/waits';
export { waitsChangeAt } from '../lib/wait-schedule';

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
 * only when their text changes; `linkTo` gives the address each links to (in the overview of several
 * registrations, islands/home-overview.ts, with the registration's `?r=`).
 */
export function waitDisplay(
  item: HTMLElement,
  guide: HomeGuide,
  lang: Lang,
  strings: HomeProgressStrings,
  linkTo = (href: string) => href,
): (states: readonly (WaitState | undefined)[], now: Date) => void {
  let shown: HTMLElement[] = [];
  let shownText: string | undefined;
  return (states, now) => {
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
    // The list is drawn again only when its text changes.
    const text = lines.join('\n');
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
                h(
                  'li',
                  { 'data-wait': wait.rule.id },
                  h('a', { href: linkTo(wait.href) }, lines[index] ?? ''),
                ),
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
