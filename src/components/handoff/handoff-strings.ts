import type {
  HandoffMessageStrings,
  ImportFailure,
  ProgressTransferStrings,
  RecordTableStrings,
} from '../../islands/Handoff';
import { noticeStrings } from '../checklist-strings';
import { RECORD_ERROR_CODES } from '../records/record-views';
import type { Translate, UiKey } from '../ui-strings';

/** Strings of the message to the distributor in the current page's language. */
export function handoffMessageStrings(t: Translate): HandoffMessageStrings {
  return {
    label: t('handoff.messageLabel'),
    hint: t('handoff.messageHint'),
    copy: t('handoff.copy'),
    copied: t('handoff.copied'),
    failed: t('handoff.copyFailed'),
    missing: t('handoff.missing'),
    composedFrom: t('handoff.composedFrom'),
  };
}

/** Strings of the table of records in the current page's language. */
export function recordTableStrings(t: Translate): RecordTableStrings {
  return {
    caption: t('handoff.recordsCaption'),
    field: t('handoff.recordsField'),
    value: t('handoff.recordsValue'),
    step: t('handoff.recordsStep'),
    notEntered: t('handoff.notEntered'),
    notShown: t('handoff.notShown'),
  };
}

/** Every reason an import is refused, listed so that the compiler flags a reason without a string. */
const FAILURES: Record<ImportFailure, null> = {
  'not-json': null,
  'not-ours': null,
  'newer-version': null,
  'bad-content': null,
  'too-large': null,
  unreadable: null,
};

/** Reasons an entry of a file is left out, beyond the record checks' own (see RefusedEntry). */
const REFUSAL_REASONS = [
  'bad-time',
  'bad-key',
  'malformed',
  'over-limit.unknownGuides',
  'over-limit.stepsPerGuide',
  'over-limit.unknownRecords',
] as const;

/** The UI string keys of the import errors, for the check that both languages have them all. */
export function importFailureKeys(): string[] {
  return [
    ...Object.keys(FAILURES).map((code) => `handoff.error.${code}`),
    ...REFUSAL_REASONS.map((reason) => `handoff.refused.${reason}`),
  ];
}

/** Strings of the export and import controls in the current page's language. */
export function progressTransferStrings(t: Translate): ProgressTransferStrings {
  return {
    export: t('handoff.export'),
    exported: t('handoff.exported'),
    importLabel: t('handoff.importLabel'),
    importHint: t('handoff.importHint'),
    readOnly: t('handoff.readOnly'),
    errors: Object.fromEntries(
      Object.keys(FAILURES).map((code) => [code, t(`handoff.error.${code}` as UiKey)]),
    ) as ProgressTransferStrings['errors'],
    unchanged: t('handoff.unchanged'),
    nothingNew: t('handoff.nothingNew'),
    previewHeading: t('handoff.previewHeading'),
    previewIntro: t('handoff.previewIntro'),
    countTicks: t('handoff.countTicks'),
    countRecords: t('handoff.countRecords'),
    changeAdded: t('handoff.changeAdded'),
    changeOverwritten: t('handoff.changeOverwritten'),
    confirm: t('handoff.confirm'),
    cancel: t('handoff.cancel'),
    imported: t('handoff.imported'),
    importedNotSaved: t('handoff.importedNotSaved'),
    refusedHeading: t('handoff.refusedHeading'),
    refusedIntro: t('handoff.refusedIntro'),
    refusedReasons: Object.fromEntries([
      ...RECORD_ERROR_CODES.map((code): [string, string] => [code, t(`record.error.${code}` as UiKey)]),
      ...REFUSAL_REASONS.map((reason): [string, string] => [reason, t(`handoff.refused.${reason}` as UiKey)]),
    ]),
    refusedMore: t('handoff.refusedMore'),
    cancelled: t('handoff.cancelled'),
    notices: noticeStrings(t),
  };
}
