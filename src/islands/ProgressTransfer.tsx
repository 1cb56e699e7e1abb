import { useEffect, useRef } from 'preact/hooks';
import { StorageNotice } from './StorageNotice';
import { downloadJson } from './download';
import { useHydrated, useHydratedStore } from './hydration';
import { $progressReadOnly } from '../stores/progress';
import {
  $canUndoImport,
  $importFlow,
  $importPlan,
  cancelImport,
  chooseImportFile,
  confirmImport,
  exportFile,
  undoImport,
  type ImportFlow,
} from '../stores/import-flow';
import { formatRecordValue, type HandoffField } from '../lib/handoff';
import { formatTickTime } from '../lib/progress';
import { fillTemplate } from '../lib/template';
import type { ImportChange, RefusedEntry } from '../lib/transfer';
import { refusedEntryKey } from '../lib/transfer-messages';
import type { Lang } from '../lib/guides';
import type { UiStrings } from '../lib/ui-strings';

const IDLE: ImportFlow = { pending: undefined, status: undefined };

/** Refused entries listed one by one; the rest are counted, so a hostile file cannot flood the page. */
const MAX_REFUSED_SHOWN = 20;

/** A name from a file, shortened for display: it may be as long as the file allows. */
function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Saving progress and records to a file, and importing such a file (src/stores/import-flow.ts): the
 * file is read and checked first, what it would change is shown, and only confirming applies it.
 */
export default function ProgressTransfer({
  lang,
  fields,
  steps,
  strings,
}: {
  lang: Lang;
  /** Every record field, to name the records a file would change. */
  fields: Pick<HandoffField, 'id' | 'label' | 'choices'>[];
  /** Title of every step by `<guide id>/<step id>`, as `Microsoft: <step title>`. */
  steps: Record<string, string>;
  strings: UiStrings<'transfer.' | 'recordError.' | 'notice.'>;
}) {
  const hydrated = useHydrated();
  const readOnly = useHydratedStore($progressReadOnly, false);
  const { pending, status } = useHydratedStore($importFlow, IDLE);
  const plan = useHydratedStore($importPlan, undefined);
  const canUndoImport = useHydratedStore($canUndoImport, false);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (pending) previewHeading.current?.focus();
  }, [pending]);

  const save = () => {
    const { name, text } = exportFile();
    downloadJson(name, text);
  };

  const choose = async (input: HTMLInputElement) => {
    await chooseImportFile(input.files?.[0]);
    // A refused file leaves the field empty, ready for another choice.
    if (!$importFlow.get().pending) input.value = '';
  };

  const close = (action: () => unknown) => {
    action();
    if (fileInput.current) fileInput.current.value = '';
    requestAnimationFrame(() => fileInput.current?.focus());
  };

  const fieldOf = (id: string) => fields.find((field) => field.id === id);

  const describeChange = (change: ImportChange) => {
    const show = (value: string) =>
      change.type === 'tick'
        ? formatTickTime(value, lang)
        : formatRecordValue(change.key, value, lang, fieldOf(change.key)?.choices);
    const what =
      change.type === 'tick' ? (steps[change.key] ?? change.key) : (fieldOf(change.key)?.label ?? change.key);
    const after = show(change.after);
    const text =
      change.before === undefined
        ? fillTemplate(strings['transfer.changeAdded'], { after })
        : fillTemplate(strings['transfer.changeOverwritten'], { before: show(change.before), after });
    return (
      <li key={`${change.type}:${change.key}`} data-change={change.change}>
        {what} <span class="handoff-preview__change">{text}</span>
      </li>
    );
  };

  const describeRefused = (entry: RefusedEntry, index: number) => {
    if (entry.type === 'over-limit') {
      return <li key={`limit:${entry.what}`}>{fillTemplate(strings[refusedEntryKey(entry)], entry)}</li>;
    }
    const what =
      entry.type === 'tick'
        ? (steps[entry.key] ?? shorten(entry.key))
        : (fieldOf(entry.key)?.label ?? shorten(entry.key));
    return (
      <li key={`${entry.type}:${index}`} data-refused={entry.reason}>
        {what} <span class="handoff-preview__change">{strings[refusedEntryKey(entry)]}</span>
      </li>
    );
  };

  const describedBy = [
    'handoff-import-hint',
    readOnly && 'handoff-import-read-only',
    status?.error && 'handoff-import-status',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div class="handoff-transfer">
      <StorageNotice strings={strings} />
      <p>
        <button type="button" disabled={!hydrated} onClick={save}>
          {strings['transfer.export']}
        </button>
      </p>
      <div class="handoff-transfer__import">
        <label for="handoff-import-file">{strings['transfer.importLabel']}</label>
        <p class="handoff__hint" id="handoff-import-hint">
          {strings['transfer.importHint']}
        </p>
        {readOnly && (
          <p class="handoff-transfer__read-only" id="handoff-import-read-only">
            {strings['transfer.readOnly']}
          </p>
        )}
        <input
          type="file"
          id="handoff-import-file"
          accept="application/json,.json"
          ref={fileInput}
          disabled={!hydrated || readOnly}
          aria-describedby={describedBy}
          onChange={(event) => void choose(event.currentTarget)}
        />
      </div>
      <p
        id="handoff-import-status"
        class={`handoff-transfer__status${status?.error ? ' handoff-transfer__status--error' : ''}`}
        role="status"
      >
        {status?.keys.map((key) => fillTemplate(strings[key], status.values)).join(' ')}
        {canUndoImport && !pending && ` ${strings['transfer.undoAvailable']}`}
      </p>
      {canUndoImport && !pending && (
        <p>
          <button type="button" onClick={() => close(undoImport)}>
            {strings['transfer.undo']}
          </button>
        </p>
      )}
      {pending && plan && (
        <section class="handoff-preview" aria-labelledby="handoff-preview-heading">
          <h3 id="handoff-preview-heading" tabIndex={-1} ref={previewHeading}>
            {strings['transfer.previewHeading']}
          </h3>
          {plan.changes.length === 0 ? (
            <p>{fillTemplate(strings['transfer.nothingNew'], { file: pending.name })}</p>
          ) : (
            <>
              <p>{fillTemplate(strings['transfer.previewIntro'], { file: pending.name })}</p>
              <ul class="handoff-preview__counts">
                <li data-count="tick">{fillTemplate(strings['transfer.countTicks'], plan.counts.tick)}</li>
                <li data-count="record">
                  {fillTemplate(strings['transfer.countRecords'], plan.counts.record)}
                </li>
              </ul>
              <ul class="handoff-preview__changes">{plan.changes.map(describeChange)}</ul>
            </>
          )}
          {pending.refused.length > 0 && (
            <div class="handoff-preview__refused">
              <h4>{strings['transfer.refusedHeading']}</h4>
              <p>{strings['transfer.refusedIntro']}</p>
              <ul>
                {pending.refused.slice(0, MAX_REFUSED_SHOWN).map(describeRefused)}
                {pending.refused.length > MAX_REFUSED_SHOWN && (
                  <li>
                    {fillTemplate(strings['transfer.refusedMore'], {
                      count: pending.refused.length - MAX_REFUSED_SHOWN,
                    })}
                  </li>
                )}
              </ul>
            </div>
          )}
          <p class="handoff-preview__actions not-content">
            <button
              type="button"
              disabled={readOnly || plan.changes.length === 0}
              onClick={() => close(confirmImport)}
            >
              {strings['transfer.confirm']}
            </button>
            <button type="button" onClick={() => close(cancelImport)}>
              {strings['transfer.cancel']}
            </button>
          </p>
        </section>
      )}
    </div>
  );
}
