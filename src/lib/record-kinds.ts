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

/**
 * The warnings a guide declares for a field (`sourceWarnings` in its registry file) because its source
 * document states the rule for that very value: free-mail (personal addresses refused) and
 * reserved-word (words the user name of the address cannot contain).
 */
export const SOURCE_WARNINGS = ['free-mail', 'reserved-word'] as const;

/** One of SOURCE_WARNINGS. */
export type SourceWarning = (typeof SOURCE_WARNINGS)[number];

/** One of RECORD_KINDS. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * The placeholder of the hand-off message (src/content/handoff/) that stands for the name of the
 * registration (company) the message is written for, beside the record fields' ids; its dot keeps it
 * apart from every record field id. A line naming it is left out for a registration without a name.
 */
export const REGISTRATION_NAME_PLACEHOLDER = 'registration.name';
