/**
 * Which interface strings explain an import that fails or leaves entries out (src/lib/transfer.ts
 * gives codes, never text): `transfer.error.<failure>` and `transfer.refused.<reason>` in
 * src/content/i18n/*.json, and the record checks' own `recordError.<code>`.
 */
import { recordErrorKey } from './record-messages';
import { IMPORT_LIMITS, type ImportFailure, type RefusedEntry } from './transfer';
import type { UiKeyOf } from './ui-strings';

/** Every reason a file is refused, listed so that the compiler flags a reason missing here. */
const FAILURES: Record<ImportFailure, null> = {
  'not-json': null,
  'not-ours': null,
  'newer-version': null,
  'bad-content': null,
  'too-large': null,
  'several-registrations': null,
  unreadable: null,
};

/** The string of why a file is refused; the compiler flags a reason that en.json has no string for. */
export function importFailureKey(failure: ImportFailure): UiKeyOf<'transfer.error.'> {
  return `transfer.error.${failure}`;
}

/** The string of why an entry of a file is left out (one counted beyond the limits, or one entry). */
export function refusedEntryKey(entry: RefusedEntry): UiKeyOf<'transfer.refused.' | 'recordError.'> {
  if (entry.type === 'over-limit') return `transfer.refused.over-limit.${entry.what}`;
  const { reason } = entry;
  return reason === 'bad-time' || reason === 'bad-key' || reason === 'malformed'
    ? `transfer.refused.${reason}`
    : recordErrorKey(reason);
}

/** The strings of every failure and reason of the file format's own, for the check that both languages have them. */
export function importMessageKeys(): string[] {
  const reasons: RefusedEntry[] = [
    { type: 'tick', key: '', reason: 'bad-time' },
    { type: 'tick', key: '', reason: 'bad-key' },
    { type: 'record', key: '', reason: 'malformed' },
    ...(Object.keys(IMPORT_LIMITS) as (keyof typeof IMPORT_LIMITS)[]).map((what): RefusedEntry => ({
      type: 'over-limit',
      what,
      count: 0,
      limit: 0,
    })),
  ];
  return [
    ...(Object.keys(FAILURES) as ImportFailure[]).map(importFailureKey),
    ...reasons.map(refusedEntryKey),
  ];
}
