import type { GuideProgressStrings } from '../islands/Checklist';
import type { HomeProgressStrings } from '../islands/HomeProgress';
import type { StorageNoticeStrings } from '../islands/StorageNotice';

/** Starlight's translation function, as found on Astro.locals.t. */
type Translate = App.Locals['t'];

/** The storage notices in the current page's language. */
function noticeStrings(t: Translate): StorageNoticeStrings {
  return {
    unavailable: t('checklist.noticeUnavailable'),
    recovered: t('checklist.noticeRecovered'),
    backupFailed: t('checklist.noticeBackupFailed'),
    newer: t('checklist.noticeNewer'),
  };
}

/** Strings of a guide's progress panel in the current page's language. */
export function guideProgressStrings(t: Translate): GuideProgressStrings {
  return {
    panelLabel: t('checklist.panelLabel'),
    count: t('checklist.count'),
    progressLabel: t('checklist.progressLabel'),
    next: t('checklist.next'),
    allDone: t('checklist.allDone'),
    reset: t('checklist.reset'),
    resetQuestion: t('checklist.resetQuestion'),
    resetConfirm: t('checklist.resetConfirm'),
    resetCancel: t('checklist.resetCancel'),
    announceTicked: t('checklist.announceTicked'),
    announceUnticked: t('checklist.announceUnticked'),
    announceReset: t('checklist.announceReset'),
    notices: noticeStrings(t),
  };
}

/** Strings of the home page's progress list in the current page's language. */
export function homeProgressStrings(t: Translate): HomeProgressStrings {
  return {
    count: t('checklist.count'),
    progressLabel: t('home.progressLabel'),
    next: t('checklist.next'),
    allDone: t('checklist.allDone'),
    notices: noticeStrings(t),
  };
}
