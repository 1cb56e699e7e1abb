import { getEntry } from 'astro:content';
import { createGuidePageCache } from './guide-page-cache';

const cache = createGuidePageCache(async (guide, lang) => {
  const entry = await getEntry('docs', lang === 'ja' ? guide : `${lang}/${guide}`);
  return entry && { title: entry.data.title, body: entry.body ?? '' };
});

/** A guide page in a language: its title, steps and phases, parsed once per build. */
export const getGuidePage = cache.page;

/** Every step of every guide in a language, by step id, built once per build. */
export const getStepIndex = cache.stepIndex;
