import type { GuideProgressStrings } from '../islands/Checklist';
import type { HomeProgressStrings } from '../islands/HomeProgress';
import type { ProgressSummaryStrings } from '../islands/ProgressSummary';
import type { StorageNoticeStrings } from '../islands/StorageNotice';
import type { WaitStrings } from '../islands/WaitNotice';
import type { Translate } from './ui-strings';
import { BUSINESS_DAY_CUTOFF_HOUR, YEAR_END_CLOSURE } from '../config/business-calendar';
import type { Lang } from '../lib/guides';
import { MONTHS_EN, type WaitLineTemplates } from '../lib/wait-format';
import { fillTemplate } from '../lib/template';

/** The storage notices in the current page's language. */
export function noticeStrings(t: Translate): StorageNoticeStrings {
  return {
    unavailable: t('checklist.noticeUnavailable'),
    full: t('checklist.noticeFull'),
    recovered: t('checklist.noticeRecovered'),
    backupFailed: t('checklist.noticeBackupFailed'),
    newer: t('checklist.noticeNewer'),
  };
}

/** Strings of a guide's step count and next step, on its page and on the home page. */
function progressSummaryStrings(t: Translate): ProgressSummaryStrings {
  return {
    count: t('checklist.count'),
    stepTotal: t('checklist.stepTotal'),
    next: t('checklist.next'),
    allDone: t('checklist.allDone'),
  };
}

/** Strings of a guide's progress panel in the current page's language. */
export function guideProgressStrings(t: Translate): GuideProgressStrings {
  return {
    ...progressSummaryStrings(t),
    panelLabel: t('checklist.panelLabel'),
    progressLabel: t('checklist.progressLabel'),
    reset: t('checklist.reset'),
    resetQuestion: t('checklist.resetQuestion'),
    resetConfirm: t('checklist.resetConfirm'),
    resetCancel: t('checklist.resetCancel'),
    print: t('checklist.print'),
    announceTicked: t('checklist.announceTicked'),
    announceUnticked: t('checklist.announceUnticked'),
    announceReset: t('checklist.announceReset'),
    notices: noticeStrings(t),
  };
}

/** Strings of the home page's progress list in the current page's language. */
export function homeProgressStrings(t: Translate): HomeProgressStrings {
  return {
    ...progressSummaryStrings(t),
    progressLabel: t('home.progressLabel'),
    notices: noticeStrings(t),
    waitsHeading: t('home.waitsHeading'),
    waitLines: waitLineTemplates(t),
    waitLate: t('home.waitLate'),
    waitRecheck: t('home.waitRecheck'),
  };
}

function waitLineTemplates(t: Translate): WaitLineTemplates {
  return { window: t('wait.window'), deadline: t('wait.deadline'), recheck: t('wait.recheck') };
}

/** Strings of the wait notices in the current page's language, with the calendar rules filled in. */
export function waitStrings(t: Translate, lang: Lang): WaitStrings {
  const { from, to } = YEAR_END_CLOSURE;
  const day = (month: number, date: number) =>
    lang === 'ja' ? `${month}月${date}日` : `${date} ${MONTHS_EN[month - 1]}`;
  return {
    lines: waitLineTemplates(t),
    basis: t('wait.basis'),
    businessDayRules: fillTemplate(t('wait.businessDayRules'), {
      closure: `${day(from.month, from.day)}${lang === 'ja' ? '〜' : ' – '}${day(to.month, to.day)}`,
      cutoff: BUSINESS_DAY_CUTOFF_HOUR,
    }),
    holidaysFailed: t('wait.holidaysFailed'),
    help: t('wait.help'),
  };
}
