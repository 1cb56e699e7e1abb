import { useEffect, useRef, useState } from 'preact/hooks';
import { StorageNotice } from './StorageNotice';
import { downloadJson } from './download';
import { useHydrated, useHydratedStore } from './hydration';
import { $progressReadOnly, $registrationId } from '../stores/progress';
import { $registrations } from '../stores/registrations';
import {
  $canUndoImport,
  $importChoice,
  $importFlow,
  $importTargets,
  cancelImport,
  chooseImportFile,
  chooseImportTarget,
  confirmImport,
  exportAllFile,
  exportFile,
  undoImport,
  type ImportFlow,
} from '../stores/import-flow';
import type { HandoffField } from '../lib/handoff';
import { formatRecordValue } from '../lib/record-format';
import { defaultImportChoice, type ImportChoice } from '../lib/import-targets';
import { formatTickTime } from '../lib/progress';
import {
  emptyRegistrations,
  listRegistrations,
  registrationLabel,
  registrationNameProblem,
} from '../lib/registrations';
import { fillTemplate } from '../lib/template';
import type { ImportChange, ImportPlan, RefusedEntry } from '../lib/transfer';
import { refusedEntryKey } from '../lib/transfer-messages';
import type { Lang } from '../lib/guides';
import type { UiStrings } from '../lib/ui-strings';

const IDLE: ImportFlow = { pending: undefined, status: undefined };
const NO_REGISTRATIONS = emptyRegistrations();

/** Refused entries listed one by one; the rest are counted, so a hostile file cannot flood the page. */
const MAX_REFUSED_SHOWN = 20;

