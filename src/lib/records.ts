/**
 * Values a user notes down while following a guide (a domain, a Partner ID, the date the MPA was
 * accepted…), so that they are at hand later, for example to tell the upstream distributor.
 *
 * Validation returns codes, never text: the interface strings live with the other UI strings. Only
 * what a hand-off or a later sign-in needs is asked for; there is deliberately no field for a
 * password or any other secret, even where a source document tells the reader to note one down.
 */
import { REGISTRY, type RegistryRecordField } from './guide-registry';
import type { GuideId } from './guides';
import type { RecordValue } from './progress-data';

import type { RecordKind } from './record-kinds';

export type { RecordKind };

/** A value the user can note at one step of a guide, as the guide registry declares it. */
export interface RecordField extends RegistryRecordField {
  guide: GuideId;
  /** True when the message to the distributor cannot be written without it. */
  requiredForHandoff: boolean;
}

/** Every record field of every guide, in the order of the guides and of each guide's list. */
export const RECORD_FIELDS: readonly RecordField[] = REGISTRY.flatMap((guide) =>
  guide.records.map((field) => ({
    ...field,
    guide: guide.id,
    requiredForHandoff: field.handoff === 'required',
  })),
);

/** Id of a record field of the registry. */
export type RecordFieldId = string;

/** One field as a step shows it, with its texts in the page's language. */
export interface RecordFieldView {
  id: RecordFieldId;
  kind: RecordKind;
  label: string;
  hint: string;
  /** For `choice` fields: stored value and label shown. */
  choices?: { value: string; label: string }[];
}

/** Id of a field (its label and input) on its guide page: where links about the record go. */
export function recordFieldAnchor(id: RecordFieldId): string {
  return `record-field-${id}`;
}

/** Every value is capped so that a paste by mistake cannot fill storage or a message. */
export const MAX_RECORD_LENGTH = 200;

/** Why a value was refused. */
export type RecordErrorCode =
  | 'unknown-field'
  | 'too-long'
  | 'control-character'
  | 'not-email'
  | 'not-domain'
  | 'not-sign-in-name'
  | 'not-digits'
  | 'not-date'
  /** A real date before EARLIEST_RECORD_DATE or after tomorrow (see RECORD_DATE_TOLERANCE_DAYS). */
  | 'date-out-of-range'
  /** A date field with its year, month or day left blank (see validateRecord). */
  | 'incomplete'
  | 'not-a-choice'
  /** Stored or imported only: a line break, which the one-line field cannot hold. */
  | 'line-break'
  /** Stored or imported only: a value the field would have saved in another form. */
  | 'not-normalised';

/** What may be wrong with an accepted value, for the user to double-check. */
export type RecordWarningCode = 'free-mail' | 'reserved-word' | 'domain-mismatch';

/** What validating a value found: an empty `value` means the user cleared the field. */
export type RecordValidation =
  { ok: true; value: string; warnings: RecordWarningCode[] } | { ok: false; error: RecordErrorCode };

/** What validation may compare a value with. */
export interface RecordContext {
  /** The records already noted (to compare the sign-in name with the domain, for example). */
  records: Readonly<Record<string, RecordValue>>;
  /** The present moment: dates after tomorrow are refused. */
  now: Date;
}

const FIELDS_BY_ID = new Map<string, RecordField>(RECORD_FIELDS.map((field) => [field.id, field]));

/** Tells whether a string is the id of a known record field. */
export function isRecordFieldId(id: string): id is RecordFieldId {
  return FIELDS_BY_ID.has(id);
}

/** The field of an id, or undefined when this version of the site does not know it. */
export function getRecordField(id: string): RecordField | undefined {
  return FIELDS_BY_ID.get(id);
}

/** The fields shown at one step, in list order. */
export function recordFieldsOfStep(step: string): RecordField[] {
  return RECORD_FIELDS.filter((field) => field.step === step);
}

// Letters and digits of any script are allowed so that internationalised domains typed as such pass.
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
const TOP_LEVEL_LABEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;
// The characters RFC 5322 allows in an unquoted local part; quoted local parts are not worth the risk.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const CONTROL_CHARACTER = /\p{Cc}/u;

function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  const last = labels[labels.length - 1] ?? '';
  return (
    domain.length <= 253 &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_LABEL.test(last)
  );
}

