import type { PhaseInfo } from './steps';
import { fillTemplate } from './template';
import { fixedDurationMs, type WaitDuration } from './waits';

/**
 * The timeline shown under a guide's title: its phases (the `##` sections with steps) in order,
 * with the waits and deadlines of the `waits` collection between them. Pure logic; the markup is
 * src/components/guide/GuideTimeline.astro.
 */

/** A heading of the rendered page, as Starlight lists them (`starlightRoute.headings`). */
export interface PageHeading {
  depth: number;
  slug: string;
  text: string;
}

/** A phase with the anchor of its section on the page. */
export interface LinkedPhase extends PhaseInfo {
  /** Id of the section's heading. */
  slug: string;
}

/** The part of a wait that places it on the timeline. */
export interface TimelineWait {
  startStep: string;
  waitingStep: string;
  duration: WaitDuration;
}

/** One item of the timeline: a phase, or the waits between two phases. */
export type TimelineItem<W extends TimelineWait = TimelineWait> =
  | { type: 'phase'; number: number; title: string; slug: string; stepCount: number }
  | { type: 'wait'; waits: W[] };

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * Gives each `##` section of a guide the slug of its heading: the page's depth-2 headings must be
 * the sections, in the same order and with the same text. Throws otherwise, so that a content
 * change cannot leave the timeline with broken links.
 */
export function linkPhases(phases: readonly PhaseInfo[], headings: readonly PageHeading[]): LinkedPhase[] {
  const sections = headings.filter((heading) => heading.depth === 2);
  if (sections.length !== phases.length) {
    throw new Error(
      `The page has ${sections.length} level-2 headings but its source has ${phases.length} ## sections`,
    );
  }
  return phases.map((phase, index) => {
    const heading = sections[index]!;
    if (!sameText(heading.text, phase.title)) {
      throw new Error(
        `Heading ${index + 1} reads "${heading.text}" on the page but "${phase.title}" in the source`,
      );
    }
    return { ...phase, title: heading.text, slug: heading.slug };
  });
}

/** A rough length of a wait in minutes, to list the shorter of two waits first. */
function roughMinutes(duration: WaitDuration): number {
  return 'businessDays' in duration
    ? duration.businessDays.min * 24 * 60
    : fixedDurationMs(duration) / 60_000;
}

/**
 * Lays out a guide's timeline: its phases with steps, numbered from 1, and a wait item after the
 * phase holding each wait's `startStep` (or, when its `waitingStep` is in a later phase, just before
 * that phase). Waits shown at the same place and started in the same phase share one item, shortest
 * first. Throws when a
 * wait names a step that is in no phase, or waits in a phase before the one that starts it.
 */
export function buildTimeline<W extends TimelineWait>(
  phases: readonly LinkedPhase[],
  waits: readonly W[],
): TimelineItem<W>[] {
  const withSteps = phases.filter((phase) => phase.stepIds.length > 0);
  const phaseOf = (stepId: string) => {
    const index = withSteps.findIndex((phase) => phase.stepIds.includes(stepId));
    if (index < 0) throw new Error(`Step "${stepId}" of a wait is in no phase of the guide`);
    return index;
  };

  /** Waits to show before phase `index` (or after the last phase, at `withSteps.length`), by start phase. */
  const slots = new Map<number, Map<number, W[]>>();
  for (const wait of waits) {
    const start = phaseOf(wait.startStep);
    const end = phaseOf(wait.waitingStep);
    if (end < start)
      throw new Error(`Step "${wait.waitingStep}" waits for a later step, "${wait.startStep}"`);
    const slot = end === start ? start + 1 : end;
    const groups = slots.get(slot) ?? new Map<number, W[]>();
    groups.set(start, [...(groups.get(start) ?? []), wait]);
    slots.set(slot, groups);
  }

  const items: TimelineItem<W>[] = [];
  const addWaits = (slot: number) => {
    const groups = [...(slots.get(slot) ?? new Map<number, W[]>())].sort(([a], [b]) => a - b);
    for (const [, group] of groups) {
      items.push({
        type: 'wait',
        waits: [...group].sort((a, b) => roughMinutes(a.duration) - roughMinutes(b.duration)),
      });
    }
  };
  withSteps.forEach((phase, index) => {
    addWaits(index);
    items.push({
      type: 'phase',
      number: index + 1,
      title: phase.title,
      slug: phase.slug,
      stepCount: phase.stepIds.length,
    });
  });
  addWaits(withSteps.length);
  return items;
}

/** The interface strings the timeline's texts are made of (keys of src/content/i18n/*.json). */
export type TimelineStringKey =
  | 'timeline.wait'
  | 'timeline.deadline'
  | 'timeline.recheck'
  | 'timeline.businessDays'
  | 'timeline.hours'
  | 'timeline.minutes';

/** What the timeline needs to word a wait: its kind and duration, and what it is about. */
export interface WaitWording {
  kind: 'business-days' | 'deadline' | 'recheck';
  duration: WaitDuration;
  /** A few words in brackets after the duration, e.g. 「Microsoft の審査」. */
  subject: string;
}

const WAIT_TEMPLATES = {
  'business-days': 'timeline.wait',
  deadline: 'timeline.deadline',
  recheck: 'timeline.recheck',
} as const;

/**
 * Words a wait for the timeline, from the page language's templates: 「待ち時間：3〜5営業日（Microsoft
 * の審査）」, "Deadline: within 15 minutes (confirmation code)".
 */
export function describeWait(wait: WaitWording, strings: (key: TimelineStringKey) => string): string {
  const { duration } = wait;
  const length =
    'businessDays' in duration
      ? fillTemplate(strings('timeline.businessDays'), duration.businessDays)
      : 'hours' in duration
        ? fillTemplate(strings('timeline.hours'), { n: duration.hours })
        : fillTemplate(strings('timeline.minutes'), { n: duration.minutes });
  return fillTemplate(strings(WAIT_TEMPLATES[wait.kind]), { duration: length, subject: wait.subject });
}
