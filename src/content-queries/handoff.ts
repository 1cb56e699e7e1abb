import type { HandoffField } from '../islands/Handoff';
import { choiceLabel, recordLabel } from '../components/records/record-views';
import type { Translate } from '../components/ui-strings';
import { VENDOR_NAMES } from '../lib/faq-filter';
import type { Lang } from '../lib/guides';
import { memoize } from '../lib/memo';
import { RECORD_FIELDS } from '../lib/records';
import { getStepIndex } from './guide-pages';

/** Every record field but its label (which takes the page's translator): the step and choice labels. */
const getFieldSteps = memoize(async (lang: Lang): Promise<Omit<HandoffField, 'label'>[]> => {
  const steps = await getStepIndex(lang);
  return RECORD_FIELDS.map((field) => {
    const step = steps.get(field.step);
    if (!step) throw new Error(`Record field ${field.id} names an unknown step: ${field.step}`);
    return {
      id: field.id,
      href: step.href,
      step: `${VENDOR_NAMES[step.guide]}: ${step.title}`,
      ...('choices' in field
        ? { choices: Object.fromEntries(field.choices.map((value) => [value, choiceLabel(value, lang)])) }
        : {}),
    };
  });
});

/** Every record field with its label, the step where it is entered and, for choices, their labels. */
export async function getHandoffFields(t: Translate, lang: Lang): Promise<HandoffField[]> {
  return (await getFieldSteps(lang)).map(({ id, ...field }) => ({ id, label: recordLabel(t, id), ...field }));
}

/** The title of every step of every guide by `<guide id>/<step id>`, as an import names ticks. */
export const getStepTitles = memoize(async (lang: Lang): Promise<Record<string, string>> => {
  const steps = await getStepIndex(lang);
  return Object.fromEntries(
    [...steps].map(([id, step]) => [`${step.guide}/${id}`, `${VENDOR_NAMES[step.guide]}: ${step.title}`]),
  );
});
