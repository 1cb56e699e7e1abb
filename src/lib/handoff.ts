/**
 * The message a reseller sends its upstream distributor once the Microsoft Partner Agreement is
 * accepted. The Microsoft source document asks to tell the distributor two things: that the MPA was
 * accepted, and which Partner ID (location) is linked to the CSP enrollment. The company name is
 * not recorded, so the message leaves it to the sender's signature.
 */
import type { Lang } from './guides';
import type { RecordValue } from './progress-data';
import { RECORD_FIELDS, getRecordField, parseCalendarDate, type RecordFieldId } from './records';

/** The message, or the fields still to fill in before it can be written. */
export type Handoff = { status: 'ready'; text: string } | { status: 'missing'; missing: RecordFieldId[] };

/** Fields the message cannot do without, in the order the guide reaches them. */
export const HANDOFF_REQUIRED_FIELDS: readonly RecordFieldId[] = RECORD_FIELDS.filter(
  (field) => 'requiredForHandoff' in field && field.requiredForHandoff,
).map((field) => field.id);

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Writes a stored YYYY-MM-DD date the way each language does (2026年5月7日, 7 May 2026). The date is
 * read as calendar numbers, never through Date, so no time zone can move it by a day.
 */
export function formatRecordDate(value: string, lang: Lang): string {
  const date = parseCalendarDate(value);
  if (!date) return value;
  return lang === 'ja'
    ? `${date.year}年${date.month}月${date.day}日`
    : `${date.day} ${MONTHS_EN[date.month - 1] ?? ''} ${date.year}`;
}

/**
 * A stored record value as a page shows it: dates in the page's language, choices by their label
 * (`choiceLabels`, stored value to label), anything else as stored. Fields this version of the site
 * does not know show their value as stored.
 */
export function formatRecordValue(
  fieldId: string,
  value: string,
  lang: Lang,
  choiceLabels: Readonly<Record<string, string>> = {},
): string {
  const kind = getRecordField(fieldId)?.kind;
  if (kind === 'date') return formatRecordDate(value, lang);
  if (kind === 'choice') return Object.hasOwn(choiceLabels, value) ? (choiceLabels[value] ?? value) : value;
  return value;
}

interface HandoffValues {
  acceptedOn: string;
  acceptedBy: string;
  partnerIdLocation: string;
  partnerIdGlobal: string | undefined;
  domain: string | undefined;
}

function japanese(values: HandoffValues): string {
  return [
    'お世話になっております。',
    'Microsoft CSP 間接リセラーの登録について、MPA（Microsoft Partner Agreement）への同意が完了しましたのでご連絡いたします。',
    '',
    `同意日: ${formatRecordDate(values.acceptedOn, 'ja')}`,
    `同意者: ${values.acceptedBy}`,
    `CSP 登録に関連付けたパートナー ID（ロケーション）: ${values.partnerIdLocation}`,
    ...(values.partnerIdGlobal ? [`パートナー ID（グローバル）: ${values.partnerIdGlobal}`] : []),
    ...(values.domain ? [`組織アカウントのドメイン: ${values.domain}`] : []),
    '',
    'お手数をおかけしますが、ご確認のほどよろしくお願いいたします。',
  ].join('\n');
}

function english(values: HandoffValues): string {
  return [
    'Hello,',
    '',
    'I am writing to let you know that we have accepted the Microsoft Partner Agreement (MPA) for our Microsoft CSP indirect reseller enrollment.',
    '',
    `Date accepted: ${formatRecordDate(values.acceptedOn, 'en')}`,
    `Accepted by: ${values.acceptedBy}`,
    `Partner ID (location) linked to the CSP enrollment: ${values.partnerIdLocation}`,
    ...(values.partnerIdGlobal ? [`Partner ID (global): ${values.partnerIdGlobal}`] : []),
    ...(values.domain ? [`Organization account domain: ${values.domain}`] : []),
    '',
    'Please let me know if you need anything else.',
    '',
    'Kind regards,',
  ].join('\n');
}

/** Composes the message to the distributor from the records, or lists the required fields still missing. */
export function composeHandoff(records: Readonly<Record<string, RecordValue>>, lang: Lang): Handoff {
  const value = (id: RecordFieldId) => {
    const text = records[id]?.value.trim();
    return text ? text : undefined;
  };
  const missing = HANDOFF_REQUIRED_FIELDS.filter((id) => value(id) === undefined);
  const acceptedOn = value('ms-mpa-accepted-on');
  const acceptedBy = value('ms-mpa-accepted-by');
  const partnerIdLocation = value('ms-partner-id-location');
  if (missing.length > 0 || !acceptedOn || !acceptedBy || !partnerIdLocation)
    return { status: 'missing', missing };

  const values: HandoffValues = {
    acceptedOn,
    acceptedBy,
    partnerIdLocation,
    partnerIdGlobal: value('ms-partner-id-global'),
    domain: value('ms-domain'),
  };
  return { status: 'ready', text: lang === 'ja' ? japanese(values) : english(values) };
}
