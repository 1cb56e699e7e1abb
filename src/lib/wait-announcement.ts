import type { Lang } from './guides';
import { fillTemplate } from './template';
import type { UiStrings } from './ui-strings';
import { waitLine } from './wait-format';
import type { WaitNoticeItem, WaitState } from './waits';

/** Where a wait stands, without its times. */
export type WaitPhase = WaitState['phase'];

/**
 * What a screen reader is told when a wait's phase changes while the page is open (a tick starts
 * or ends it, or it runs late): the wait's one-line headline, never its explanations. Nothing when
 * the phase before is unknown (the stored progress or the holidays were still being read), when
 * the state now is unknown, or when nothing changed: opening a page announces nothing.
 */
export function waitAnnouncement(
  wait: Pick<WaitNoticeItem, 'rule' | 'label'> & { what: string },
  before: WaitPhase | undefined,
  state: WaitState | undefined,
  strings: UiStrings<'wait.' | 'waitLine.'>,
  lang: Lang,
  now: Date,
): string {
  if (!before || !state || before === state.phase) return '';
  const what = { what: wait.what };
  switch (state.phase) {
    case 'pending':
      return waitLine(wait.rule.kind, state, wait.label, strings, lang, now);
    case 'late':
      return fillTemplate(
        wait.rule.kind === 'recheck' ? strings['wait.announceRecheck'] : strings['wait.announceLate'],
        what,
      );
    case 'done':
      return fillTemplate(strings['wait.announceDone'], what);
    case 'not-started':
      return fillTemplate(strings['wait.announceNotStarted'], what);
  }
}
