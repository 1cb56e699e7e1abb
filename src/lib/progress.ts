import type { GuideTicks } from './progress-data';
import type { StepInfo } from './steps';

/** How far a guide is, counting only the steps the content has now. */
export interface GuideSummary {
  /** Steps ticked, among those counted (not conditional). */
  done: number;
  /** Steps counted: every step but the conditional ones. */
  total: number;
  /** First counted step, in guide order, that is not ticked; undefined when all are. */
  nextStepId: string | undefined;
}

/** What progress needs of a step: its id, and whether it is conditional. */
export type CountedStep = Pick<StepInfo, 'id' | 'when'>;

/**
 * Sums up a guide's ticks against its current steps; ticks of removed steps are ignored. A
 * conditional step (with `when`) is done only by those it concerns: its tick is kept and shown but
 * never counted, so the guide is complete without it, and it is never the next step.
 */
export function summarizeGuide(steps: readonly CountedStep[], ticks: GuideTicks | undefined): GuideSummary {
  const ticked = ticks ?? {};
  let done = 0;
  let total = 0;
  let nextStepId: string | undefined;
  for (const { id, when } of steps) {
    if (when !== undefined) continue;
    total++;
    if (Object.hasOwn(ticked, id)) done++;
    else nextStepId ??= id;
  }
  return { done, total, nextStepId };
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

/**
 * Where a phase of a guide stands, from the ids of its counted steps (conditional ones left out):
 * `done` when all are ticked, `current` when it holds the guide's next step, otherwise undefined.
 */
export function phaseState(
  countedStepIds: readonly string[],
  ticks: GuideTicks | undefined,
  nextStepId: string | undefined,
): 'done' | 'current' | undefined {
  if (nextStepId !== undefined && countedStepIds.includes(nextStepId)) return 'current';
  return countedStepIds.every((id) => ticks !== undefined && Object.hasOwn(ticks, id)) ? 'done' : undefined;
}
