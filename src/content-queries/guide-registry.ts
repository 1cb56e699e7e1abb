/**
 * The parts of the guide registry (src/content/guides/) that only pages read at build time: labels
 * and hints of record fields and the names of choices. The browser never loads them.
 */
import type { Lang } from '../lib/guides';

/** The label and the hint of a record field in one language. */
export interface RecordText {
  label: string;
  hint: string;
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
