/**
 * Which interface strings explain the record checks (src/lib/records.ts returns codes, never text):
 * `recordError.<code>` and `recordWarning.<code>` in src/content/i18n/*.json.
 */
import {
  RECORD_FIELDS,
  type RecordErrorCode,
  type RecordField,
  type RecordKind,
  type RecordWarningCode,
} from './records';
import type { UiKeyOf } from './ui-strings';

/** Every error and warning code, listed so that the compiler flags a code missing here. */
const ERRORS: Record<RecordErrorCode, null> = {
  'unknown-field': null,
  'too-long': null,
  'control-character': null,
  'not-email': null,
  'not-domain': null,
  'not-sign-in-name': null,
  'not-digits': null,
  'not-date': null,
  'date-out-of-range': null,
  incomplete: null,
  'not-a-choice': null,
  'line-break': null,
  'not-normalised': null,
};
const WARNINGS: Record<RecordWarningCode, null> = {
  'free-mail': null,
  'reserved-word': null,
  'domain-mismatch': null,
};

/** The string of an error code; the compiler flags a code that en.json has no string for. */
export function recordErrorKey(code: RecordErrorCode): UiKeyOf<'recordError.'> {
  return `recordError.${code}`;
}

/** The string of a warning code; the compiler flags a code that en.json has no string for. */
export function recordWarningKey(code: RecordWarningCode): UiKeyOf<'recordWarning.'> {
  return `recordWarning.${code}`;
}

/** The strings of every error and warning code, for the check that both languages have them all. */
export function recordMessageKeys(): string[] {
  return [
    ...(Object.keys(ERRORS) as RecordErrorCode[]).map(recordErrorKey),
    ...(Object.keys(WARNINGS) as RecordWarningCode[]).map(recordWarningKey),
  ];
}

/**
 * The messages validation can give for each kind of field, beyond those any field can give; of the
 * warnings, a field gives only those of warningsOfField. Each record island carries only the
 * messages of its fields, which keeps the page's HTML small.
 */
export const MESSAGES_BY_KIND: Record<
  RecordKind,
  { errors: RecordErrorCode[]; warnings: RecordWarningCode[] }
> = {
  email: { errors: ['not-email'], warnings: ['free-mail', 'reserved-word'] },
  'sign-in-name': {
    errors: ['not-sign-in-name'],
    warnings: ['free-mail', 'reserved-word', 'domain-mismatch'],
  },
  domain: { errors: ['not-domain'], warnings: ['domain-mismatch'] },
  'partner-id': { errors: ['not-digits'], warnings: [] },
  date: { errors: ['not-date', 'date-out-of-range', 'incomplete'], warnings: [] },
  choice: { errors: ['not-a-choice'], warnings: [] },
  text: { errors: [], warnings: [] },
};

/** The warnings a field can give: those its source states for it, and the domain comparison. */
export function warningsOfField(field: RecordField): RecordWarningCode[] {
  const compared =
    field.sameDomainAs !== undefined || RECORD_FIELDS.some((other) => other.sameDomainAs === field.id);
  return [...(field.sourceWarnings ?? []), ...(compared ? (['domain-mismatch'] as const) : [])];
}

/** Messages any field can give. */
export const COMMON_ERRORS: readonly RecordErrorCode[] = ['unknown-field', 'too-long', 'control-character'];

/** The strings of the messages these fields can give, for the bundle of their island. */
export function messageKeysOfFields(
  fields: readonly RecordField[],
): UiKeyOf<'recordError.' | 'recordWarning.'>[] {
  const errors = new Set([
    ...COMMON_ERRORS,
    ...fields.flatMap((field) => MESSAGES_BY_KIND[field.kind].errors),
  ]);
  const warnings = new Set(fields.flatMap(warningsOfField));
  return [...[...errors].map(recordErrorKey), ...[...warnings].map(recordWarningKey)];
}
