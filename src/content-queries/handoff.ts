import type { HandoffField } from '../lib/handoff';
import { vendorName, type Lang } from '../lib/guides';
import { memoize } from '../lib/memo';
import { RECORD_FIELDS, recordFieldAnchor } from '../lib/records';
import { getStepIndex } from './guide-pages';
import { choiceLabel, recordLabel, recordText } from './guide-registry';

/**
 * Every record field with its label, the step where it is entered, when it can be entered (where
 * the registry says) and, for choices, their labels.
 */
export const getHandoffFields = memoize(async (lang: Lang): Promise<HandoffField[]> => {
  const steps = await getStepIndex(lang);
  return RECORD_FIELDS.map((field) => {
    const step = steps.get(field.step);
    if (!step) throw new Error(`Record field ${field.id} names an unknown step: ${field.step}`);
    const availableWhen = recordText(field.id, lang)?.availableWhen;
    return {
      id: field.id,
      label: recordLabel(field.id, lang),
      href: `${step.href.replace(/#.*$/, '')}#${recordFieldAnchor(field.id)}`,
      step: `${vendorName(step.guide, lang)}: ${step.title}`,
      ...(availableWhen ? { availableWhen } : {}),
      ...(field.choices
        ? { choices: Object.fromEntries(field.choices.map((value) => [value, choiceLabel(value, lang)])) }
        : {}),
    };
  });
});

/** The title of every step of every guide by `<guide id>/<step id>`, as an import names ticks. */
export const getStepTitles = memoize(async (lang: Lang): Promise<Record<string, string>> => {
  const steps = await getStepIndex(lang);
  return Object.fromEntries(
    [...steps].map(([id, step]) => [`${step.guide}/${id}`, `${vendorName(step.guide, lang)}: ${step.title}`]),
  );
});
