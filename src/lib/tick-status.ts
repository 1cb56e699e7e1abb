import { fillTemplate } from './template';
import type { Announcement } from '../stores/progress';
import type { UiStrings } from './ui-strings';

/**
 * The status after a tick or an untick, the only changes a guide's checklist makes before it loads
 * the rest (islands/checklist-extras.ts); empty after any other change.
 */
export function tickStatus(
  guide: string,
  announcement: Announcement | undefined,
  /** The guide of the change on offer for undoing, if any. */
  undoGuide: string | undefined,
  done: number,
  total: number,
  titleOf: (stepId: string) => string,
  strings: UiStrings<'checklist.'>,
): string {
  if (!announcement || !('ticked' in announcement) || announcement.guide !== guide) return '';
  const status = fillTemplate(
    strings[announcement.ticked ? 'checklist.announceTicked' : 'checklist.announceUnticked'],
    { title: titleOf(announcement.stepId), done, total },
  );
  // The change just announced is the one on offer for undoing.
  return undoGuide === guide ? `${status} ${strings['checklist.undoAvailable']}` : status;
}
