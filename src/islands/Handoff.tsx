import { useEffect, useRef, useState } from 'preact/hooks';
import CopyButton from './CopyButton';
import { StorageNotice } from './StorageNotice';
import { useHydrated, useHydratedStore } from './hydration';
import { $progress, $progressReadOnly } from '../stores/progress';
import { importProgress } from '../stores/transfer';
import { composeHandoff, formatRecordValue, type HandoffField } from '../lib/handoff';
import { emptyProgress, type ProgressData } from '../lib/progress-data';
import { formatTickTime } from '../lib/progress';
import { fillTemplate } from '../lib/template';
import {
  MAX_IMPORT_BYTES,
  exportFileName,
  exportProgress,
  parseImport,
  planImport,
  type ImportChange,
  type ImportFailure,
  type RefusedEntry,
} from '../lib/transfer';
import { importFailureKey, refusedEntryKey } from '../lib/transfer-messages';
import type { Lang } from '../lib/guides';
import type { UiStrings } from '../lib/ui-strings';

/**
 * The islands of the hand-off page, in one module that only that page loads: the message to the
 * distributor, the table of records, and moving progress to another computer as a file.
 */

const EMPTY = emptyProgress();

/**
 * The message to the upstream distributor, composed from the records in the page's language and
 * kept up to date as they change (in this tab or another), or the required fields still missing.
 * Records live in this browser only, so the server-rendered HTML (all a visitor without JavaScript
 * sees) lists the required fields as what the message is written from, saying nothing of whether
 * they are entered, in the space the list of missing fields takes.
 */
export function HandoffMessage({
  lang,
  fields,
  strings,
}: {
  lang: Lang;
  fields: HandoffField[];
  strings: UiStrings<'handoffMessage.'>;
}) {
  const hydrated = useHydrated();
  const progress = useHydratedStore($progress, EMPTY);
  const handoff = composeHandoff(progress.records, lang);

  if (!hydrated || handoff.status === 'missing') {
    const listed =
      hydrated && handoff.status === 'missing' ? handoff.missing : fields.map((field) => field.id);
    return (
      <div class="handoff-message" data-state={hydrated ? 'missing' : 'unread'}>
        <p>{hydrated ? strings['handoffMessage.missing'] : strings['handoffMessage.composedFrom']}</p>
        <ul>
          {listed.map((id) => {
            const field = fields.find((candidate) => candidate.id === id);
            return <li key={id}>{field ? <a href={field.href}>{field.label}</a> : id}</li>;
          })}
        </ul>
      </div>
    );
  }
  return (
    <div class="handoff-message" data-state="ready">
      <label for="handoff-message-text">{strings['handoffMessage.label']}</label>
      <p class="handoff__hint" id="handoff-message-hint">
        {strings['handoffMessage.hint']}
      </p>
      <textarea
        id="handoff-message-text"
        readOnly
        rows={handoff.text.split('\n').length}
        aria-describedby="handoff-message-hint"
        value={handoff.text}
      />
      <CopyButton
        text={handoff.text}
        label={strings['handoffMessage.copy']}
        copied={strings['handoffMessage.copied']}
        failed={strings['handoffMessage.copyFailed']}
      />
    </div>
  );
}

/**
 * Every record field with its stored value (or that it is not entered) and a link to its step.
 * Until the stored records have been read (with JavaScript off, always), a value cell shows a dash
 * and claims nothing.
 */
