import type { RecordFieldView, RecordStrings } from '../../islands/RecordFields';
import type { Lang } from '../../lib/guides';
import { recordText, registryChoiceLabel } from '../../content-queries/guide-registry';
import {
  recordFieldsOfStep,
  type RecordErrorCode,
  type RecordKind,
  type RecordWarningCode,
} from '../../lib/records';

import type { Translate, UiKey } from '../ui-strings';

/** The label of a record field in a language, from the guide registry (src/content/guides/). */
export function recordLabel(fieldId: string, lang: Lang): string {
  const text = recordText(fieldId, lang);
  if (!text)
    throw new Error(
      `Record field ${fieldId} has no label in ${lang}: add it under recordTexts in its guide's file`,
    );
  return text.label;
}

/** The label of a stored choice in a language: 「リセラー（Solution Provider）」, "Solution Provider". */
export function choiceLabel(value: string, lang: Lang): string {
  const label = registryChoiceLabel(value, lang);
  return label !== undefined && label !== value ? `${label}（${value}）` : value;
}

/** The record fields of a step, with their texts in the page's language. */
export function recordFieldViews(stepId: string, t: Translate, lang: Lang): RecordFieldView[] {
  return recordFieldsOfStep(stepId).map((field) => ({
    id: field.id,
    kind: field.kind,
    label: recordLabel(field.id, lang),
    hint: recordText(field.id, lang)?.hint ?? '',
    ...('choices' in field && field.choices
      ? { choices: field.choices.map((value) => ({ value, label: choiceLabel(value, lang) })) }
      : {}),
  }));
}

/** Every error and warning code, listed so that the compiler flags a code without a string. */
const ERRORS: Record<RecordErrorCode, null> = {
  'unknown-field': null,
  'too-long': null,
  'control-character': null,
  'not-email': null,
  'not-domain': null,
  'not-sign-in-name': null,
  'not-digits': null,
  'not-date': null,
  'future-date': null,
  'not-a-choice': null,
  'line-break': null,
  'not-normalised': null,
};
const WARNINGS: Record<RecordWarningCode, null> = {
  'free-mail': null,
  'reserved-word': null,
  'domain-mismatch': null,
};

/** Every record error code, for the messages of values refused on import. */
export const RECORD_ERROR_CODES = Object.keys(ERRORS) as RecordErrorCode[];

/** The UI string keys of the record fields' messages, for the check that both languages have them all. */
export function recordStringKeys(): string[] {
  return [
    ...Object.keys(ERRORS).map((code) => `record.error.${code}`),
    ...Object.keys(WARNINGS).map((code) => `record.warning.${code}`),
  ];
}

/**
 * The messages validation can give for each kind of field, beyond those any field can give. Each
 * record island carries only the messages of its fields, which keeps the page's HTML small.
 */
export const MESSAGES_BY_KIND: Record<
  RecordKind,
  { errors: RecordErrorCode[]; warnings: RecordWarningCode[] }
> = {
  email: { errors: ['not-email'], warnings: ['free-mail'] },
  'sign-in-name': {
    errors: ['not-sign-in-name'],
    warnings: ['free-mail', 'reserved-word', 'domain-mismatch'],
  },
  domain: { errors: ['not-domain'], warnings: ['free-mail', 'domain-mismatch'] },
  'partner-id': { errors: ['not-digits'], warnings: [] },
  date: { errors: ['not-date', 'future-date'], warnings: [] },
  choice: { errors: ['not-a-choice'], warnings: [] },
  text: { errors: [], warnings: [] },
};

/** Messages any field can give. */
export const COMMON_ERRORS: readonly RecordErrorCode[] = ['unknown-field', 'too-long', 'control-character'];

/** Interface strings of the record fields in the page's language, with the messages `fields` can need. */
export function recordStrings(t: Translate, fields: readonly RecordFieldView[]): RecordStrings {
  const text = (key: string) => t(key as UiKey);
  const kinds = fields.map((field) => MESSAGES_BY_KIND[field.kind]);
  const errors = new Set([...COMMON_ERRORS, ...kinds.flatMap((kind) => kind.errors)]);
  const warnings = new Set(kinds.flatMap((kind) => kind.warnings));
  return {
    legend: t('record.legend'),
    privacy: t('record.privacy'),
    saved: t('record.saved'),
    cleared: t('record.cleared'),
    notSaved: t('record.notSaved'),
    choose: t('record.choose'),
    errors: Object.fromEntries([...errors].map((code) => [code, text(`record.error.${code}`)])),
    warnings: Object.fromEntries([...warnings].map((code) => [code, text(`record.warning.${code}`)])),
  };
}