/** A name from a file, shortened for display: it may be as long as the file allows. */
function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Saving progress and records to a file, and importing such a file (src/stores/import-flow.ts): the
 * file is read and checked first, what it would change is shown with the choice of where it goes
 * (this tab's registration, another or a new one; for a file of several, by name or all new), and
 * only confirming applies it. With several registrations, it saves this tab's or every one.
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
  strings: UiStrings<
    | 'transfer.'
    | 'recordError.'
    | 'notice.'
    | 'registration.defaultName'
    | 'registration.thisTab'
    | 'registration.nameHint'
    | 'registration.error.'
  >;
}) {
  const hydrated = useHydrated();
  const readOnly = useHydratedStore($progressReadOnly, false);
  const { pending, status } = useHydratedStore($importFlow, IDLE);
  const targets = useHydratedStore($importTargets, undefined);
  const chosen = useHydratedStore($importChoice, undefined);
  const canUndoImport = useHydratedStore($canUndoImport, false);
  const index = useHydratedStore($registrations, NO_REGISTRATIONS);
  const tabId = useHydratedStore($registrationId, '');
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  // What the user last picked for each kind of target, kept while they switch between them.
  const [existingId, setExistingId] = useState<string | undefined>(undefined);
  const [newName, setNewName] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!pending) return;
    setExistingId(undefined);
    setNewName(undefined);
    previewHeading.current?.focus();
  }, [pending]);

  const registrations = listRegistrations(index);
  /** The name shown for a registration; this tab's, when not stored yet, is numbered after the others. */
  const labelOf = (id: string) =>
    registrationLabel(index, id, strings['registration.defaultName']) ??
    fillTemplate(strings['registration.defaultName'], { number: registrations.length + 1 });
  /** Where a file of one registration may go: every registration, and this tab's even before it is stored. */
  const choosable = registrations.some(({ id }) => id === tabId)
    ? registrations.map(({ id }) => id)
    : [...registrations.map(({ id }) => id), tabId];

  const save = (exportOf: typeof exportFile) => {
    const { name, text } = exportOf();
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

  /** A registration of the file by its name, or numbered by its place in the file when it has none. */
  const fileLabelOf = (name: string, source: number) =>
    name || fillTemplate(strings['registration.defaultName'], { number: source + 1 });

  const describeRefused = (
    { entry, from }: { entry: RefusedEntry; from: string | undefined },
    index: number,
  ) => {
    const prefix = from === undefined ? '' : `${shorten(from)}: `;
    if (entry.type === 'over-limit') {
      return (
        <li key={`limit:${entry.what}:${index}`}>
          {prefix}
          {fillTemplate(strings[refusedEntryKey(entry)], entry)}
        </li>
      );
    }
    const what =
      entry.type === 'tick'
        ? (steps[entry.key] ?? shorten(entry.key))
        : (fieldOf(entry.key)?.label ?? shorten(entry.key));
    return (
      <li key={`${entry.type}:${index}`} data-refused={entry.reason}>
        {prefix}
        {what} <span class="handoff-preview__change">{strings[refusedEntryKey(entry)]}</span>
      </li>
    );
  };

  const several = (pending?.registrations.length ?? 0) > 1;
  const choice = pending && (chosen ?? defaultImportChoice(pending.registrations, tabId));
  const [only] = targets?.imports ?? [];
  const plan = !several ? only?.plan : undefined;
  const refused = (pending?.registrations ?? []).flatMap(({ name, refused: entries }, source) =>
    entries.map((entry) => ({ entry, from: several ? fileLabelOf(name, source) : undefined })),
  );
  const nameProblem = choice?.kind === 'new' ? registrationNameProblem(choice.name) : undefined;
  const changeCount = (targets?.imports ?? []).reduce(
    (sum, { plan: { changes } }) => sum + changes.length,
    0,
  );
  const selectedId = existingId ?? (choice?.kind === 'existing' ? choice.id : tabId);
  const typedName = newName ?? pending?.registrations[0]?.name ?? '';
  const countsOf = ({ counts }: ImportPlan) => (
    <>
      <li data-count="tick">{fillTemplate(strings['transfer.countTicks'], counts.tick)}</li>
      <li data-count="record">{fillTemplate(strings['transfer.countRecords'], counts.record)}</li>
    </>
  );

  /**
   * One of the choices of where an import goes, as a radio button of the group `name`; the field it
   * enables follows, as a record field is (styles/handoff.css aligns it with the choice's text).
   */
  const choiceOf = (name: string, value: ImportChoice, label: string) => (
    <label class="handoff-preview__choice">
      <input
        type="radio"
        name={name}
        checked={choice?.kind === value.kind}
        onChange={() => chooseImportTarget(value)}
      />{' '}
      {label}
    </label>
  );

  /** Where a file of one registration goes: an existing registration or a new one. */
  const chooseOne = pending && !several && (
    <fieldset class="record-fields">
      <legend class="record-fields__legend">{strings['transfer.targetLegend']}</legend>
      {choiceOf(
        'handoff-import-target',
        { kind: 'existing', id: selectedId },
        strings['transfer.targetExisting'],
      )}
      <div class="record-field">
        <label for="handoff-import-registration">{strings['transfer.targetExistingLabel']}</label>
        <select
          id="handoff-import-registration"
          disabled={choice?.kind !== 'existing'}
          onChange={(event) => {
            setExistingId(event.currentTarget.value);
            chooseImportTarget({ kind: 'existing', id: event.currentTarget.value });
          }}
        >
          {choosable.map((id) => (
            <option key={id} value={id} selected={id === selectedId}>
              {labelOf(id)}
              {id === tabId && ` ${strings['registration.thisTab']}`}
            </option>
          ))}
        </select>
      </div>
      {choiceOf('handoff-import-target', { kind: 'new', name: typedName }, strings['transfer.targetNew'])}
      <div class="record-field">
        <label for="handoff-import-name">{strings['transfer.targetNewName']}</label>
        <input
          type="text"
          id="handoff-import-name"
          value={typedName}
          disabled={choice?.kind !== 'new'}
          aria-describedby={`handoff-import-name-hint${nameProblem ? ' handoff-import-name-error' : ''}`}
          aria-invalid={nameProblem ? 'true' : undefined}
          onInput={(event) => {
            setNewName(event.currentTarget.value);
            chooseImportTarget({ kind: 'new', name: event.currentTarget.value });
          }}
        />
        <p class="handoff__hint" id="handoff-import-name-hint">
          {strings['registration.nameHint']}
        </p>
        {nameProblem && (
          <p class="handoff-transfer__status--error" id="handoff-import-name-error">
            {strings[`registration.error.${nameProblem}`]}
          </p>
        )}
      </div>
    </fieldset>
  );

  /** How a file of several registrations goes, and where each of them goes. */
  const chooseSeveral = pending && several && targets && (
    <>
      <p>
        {fillTemplate(strings['transfer.severalIntro'], {
          file: pending.name,
          count: pending.registrations.length,
        })}
      </p>
      <fieldset class="record-fields">
        <legend class="record-fields__legend">{strings['transfer.severalLegend']}</legend>
        {choiceOf('handoff-import-several', { kind: 'by-name' }, strings['transfer.severalByName'])}
        {choiceOf('handoff-import-several', { kind: 'all-new' }, strings['transfer.severalAllNew'])}
      </fieldset>
      <ul class="handoff-preview__registrations">
        {targets.imports.map(({ source, name, target, plan: itsPlan }) => (
          <li key={source} data-target={target.kind}>
            <strong>{shorten(fileLabelOf(name, source))}</strong>{' '}
            {target.kind === 'existing'
              ? fillTemplate(strings['transfer.planMerge'], { target: labelOf(target.id) })
              : strings['transfer.planNew']}
            <ul class="handoff-preview__counts">{countsOf(itsPlan)}</ul>
          </li>
        ))}
      </ul>
    </>
  );

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
        <button type="button" disabled={!hydrated} onClick={() => save(exportFile)}>
          {registrations.length > 1
            ? fillTemplate(strings['transfer.exportThis'], { name: labelOf(tabId) })
            : strings['transfer.export']}
        </button>{' '}
        {registrations.length > 1 && (
          <button type="button" onClick={() => save(exportAllFile)}>
            {fillTemplate(strings['transfer.exportAll'], { count: registrations.length })}
          </button>
        )}
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
        {status?.keys
          .map((key) =>
            fillTemplate(strings[key], {
              ...status.values,
              ...(typeof status.values.registration === 'string' && {
                name: labelOf(status.values.registration),
              }),
            }),
          )
          .join(' ')}
        {canUndoImport && !pending && ` ${strings['transfer.undoAvailable']}`}
      </p>
      {canUndoImport && !pending && (
        <p>
          <button type="button" onClick={() => close(undoImport)}>
            {strings['transfer.undo']}
          </button>
        </p>
      )}
      {pending && targets && (
        <section class="handoff-preview" aria-labelledby="handoff-preview-heading">
          <h3 id="handoff-preview-heading" tabIndex={-1} ref={previewHeading}>
            {strings['transfer.previewHeading']}
          </h3>
          {chooseOne}
          {chooseSeveral}
          {plan &&
            (plan.changes.length === 0 ? (
              <p>{fillTemplate(strings['transfer.nothingNew'], { file: pending.name })}</p>
            ) : (
              <>
                <p>
                  {choice?.kind === 'new'
                    ? fillTemplate(strings['transfer.previewNew'], { file: pending.name })
                    : fillTemplate(strings['transfer.previewInto'], {
                        file: pending.name,
                        target: choice?.kind === 'existing' ? labelOf(choice.id) : '',
                      })}
                </p>
                <ul class="handoff-preview__counts">{countsOf(plan)}</ul>
                <ul class="handoff-preview__changes">{plan.changes.map(describeChange)}</ul>
              </>
            ))}
          {targets.overLimit && (
            <p class="handoff-transfer__status--error">{strings['transfer.overLimit']}</p>
          )}
          {refused.length > 0 && (
            <div class="handoff-preview__refused">
              <h4>{strings['transfer.refusedHeading']}</h4>
              <p>{strings['transfer.refusedIntro']}</p>
              <ul>
                {refused.slice(0, MAX_REFUSED_SHOWN).map(describeRefused)}
                {refused.length > MAX_REFUSED_SHOWN && (
                  <li>
                    {fillTemplate(strings['transfer.refusedMore'], {
                      count: refused.length - MAX_REFUSED_SHOWN,
                    })}
                  </li>
                )}
              </ul>
            </div>
          )}
          <p class="handoff-preview__actions not-content">
            <button
              type="button"
              disabled={readOnly || changeCount === 0 || targets.overLimit || nameProblem !== undefined}
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