export function RecordTable({
  lang,
  fields,
  strings,
}: {
  lang: Lang;
  fields: HandoffField[];
  strings: UiStrings<'recordTable.'>;
}) {
  const hydrated = useHydrated();
  const progress = useHydratedStore($progress, EMPTY);
  return (
    <table class="handoff-records">
      <caption class="sr-only">{strings['recordTable.caption']}</caption>
      <thead>
        <tr>
          <th scope="col">{strings['recordTable.field']}</th>
          <th scope="col">{strings['recordTable.value']}</th>
          <th scope="col">{strings['recordTable.step']}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => {
          const value = progress.records[field.id]?.value.trim();
          return (
            <tr key={field.id} data-field={field.id}>
              <th scope="row">{field.label}</th>
              <td>
                {!hydrated ? (
                  <span class="handoff-records__empty">
                    <span aria-hidden="true">—</span>
                    <span class="sr-only">{strings['recordTable.notShown']}</span>
                  </span>
                ) : value ? (
                  formatRecordValue(field.id, value, lang, field.choices)
                ) : (
                  <span class="handoff-records__empty">{strings['recordTable.notEntered']}</span>
                )}
              </td>
              <td>
                <a href={field.href}>{field.step}</a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A file read and accepted, waiting for the user to confirm. */
interface PendingImport {
  name: string;
  data: ProgressData;
  refused: RefusedEntry[];
}

/** Refused entries listed one by one; the rest are counted, so a hostile file cannot flood the page. */
const MAX_REFUSED_SHOWN = 20;

/** A name from a file, shortened for display: it may be as long as the file allows. */
function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Reads a chosen file and checks it completely; nothing is changed here. */
async function readImportFile(
  file: File,
): Promise<{ ok: true; data: ProgressData; refused: RefusedEntry[] } | { ok: false; error: ImportFailure }> {
  // Real files are a few kilobytes: a larger one is refused before it is read.
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  return parseImport(text);
}

/** Offers progress and records as a download; the file is made in the browser, nothing is sent. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob only after the click has returned: release it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saving progress and records to a file, and importing such a file: the file is read and checked
 * first, what it would change is shown, and only confirming applies it.
 */
export function ProgressTransfer({
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
  const progress = useHydratedStore($progress, EMPTY);
  const readOnly = useHydratedStore($progressReadOnly, false);
  const [pending, setPending] = useState<PendingImport | undefined>(undefined);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (pending) previewHeading.current?.focus();
  }, [pending]);

  const save = () => {
    const now = new Date();
    const name = exportFileName(now);
    download(name, exportProgress($progress.get(), now));
    setStatus({ text: fillTemplate(strings['transfer.exported'], { file: name }), error: false });
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setPending(undefined);
    if (!file) return;
    setStatus({ text: '', error: false });
    const result = await readImportFile(file);
    if (!result.ok) {
      const reason = fillTemplate(strings[importFailureKey(result.error)], { file: file.name });
      setStatus({ text: `${reason} ${strings['transfer.unchanged']}`, error: true });
      input.value = '';
      return;
    }
    if (planImport($progress.get(), result.data).changes.length === 0 && result.refused.length === 0) {
      setStatus({ text: fillTemplate(strings['transfer.nothingNew'], { file: file.name }), error: false });
      input.value = '';
      return;
    }
    setPending({ name: file.name, data: result.data, refused: result.refused });
  };

  const close = (message: { text: string; error: boolean }) => {
    setPending(undefined);
    setStatus(message);
    if (fileInput.current) fileInput.current.value = '';
    requestAnimationFrame(() => fileInput.current?.focus());
  };

  const apply = (data: ProgressData) => {
    const { counts } = planImport($progress.get(), data);
    const outcome = importProgress(data);
    if (outcome === 'read-only') {
      close({ text: `${strings['transfer.readOnly']} ${strings['transfer.unchanged']}`, error: true });
      return;
    }
    const imported = {
      ticks: counts.tick.added + counts.tick.overwritten,
      records: counts.record.added + counts.record.overwritten,
    };
    close(
      outcome === 'saved'
        ? { text: fillTemplate(strings['transfer.imported'], imported), error: false }
        : { text: fillTemplate(strings['transfer.importedNotSaved'], imported), error: true },
    );
  };

  // Planned against the progress of now, so that a change made in another tab meanwhile shows.
  const plan = pending ? planImport(progress, pending.data) : undefined;

  const describeChange = (change: ImportChange) => {
    const show = (value: string) =>
      change.type === 'tick'
        ? formatTickTime(value, lang)
        : formatRecordValue(
            change.key,
            value,
            lang,
            fields.find((field) => field.id === change.key)?.choices,
          );
    const what =
      change.type === 'tick'
        ? (steps[change.key] ?? change.key)
        : (fields.find((field) => field.id === change.key)?.label ?? change.key);
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
      const text = fillTemplate(strings[refusedEntryKey(entry)], entry);
      return <li key={`limit:${entry.what}`}>{text}</li>;
    }
    const what =
      entry.type === 'tick'
        ? (steps[entry.key] ?? shorten(entry.key))
        : (fields.find((field) => field.id === entry.key)?.label ?? shorten(entry.key));
    return (
      <li key={`${entry.type}:${index}`} data-refused={entry.reason}>
        {what} <span class="handoff-preview__change">{strings[refusedEntryKey(entry)]}</span>
      </li>
    );
  };

  const describedBy = [
    'handoff-import-hint',
    readOnly && 'handoff-import-read-only',
    status.error && 'handoff-import-status',
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
        class={`handoff-transfer__status${status.error ? ' handoff-transfer__status--error' : ''}`}
        role="status"
      >
        {status.text}
      </p>
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
              onClick={() => apply(pending.data)}
            >
              {strings['transfer.confirm']}
            </button>
            <button
              type="button"
              onClick={() => close({ text: strings['transfer.cancelled'], error: false })}
            >
              {strings['transfer.cancel']}
            </button>
          </p>
        </section>
      )}
    </div>
  );
}
