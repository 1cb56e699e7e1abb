import CopyButton from './CopyButton';
import { useHydrated, useHydratedStore } from './hydration';
import { $progress } from '../stores/progress';
import { HANDOFF_GUIDE, composeHandoff, stepsStillToTick, type HandoffField } from '../lib/handoff';
import { emptyProgress } from '../lib/progress-data';
import type { Lang } from '../lib/guides';
import type { UiStrings } from '../lib/ui-strings';

const EMPTY = emptyProgress();

/**
 * The message to the upstream distributor, composed from the records in the page's language and
 * kept up to date as they change (in this tab or another), or the required fields still missing,
 * each with when in the procedure it can be entered. Records live in this browser only, so the
 * server-rendered HTML (all a visitor without JavaScript sees) lists the required fields as what the
 * message is written from, saying nothing of whether they are entered, in the space the list of
 * missing fields takes.
 */
export default function HandoffMessage({
  lang,
  fields,
  reportedSteps,
  lines,
  strings,
}: {
  lang: Lang;
  fields: HandoffField[];
  /** The steps whose completion the message reports, with their titles and links. */
  reportedSteps: { id: string; title: string; href: string }[];
  /** The message's lines addressed to the distributor the site's settings name (lib/handoff addressedLines). */
  lines?: string[];
  strings: UiStrings<'handoffMessage.'>;
}) {
  const hydrated = useHydrated();
  const progress = useHydratedStore($progress, EMPTY);
  const handoff = composeHandoff(progress.records, lang, lines);
  const toTick = stepsStillToTick(HANDOFF_GUIDE === undefined ? undefined : progress.guides[HANDOFF_GUIDE]);

  // The message reports these steps as done: it is offered once they are ticked. Until the stored
  // progress is read, all of them are listed, so that the list does not appear after the page is shown.
  const stepsToTick = (!hydrated || toTick.length > 0) && (
    <div class="handoff-steps" data-state={hydrated ? 'not-done' : 'unread'}>
      <p>{strings['handoffMessage.stepsFirst']}</p>
      <ul>
        {reportedSteps
          .filter((step) => !hydrated || toTick.includes(step.id))
          .map((step) => (
            <li key={step.id}>
              <a href={step.href}>{step.title}</a>
            </li>
          ))}
      </ul>
    </div>
  );

  if (!hydrated || handoff.status === 'missing') {
    const listed =
      hydrated && handoff.status === 'missing' ? handoff.missing : fields.map((field) => field.id);
    return (
      <>
        {stepsToTick}
        <div class="handoff-message" data-state={hydrated ? 'missing' : 'unread'}>
          <p>{hydrated ? strings['handoffMessage.missing'] : strings['handoffMessage.composedFrom']}</p>
          <ul>
            {listed.map((id) => {
              const field = fields.find((candidate) => candidate.id === id);
              return (
                <li key={id}>
                  {field ? <a href={field.href}>{field.label}</a> : id}
                  {field?.availableWhen && <span class="handoff-message__when">{field.availableWhen}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      </>
    );
  }
  if (stepsToTick) return stepsToTick;
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
