import { formatTickTime } from './progress';
import { fillTemplate } from './template';
import { tickStatus } from './tick-status';
import type { Announcement } from '../stores/progress';
import type { UiStrings } from './ui-strings';

/**
 * What a guide's polite status region says after the user's last change (a tick, a reset, an undo or
 * a corrected time): the change, the count it left, and whether it can be undone. Empty when the last
 * change was not made in this guide.
 */
export function guideStatus(
  guide: string,
  announcement: Announcement | undefined,
  undoGuide: string | undefined,
  done: number,
  total: number,
  titleOf: (stepId: string) => string,
  strings: UiStrings<'checklist.'>,
  lang: string,
): string {
  if (!announcement || !('guide' in announcement) || announcement.guide !== guide) return '';
  if ('reset' in announcement)
    return undoGuide === guide
      ? `${strings['checklist.announceReset']} ${strings['checklist.undoAvailable']}`
      : strings['checklist.announceReset'];
  if ('undone' in announcement) return fillTemplate(strings['checklist.announceUndone'], { done, total });
  if ('corrected' in announcement)
    return fillTemplate(strings['checklist.announceCorrected'], {
      title: titleOf(announcement.stepId),
      time: formatTickTime(announcement.corrected, lang),
    });
  return tickStatus(guide, announcement, undoGuide, done, total, titleOf, strings);
}
