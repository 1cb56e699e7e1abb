import { GUIDE_IDS, type GuideId, type Lang } from '../lib/guides';
import { memoize } from '../lib/memo';
import { extractPhases, extractSteps, type PhaseInfo, type StepInfo } from '../lib/steps';
import { pageHref } from './page-href';

/** A guide page as the content collection holds it. */
export interface GuideSource {
  title: string;
  body: string;
}

/** A guide page in one language, parsed. */
export interface GuidePage {
  title: string;
  steps: StepInfo[];
  phases: PhaseInfo[];
}

/** Where a step lives: its guide, its title in a language, and the link to it. */
export interface StepLocation {
  guide: GuideId;
  title: string;
  href: string;
}

/** The guide pages of one build, and how many times one was parsed. */
export interface GuidePageCache {
  /** A guide page in a language, read and parsed on the first request. */
  page: (guide: GuideId, lang: Lang) => Promise<GuidePage>;
  /** Every step of every guide in a language, by step id. */
  stepIndex: (lang: Lang) => Promise<Map<string, StepLocation>>;
  /** How many guide pages have been parsed so far. */
  parses: () => number;
}

/**
 * Guide pages read through `read` and parsed once per guide and language, however many steps, entries
 * and pages ask for them (every `<Step>` asks for the step index of every guide). Takes the reader as
 * an argument so that a unit test can count the parses without Astro.
 */
export function createGuidePageCache(
  read: (guide: GuideId, lang: Lang) => Promise<GuideSource | undefined>,
): GuidePageCache {
  let parses = 0;
  const page = memoize(async (guide: GuideId, lang: Lang): Promise<GuidePage> => {
    const source = await read(guide, lang);
    if (!source) throw new Error(`The ${guide} guide has no page in ${lang}`);
    parses++;
    return { title: source.title, steps: extractSteps(source.body), phases: extractPhases(source.body) };
  });
  const stepIndex = memoize(async (lang: Lang) => {
    const index = new Map<string, StepLocation>();
    for (const guide of GUIDE_IDS) {
      for (const step of (await page(guide, lang)).steps) {
        index.set(step.id, { guide, title: step.title, href: `${pageHref(guide, lang)}#${step.id}` });
      }
    }
    return index;
  });
  return { page, stepIndex, parses: () => parses };
}
