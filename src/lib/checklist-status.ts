import { formatTickTime } from './progress';
import { fillTemplate } from './template';
import type { Announcement } from '../stores/progress';
import type { UiStrings } from './ui-strings';

/**
 * What a guide's polite status region says after the user's last change: the change, the count it
 * left, and whether it can be undone. Empty when the last change was not made in this guide.
 */
export function guideStatus(
  guide: string,
  announcement: Announcement | undefined,
  /** The guide of the change on offer for undoing, if any. */
  undoGuide: string | undefined,
  done: number,
  total: number,
  titleOf: (stepId: string) => string,
  strings: UiStrings<'checklist.'>,
  lang: string,
): string {
  if (!announcement || !('guide' in announcement) || announcement.guide !== guide) return '';
  let status: string;
  if ('reset' in announcement) status = strings['checklist.announceReset'];
  else if ('undone' in announcement)
    status = fillTemplate(strings['checklist.announceUndone'], { done, total });
  else if ('corrected' in announcement)
    status = fillTemplate(strings['checklist.announceCorrected'], {
      title: titleOf(announcement.stepId),
      time: formatTickTime(announcement.corrected, lang),
    });
  else
    status = fillTemplate(
      strings[announcement.ticked ? 'checklist.announceTicked' : 'checklist.announceUnticked'],
      { title: titleOf(announcement.stepId), done, total },
    );
  // The change just announced is the one on offer for undoing.
  if (undoGuide === guide && !('undone' in announcement) && !('corrected' in announcement))
    status = `${status} ${strings['checklist.undoAvailable']}`;
  return status;
}
