import { getCollection, getEntry } from 'astro:content';
import type { GuideId, Lang } from '../../lib/guides';
import type { WaitNoticeItem } from '../../islands/WaitNotice';
import { getStepIndex, pageHref } from './step-index';

/** The waits of a guide in a language, each as its waiting step shows it. */
export async function getGuideWaits(
  guide: GuideId,
  lang: Lang,
): Promise<(WaitNoticeItem & { waitingStep: string; what: string })[]> {
  const waits = await getCollection('waits', (entry) => entry.data.guide === guide);
  const steps = await getStepIndex(lang);
  const stepTitle = (id: string) => {
    const step = steps.get(id);
    if (!step) throw new Error(`The wait data names step "${id}", which no ${lang} guide has`);
    return step;
  };
  return Promise.all(
    waits.map(async ({ id, data }) => {
      const faq = await getEntry('faq', `${lang}/${data.faq}`);
      if (!faq)
        throw new Error(`Wait "${id}" names troubleshooting entry "${data.faq}", which has no ${lang} page`);
      const next = data.nextStep ? stepTitle(data.nextStep) : undefined;
      return {
        rule: {
          id,
          kind: data.kind,
          startStep: data.startStep,
          doneWhen: data.doneWhen,
          duration: data.duration,
        },
        waitingStep: data.waitingStep,
        what: data[lang].what,
        label: data[lang].label,
        late: data[lang].late,
        startTitle: stepTitle(data.startStep).title,
        links: [
          ...(next ? [{ href: next.href, text: next.title }] : []),
          { href: `${pageHref('troubleshooting', lang)}#${data.faq}`, text: faq.data.title },
          ...data.links.map((link) => ({ href: link.href, text: link[lang] })),
        ],
      };
    }),
  );
}
