import { useState } from 'preact/hooks';
import { useHydrated, useHydratedStore } from './hydration';
import { $progress, $progressReadOnly, setRecord, startRecordChecks } from '../stores/progress';
import { emptyProgress } from '../lib/progress-data';
import { fillTemplate } from '../lib/template';
import {
  checkStoredRecord,
  recordFieldAnchor,
  type RecordFieldId,
  type RecordFieldView,
  type RecordKind,
} from '../lib/records';
import { validateRecord } from '../lib/record-validation';
import type { UiStrings } from '../lib/ui-strings';

// Before any field shows a stored value.
startRecordChecks(checkStoredRecord);

const EMPTY = emptyProgress();

const INPUT_TYPES: Partial<Record<RecordKind, string>> = { email: 'email', date: 'date' };

/** How long the visible confirmation of a save stays next to its field (screen readers hear it once). */
const CONFIRMATION_MS = 3000;

/**
 * The values a step produces (a domain, a Partner ID…), noted with the checklist's progress. A value
 * is checked when the field is left; a refused value stays in the field with the reason, and what
 * was saved before is kept. A date field reports a change at every digit typed (0002, 0020, 0202,
 * 2026): a date that passes is saved at once, and one that does not is explained when the field is
 * left, so that half-typed years are neither saved nor announced.
 */
export default function RecordFields({
  fields,
  strings,
}: {
  fields: RecordFieldView[];
  /** Only the messages these fields can give (see messageKeysOfKinds). */
  strings: UiStrings<'record.'> & Partial<UiStrings<'recordError.' | 'recordWarning.'>>;
}) {
  const hydrated = useHydrated();
  const progress = useHydratedStore($progress, EMPTY);
  const readOnly = useHydratedStore($progressReadOnly, false);
  /** What the user typed and has not been saved (refused, or not yet left). */
  const [drafts, setDrafts] = useState<Partial<Record<RecordFieldId, string>>>({});
  const [messages, setMessages] = useState<Partial<Record<RecordFieldId, { error: boolean; text: string }>>>(
    {},
  );
  const [status, setStatus] = useState('');
  const [confirmation, setConfirmation] = useState<{ id: RecordFieldId; text: string }>();

  function commit(field: RecordFieldView, input: HTMLInputElement | HTMLSelectElement, leaving: boolean) {
    const stored = progress.records[field.id]?.value ?? '';
    const context = { records: progress.records, now: new Date() };
    const result = validateRecord(field.id, input.value, context, input.validity.badInput);
    if (!result.ok) {
      if (!leaving) return;
      const text =
        strings[`recordError.${result.error}` as const] ??
        strings['recordError.unknown-field'] ??
        result.error;
      setMessages({ ...messages, [field.id]: { error: true, text } });
      setStatus(text);
      return;
    }
    const warning = result.warnings.map((code) => strings[`recordWarning.${code}` as const] ?? '').join(' ');
    setDrafts({ ...drafts, [field.id]: undefined });
    if (result.value === stored) {
      setMessages({ ...messages, [field.id]: warning ? { error: false, text: warning } : undefined });
      return;
    }
    const outcome = setRecord(field.id, result.value);
    const notSaved =
      outcome === 'not-saved' ? fillTemplate(strings['record.notSaved'], { label: field.label }) : '';
    const shown = [notSaved, warning].filter(Boolean).join(' ');
    setMessages({ ...messages, [field.id]: shown ? { error: false, text: shown } : undefined });
    const template = result.value === '' ? strings['record.cleared'] : strings['record.saved'];
    setStatus(
      notSaved ? shown : [fillTemplate(template, { label: field.label }), warning].filter(Boolean).join(' '),
    );
    if (notSaved) return;
    const saved = {
      id: field.id,
      text: result.value === '' ? strings['record.clearedMark'] : strings['record.savedMark'],
    };
    setConfirmation(saved);
    setTimeout(
      () => setConfirmation((current) => (current === saved ? undefined : current)),
      CONFIRMATION_MS,
    );
  }

  return (
    <fieldset class="record-fields">
      <legend class="record-fields__legend">{strings['record.legend']}</legend>
      <p class="record-fields__privacy">{strings['record.privacy']}</p>
      {fields.map((field) => {
        const id = `record-${field.id}`;
        const value = drafts[field.id] ?? progress.records[field.id]?.value ?? '';
        const message = messages[field.id];
        const common = {
          id,
          name: field.id,
          value,
          disabled: !hydrated || readOnly,
          'aria-describedby': `${id}-hint${message ? ` ${id}-message` : ''}`,
          'aria-invalid': message?.error ? ('true' as const) : undefined,
          onChange: (event: Event) =>
            commit(field, event.currentTarget as HTMLInputElement, field.kind !== 'date'),
        };
        return (
          <div class="record-field" id={recordFieldAnchor(field.id)} key={field.id}>
            <label for={id}>{field.label}</label>
            {field.choices ? (
              <select {...common}>
                <option value="">{strings['record.choose']}</option>
                {field.choices.map((choice) => (
                  <option value={choice.value} key={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={INPUT_TYPES[field.kind] ?? 'text'}
                autocomplete="off"
                spellcheck={false}
                maxLength={200}
                onInput={(event) => setDrafts({ ...drafts, [field.id]: event.currentTarget.value })}
                onBlur={
                  field.kind === 'date' ? (event) => commit(field, event.currentTarget, true) : undefined
                }
              />
            )}
            {confirmation?.id === field.id && (
              <span class="record-field__saved" aria-hidden="true">
                {confirmation.text}
              </span>
            )}
            <p class="record-field__hint" id={`${id}-hint`}>
              {field.hint}
            </p>
            {message && (
              <p
                class={`record-field__message${message.error ? ' record-field__message--error' : ''}`}
                id={`${id}-message`}
              >
                {message.text}
              </p>
            )}
          </div>
        );
      })}
      <p class="sr-only" role="status">
        {status}
      </p>
    </fieldset>
  );
}
