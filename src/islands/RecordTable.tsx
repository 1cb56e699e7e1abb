import CopyButton from './CopyButton';
import { useHydrated, useHydratedStore } from './hydration';
import { $progress } from '../stores/progress';
import { formatRecordValue, type HandoffField } from '../lib/handoff';
import { emptyProgress } from '../lib/progress-data';
import { fillTemplate } from '../lib/template';
import type { Lang } from '../lib/guides';
import type { UiStrings } from '../lib/ui-strings';

const EMPTY = emptyProgress();

/**
 * Every record field with its stored value (or that it is not entered), a button that copies the
 * value as shown, and a link to its step. Until the stored records have been read (with JavaScript
 * off, always), a value cell shows a dash and claims nothing.
 */
export default function RecordTable({
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
          const stored = progress.records[field.id]?.value.trim();
          const shown = stored && formatRecordValue(field.id, stored, lang, field.choices);
          return (
            <tr key={field.id} data-field={field.id}>
              <th scope="row">{field.label}</th>
              <td>
                {!hydrated ? (
                  <span class="handoff-records__empty">
                    <span aria-hidden="true">—</span>
                    <span class="sr-only">{strings['recordTable.notShown']}</span>
                  </span>
                ) : shown ? (
                  <>
                    <span class="handoff-records__value">{shown}</span>{' '}
                    <CopyButton
                      text={shown}
                      label={strings['recordTable.copy']}
                      accessibleLabel={fillTemplate(strings['recordTable.copyLabel'], { label: field.label })}
                      copied={strings['recordTable.copied']}
                      failed={strings['recordTable.copyFailed']}
                    />
                  </>
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
