/** How a record field's value is checked and normalised (see src/lib/records.ts). */
export const RECORD_KINDS = [
  'email',
  'domain',
  'sign-in-name',
  'partner-id',
  'date',
  'text',
  'choice',
] as const;

/** One of RECORD_KINDS. */
export type RecordKind = (typeof RECORD_KINDS)[number];
