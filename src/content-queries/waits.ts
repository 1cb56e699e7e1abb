import { getCollection, getEntry } from 'astro:content';
import type { GuideId, Lang } from '../lib/guides';
import { memoize } from '../lib/memo';
import type { WaitNoticeItem } from '../lib/waits';
import { getStepIndex } from './guide-pages';
import { pageHref } from './page-href';

/**
 * A wait of a guide in a language, as its waiting step shows it and the home page lists it, with
 * `source` left to fill in from `seed`, the seed document its figures come from.
 */
export type GuideWait = Omit<WaitNoticeItem, 'source'> & { waitingStep: string; what: string; seed: string };

/** The entries of the `waits` collection for a guide, in both languages. */
export const getWaitEntries = memoize((guide: GuideId) =>
  getCollection('waits', (entry) => entry.data.guide === guide),
);

/** The waits of a guide in a language, each as its waiting step shows it; built once per build. */
export const getGuideWaits = memoize(async (guide: GuideId, lang: Lang): Promise<GuideWait[]> => {
  const steps = await getStepIndex(lang);
  const stepTitle = (id: string) => {
    const step = steps.get(id);
    if (!step) throw new Error(`The wait data names step "${id}", which no ${lang} guide has`);
    return step;
  };
  return Promise.all(
    (await getWaitEntries(guide)).map(async ({ id, data }) => {
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
        seed: data.source.seed,
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
});

/** The waits a step shows: those of its guide that wait on it. */
export async function getStepWaits(guide: GuideId, lang: Lang, stepId: string): Promise<GuideWait[]> {
  return (await getGuideWaits(guide, lang)).filter((wait) => wait.waitingStep === stepId);
}
