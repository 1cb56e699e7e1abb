/**
 * The message a reseller sends its upstream distributor once a procedure is through. Its text is
 * content: the lines of src/content/handoff/<guide id>.json for the guide that reports upstream, with
 * `{<record field id>}` standing for the recorded values, which the page carries in its language
 * (src/lib/handoff-template.ts reads them at build time, so that no page's script holds both). For
 * Microsoft, the source document asks to tell the distributor that the MPA was accepted and which
 * Partner ID (location) is linked to the CSP enrollment. The message names the registration (company) it is written for when it has a name
 * (`{registration.name}`); the sender's signature is left to the sender.
 */
import type { Lang } from './guides';
import type { GuideTicks, RecordValue } from './progress-data';
import { RECORD_FIELDS, type RecordFieldId } from './records';
import { formatRecordValue } from './record-format';
import { REGISTRATION_NAME_PLACEHOLDER } from './record-kinds';

/** A record field as the hand-off page shows it, with its texts in the page's language. */
export interface HandoffField {
  id: RecordFieldId;
  label: string;
  /** Link to the field on the guide step where it is entered. */
  href: string;
  /** That step, as `Microsoft: <step title>`. */
  step: string;
  /** When in the procedure the value can be entered, for the fields the message needs. */
  availableWhen?: string;
  /** For choice fields: the label of each stored value. */
  choices?: Record<string, string>;
}

/** The message, or the fields still to fill in before it can be written. */
export type Handoff = { status: 'ready'; text: string } | { status: 'missing'; missing: RecordFieldId[] };

/** Fields the message cannot do without, in the order the guide reaches them. */
export const HANDOFF_REQUIRED_FIELDS: readonly RecordFieldId[] = RECORD_FIELDS.filter(
  (field) => field.requiredForHandoff,
).map((field) => field.id);

/**
 * The reported steps not ticked yet in the guide's `ticks`: until there are none, the message would
 * report as done what is not, and is not offered.
 */
export function stepsStillToTick(
  ticks: Readonly<GuideTicks> | undefined,
  reported: readonly string[],
): string[] {
  return reported.filter((stepId) => !(ticks && Object.hasOwn(ticks, stepId)));
}

const PLACEHOLDER = /\{([^}]+)\}/g;

/**
 * Composes the message to the distributor from the records of a registration named `registrationName`
 * (as the index stores it, trimmed; '' for none), in a language, from the message's `lines` (the page
 * passes those of its language, src/lib/handoff-template.ts); lists the
 * required fields still missing instead. A line naming an optional field without a value, or the name
 * of a registration without one, is left out; a value never adds a line of its own.
 */
export function composeHandoff(
  records: Readonly<Record<string, RecordValue>>,
  lang: Lang,
  lines: readonly string[] | undefined,
  registrationName = '',
): Handoff {
  const value = (id: string) => {
    if (id === REGISTRATION_NAME_PLACEHOLDER) return registrationName || undefined;
    const text = (Object.hasOwn(records, id) ? records[id]?.value : undefined)?.replace(/\s+/g, ' ').trim();
    return text ? formatRecordValue(id, text, lang) : undefined;
  };
  const missing = HANDOFF_REQUIRED_FIELDS.filter((id) => value(id) === undefined);
  if (missing.length > 0 || !lines) return { status: 'missing', missing };
  const text = lines
    .filter((line) => [...line.matchAll(PLACEHOLDER)].every(([, id]) => value(id ?? '') !== undefined))
    .map((line) => line.replace(PLACEHOLDER, (_whole, id: string) => value(id) ?? ''))
    .join('\n');
  return { status: 'ready', text };
}
