/**
 * The parts of the guide registry (src/content/guides/) that only pages read at build time: labels
 * and hints of record fields and the names of choices, and the record fields of a step as its
 * island shows them. The browser never loads them.
 */
import type { Lang } from '../lib/guides';
import { recordFieldsOfStep, type RecordFieldView } from '../lib/records';

/** The label and the hint of a record field in one language, and when it can be entered. */
export interface RecordText {
  label: string;
  hint: string;
  availableWhen?: string;
}

interface GuideTexts {
  recordTexts: Record<Lang, Record<string, RecordText>>;
  choiceLabels?: Partial<Record<Lang, Record<string, string>>>;
}

const guides = Object.values(
  import.meta.glob<GuideTexts>('../content/guides/*.json', { eager: true, import: 'default' }),
);

/** The label and hint of a record field in a language; undefined for a field no guide declares. */
export function recordText(fieldId: string, lang: Lang): RecordText | undefined {
  return guides.map((guide) => guide.recordTexts[lang][fieldId]).find((text) => text !== undefined);
}

/** How a choice value reads in a language, where its guide gives it another name there. */
export function registryChoiceLabel(value: string, lang: Lang): string | undefined {
  return guides.map((guide) => guide.choiceLabels?.[lang]?.[value]).find((label) => label !== undefined);
}

/** The label of a record field in a language; a field without one fails the build. */
export function recordLabel(fieldId: string, lang: Lang): string {
  const text = recordText(fieldId, lang);
  if (!text)
    throw new Error(
      `Record field ${fieldId} has no label in ${lang}: add it under recordTexts in its guide's file`,
    );
  return text.label;
}

/** The label of a stored choice in a language: 「リセラー（Solution Provider）」, "Solution Provider". */
export function choiceLabel(value: string, lang: Lang): string {
  const label = registryChoiceLabel(value, lang);
  return label !== undefined && label !== value ? `${label}（${value}）` : value;
}

/** The record fields of a step, with their texts in a language. */
export function recordFieldViews(stepId: string, lang: Lang): RecordFieldView[] {
  return recordFieldsOfStep(stepId).map((field) => ({
    id: field.id,
    kind: field.kind,
    label: recordLabel(field.id, lang),
    hint: recordText(field.id, lang)?.hint ?? '',
    ...('choices' in field && field.choices
      ? { choices: field.choices.map((value) => ({ value, label: choiceLabel(value, lang) })) }
      : {}),
  }));
}