/** Splits an address at its last @, lower-casing the domain (local parts are left as typed). */
function splitAddress(address: string): { local: string; domain: string } | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local) || !isDomain(domain)) return undefined;
  return { local, domain };
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads a YYYY-MM-DD calendar date, or undefined when it is not a real one. */
export function parseCalendarDate(value: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Today's date as YYYY-MM-DD on the user's own clock (the calendar they read the date from). */
function localDate(now: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The earliest date a date field takes: the day of the earliest tick time stored progress takes
 * (EARLIEST_TIME in progress-data.ts); the procedures the site documents are later. A year typed
 * wrong (0506, 0026) falls before it.
 */
export const EARLIEST_RECORD_DATE = '2000-01-01';

/**
 * How many days after today a date field takes: the day the clock of another computer may be ahead
 * (CLOCK_TOLERANCE_MS in progress-data.ts), so that a date noted there in a time zone already on
 * the next day is not refused when it is stored, imported or typed here.
 */
export const RECORD_DATE_TOLERANCE_DAYS = 1;

/** The latest date a date field takes on the user's own clock, as YYYY-MM-DD. */
function latestRecordDate(now: Date): string {
  const latest = new Date(now);
  latest.setDate(latest.getDate() + RECORD_DATE_TOLERANCE_DAYS);
  return localDate(latest);
}

/** What the checks of a field make of a value: its normalised form, or why it is refused. */
export type RecordCheck = { ok: true; value: string } | { ok: false; error: RecordErrorCode };

function checkKind(field: RecordField, value: string, now: Date): RecordCheck {
  switch (field.kind) {
    case 'email':
    case 'sign-in-name': {
      const address = splitAddress(value);
      if (!address) return { ok: false, error: field.kind === 'email' ? 'not-email' : 'not-sign-in-name' };
      return { ok: true, value: `${address.local}@${address.domain}` };
    }
    case 'domain': {
      // A trailing dot (fully qualified form) names the same domain.
      const domain = value.toLowerCase().replace(/\.$/, '');
      return isDomain(domain) ? { ok: true, value: domain } : { ok: false, error: 'not-domain' };
    }
    case 'partner-id':
      // No length is checked: the source documents do not fix one.
      return /^[0-9]+$/.test(value) ? { ok: true, value } : { ok: false, error: 'not-digits' };
    case 'date':
      // The native date field takes years of up to six digits (to 275760): out of range, not malformed.
      if (/^\d{5,}-\d{2}-\d{2}$/.test(value) && parseCalendarDate(`2000${value.slice(-6)}`))
        return { ok: false, error: 'date-out-of-range' };
      if (!parseCalendarDate(value)) return { ok: false, error: 'not-date' };
      // YYYY-MM-DD strings compare in calendar order.
      return value < EARLIEST_RECORD_DATE || value > latestRecordDate(now)
        ? { ok: false, error: 'date-out-of-range' }
        : { ok: true, value };
    case 'choice': {
      const choice = field.choices?.find((option) => option.toLowerCase() === value.toLowerCase());
      return choice === undefined ? { ok: false, error: 'not-a-choice' } : { ok: true, value: choice };
    }
    case 'text':
      // A name typed over two lines would break the labelled lines of the hand-off message; other
      // spaces, such as the full-width one between family and given names, are kept.
      return { ok: true, value: value.replace(/\s*[\t\r\n\u2028\u2029]\s*/g, ' ') };
  }
}

/**
 * Checks and normalises what the user typed for a field. An empty (or all-space) input is valid with
 * an empty value, meaning the record is to be removed, unless it is `incomplete`: a date input with
 * its year, month or day left blank reports an empty value and `validity.badInput`, which is a date
 * typed halfway, not a field cleared. The form adds what to double-check (lib/record-validation.ts).
 */
export function checkTypedRecord(
  fieldId: RecordFieldId,
  raw: string,
  now: Date,
  incomplete = false,
): RecordCheck {
  const field = getRecordField(fieldId);
  if (!field) return { ok: false, error: 'unknown-field' };
  if (incomplete) return { ok: false, error: 'incomplete' };
  // Japanese keyboards easily produce full-width digits, @ and spaces; NFKC turns them into ASCII.
  // Free text (names) is kept as typed.
  const structured = field.kind !== 'text' && field.kind !== 'choice';
  const value = (structured ? raw.normalize('NFKC') : raw).trim();
  if (value === '') return { ok: true, value: '' };
  if (value.length > MAX_RECORD_LENGTH) return { ok: false, error: 'too-long' };
  if (CONTROL_CHARACTER.test(value.replace(/[\t\n\r]/g, ' ')))
    return { ok: false, error: 'control-character' };
  return checkKind(field, value, now);
}

const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * Checks a record value read from storage or from a file exactly as a typed one is checked (format,
 * one line, length), and also that it is in the form the field saves. Fields this version of the
 * site does not know get the checks every field gets. Returns why the value is refused, or undefined.
 */
export function checkStoredRecord(fieldId: string, value: string, now: Date): RecordErrorCode | undefined {
  if (value.length > MAX_RECORD_LENGTH) return 'too-long';
  if (LINE_BREAK.test(value)) return 'line-break';
  if (CONTROL_CHARACTER.test(value)) return 'control-character';
  if (!isRecordFieldId(fieldId)) return undefined;
  const result = checkTypedRecord(fieldId, value, now);
  if (!result.ok) return result.error;
  return result.value === value ? undefined : 'not-normalised';
}
