import type { GuideTicks } from './progress-data';

/** How far a guide is, counting only the steps the content has now. */
export interface GuideSummary {
  done: number;
  total: number;
  /** First step, in guide order, that is not ticked; undefined when all are. */
  nextStepId: string | undefined;
}

/** Sums up a guide's ticks against its current list of step ids; ticks of removed steps are ignored. */
export function summarizeGuide(stepIds: readonly string[], ticks: GuideTicks | undefined): GuideSummary {
  const ticked = ticks ?? {};
  let done = 0;
  let nextStepId: string | undefined;
  for (const id of stepIds) {
    if (Object.hasOwn(ticked, id)) done++;
    else nextStepId ??= id;
  }
  return { done, total: stepIds.length, nextStepId };
}

/** Formats a tick time for a page language, in Japan time (the procedures run on Japanese business days). */
export function formatTickTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: lang === 'ja' ? 'numeric' : 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
