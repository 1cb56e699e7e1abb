/**
 * The parts of the guide registry (src/content/guides/) that only pages read at build time: labels
 * and hints of record fields and the names of choices, and the record fields of a step as its
 * island shows them. The browser never loads them.
 */
import type { Lang } from '../lib/guides';
import { recordFieldsOfStep, type RecordFieldView } from '../lib/records';
import { editionAgeYears, parseEdition } from '../lib/source-age';
import { fillTemplate } from '../lib/template';

/** The label and the hint of a record field in one language, and when it can be entered. */
export interface RecordText {
  label: string;
  hint: string;
  availableWhen?: string;
}

interface GuideTexts {
  id: string;
  source: {
    file: string;
    edition: string | null;
    description: Record<Lang, string>;
    note?: Record<Lang, string>;
  };
  lastChecked: string | null;
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

/** What the top of a guide says of its source: the document and edition, a remark, the last check. */
export interface GuideSourceView {
  /** 「出典：…（2014年、約12年前の資料）。」: the document, its edition and its age at build time. */
  sentence: string;
  note?: string;
  lastChecked: string | null;
}

type SourceStringKey = `source.${'document' | 'editionYear' | 'editionMonth' | 'undated' | 'age' | 'ageOne'}`;

/** The source of a guide, or of the guide that follows the seed document `seedFile`, in a language. */
export function guideSource(
  { guide, seedFile }: { guide?: string; seedFile?: string },
  lang: Lang,
  t: (key: SourceStringKey) => string,
): GuideSourceView {
  const entry = guides.find((candidate) => candidate.id === guide || candidate.source.file === seedFile);
  if (!entry) throw new Error(`No guide ${guide ?? `follows ${seedFile}`} in src/content/guides/`);
  const { description, note } = entry.source;
  const edition = parseEdition(entry.source.edition);
  const age = edition ? editionAgeYears(edition, new Date().toISOString().slice(0, 10)) : 0;
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
  const editionText = !edition
    ? t('source.undated')
    : (edition.month === undefined
        ? fillTemplate(t('source.editionYear'), { year: edition.year })
        : fillTemplate(t('source.editionMonth'), { year: edition.year, month: monthName(edition.month) })) +
      (age > 0 ? fillTemplate(t(age === 1 ? 'source.ageOne' : 'source.age'), { age }) : '');
  return {
    sentence: fillTemplate(t('source.document'), { document: description[lang], edition: editionText }),
    ...(note ? { note: note[lang] } : {}),
    lastChecked: entry.lastChecked,
  };
}
