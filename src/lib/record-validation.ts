/**
 * What the record form checks as the user types (islands/RecordFields.tsx): the checks every record
 * gets (lib/records.ts checkTypedRecord), and what the user should double-check in a value that
 * passes them. Apart from the checks, which the hand-off page, the import and the export load too.
 */
import {
  RECORD_FIELDS,
  checkTypedRecord,
  getRecordField,
  type RecordContext,
  type RecordField,
  type RecordFieldId,
  type RecordValidation,
  type RecordWarningCode,
} from './records';

/**
 * Domains of personal mailboxes, for the `free-mail` warning of a field whose source document refuses
 * personal addresses. hotmail.com, live.com and outlook.com are named by the Microsoft source
 * document (「hotmail.com、live.com、outlook.com アドレスなど、個人のアドレス」); the others are the site's own
 * reading of its 「など」: the common free-mail and mobile-carrier domains in Japan and worldwide.
 */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'hotmail.com',
  'live.com',
  'outlook.com',
  'gmail.com',
  'googlemail.com',
  'yahoo.co.jp',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'outlook.jp',
  'hotmail.co.jp',
  'live.jp',
  'docomo.ne.jp',
  'ezweb.ne.jp',
  'softbank.ne.jp',
  'i.softbank.jp',
  'nifty.com',
  'excite.co.jp',
  'aol.com',
  'proton.me',
  'protonmail.com',
];

/**
 * Words the Microsoft source document says the user name of the 第一連絡先 email address cannot
 * contain ("info", "admin", "email@", "marketing@"), for the `reserved-word` warning of a field that
 * declares it; the ones ending in @ only match at the end of the part before the @.
 */
export const RESERVED_USER_NAME_WORDS: readonly string[] = ['info', 'admin', 'email@', 'marketing@'];

/** Tells whether a domain is or is under a free-mail one (`mail.gmail.com` is, `gmail.com.x.jp` is not). */
export function isFreeMailDomain(domain: string): boolean {
  const normalised = domain.trim().toLowerCase().replace(/\.$/, '');
  return FREE_MAIL_DOMAINS.some((free) => normalised === free || normalised.endsWith(`.${free}`));
}

function hasReservedWord(local: string): boolean {
  const name = `${local.toLowerCase()}@`;
  return RESERVED_USER_NAME_WORDS.some((word) =>
    word.endsWith('@') ? name.endsWith(word) : name.includes(word),
  );
}

/** The domain part of a sign-in name, or undefined when there is none. */
function domainOf(signInName: string | undefined): string | undefined {
  if (signInName === undefined) return undefined;
  const at = signInName.lastIndexOf('@');
  return at < 0 ? undefined : signInName.slice(at + 1).toLowerCase();
}

/** The warnings the source states for an address, where the field declares them (`sourceWarnings`). */
function addressWarnings(field: RecordField, local: string, domain: string): RecordWarningCode[] {
  return (field.sourceWarnings ?? []).filter((code) =>
    code === 'free-mail' ? isFreeMailDomain(domain) : hasReservedWord(local),
  );
}

/** The part of an accepted address before its last @, and the part after it. */
function splitAccepted(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/** What to double-check in `value`, an accepted (normalised) value of `field`. */
function recordWarnings(field: RecordField, value: string, context: RecordContext): RecordWarningCode[] {
  switch (field.kind) {
    case 'email':
    case 'sign-in-name': {
      const { local, domain } = splitAccepted(value);
      const warnings = addressWarnings(field, local, domain);
      const recorded = field.sameDomainAs && context.records[field.sameDomainAs]?.value.toLowerCase();
      if (field.kind === 'sign-in-name' && recorded && recorded !== domain) warnings.push('domain-mismatch');
      return warnings;
    }
    case 'domain': {
      const signInDomains = RECORD_FIELDS.filter((other) => other.sameDomainAs === field.id).map((other) =>
        domainOf(context.records[other.id]?.value),
      );
      return signInDomains.some((signIn) => signIn !== undefined && signIn !== value)
        ? ['domain-mismatch']
        : [];
    }
    default:
      return [];
  }
}

/**
 * Checks and normalises what the user typed for a field (see checkTypedRecord), with the warnings
 * of an accepted value: an empty `value` means the user cleared the field.
 */
export function validateRecord(
  fieldId: RecordFieldId,
  raw: string,
  context: RecordContext,
  incomplete = false,
): RecordValidation {
  const result = checkTypedRecord(fieldId, raw, context.now, incomplete);
  if (!result.ok) return result;
  const field = getRecordField(fieldId);
  return {
    ...result,
    warnings: field && result.value !== '' ? recordWarnings(field, result.value, context) : [],
  };
}
