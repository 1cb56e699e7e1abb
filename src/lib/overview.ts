import type { RunningWaitState } from './current-wait';
import type { GuideSummary } from './progress';
import { REGISTRATION_PARAMETER } from './tab-registration';
import type { WaitState } from './waits';

/**
 * The home page's overview of several registrations (islands/home-overview.ts): how much each one
 * needs attention, and the order that follows from it. Pure arithmetic on what the overview has
 * already worked out (each guide's summary and the state of each of its waits).
 */

/**
 * How soon a registration needs attention, most pressing first:
 * - `late`: a wait is past its end (a review overdue, a deadline gone by, time to check again);
 *   `at` is when the first of them ran late;
 * - `due`: a wait is running; `at` is the soonest end among them (a deadline, the last day of an
 *   expected window);
 * - `in-progress`: some step is done and some is not, with nothing to wait for;
 * - `rest`: nothing started, or everything done.
 */
export type Attention =
  { kind: 'late'; at: number } | { kind: 'due'; at: number } | { kind: 'in-progress' } | { kind: 'rest' };

/** What the overview knows of one guide of a registration. */
export interface GuideStanding {
  summary: Pick<GuideSummary, 'done' | 'total'>;
  /** The state of each of the guide's waits; undefined while it cannot be worked out yet. */
  waits: readonly (WaitState | undefined)[];
}

const RANK: Record<Attention['kind'], number> = { late: 0, due: 1, 'in-progress': 2, rest: 3 };

/** How soon a registration with these guides needs attention (see Attention). */
export function attentionOf(guides: readonly GuideStanding[]): Attention {
  const running = guides.flatMap(({ waits }) =>
    waits.filter((state): state is RunningWaitState => state?.phase === 'pending' || state?.phase === 'late'),
  );
  const soonest = (phase: 'pending' | 'late') =>
    Math.min(...running.flatMap((state) => (state.phase === phase ? [state.until.getTime()] : [])));
  if (running.some((state) => state.phase === 'late')) return { kind: 'late', at: soonest('late') };
  if (running.length > 0) return { kind: 'due', at: soonest('pending') };
  const started = guides.some(({ summary }) => summary.done > 0);
  const finished = guides.every(({ summary }) => summary.done >= summary.total);
  return started && !finished ? { kind: 'in-progress' } : { kind: 'rest' };
}

/**
 * Compares two attentions for sorting, most pressing first: late before due before in progress
 * before the rest; among late ones, the one late the longest; among due ones, the soonest end.
 */
export function compareAttention(a: Attention, b: Attention): number {
  const byKind = RANK[a.kind] - RANK[b.kind];
  if (byKind !== 0) return byKind;
  return 'at' in a && 'at' in b ? a.at - b.at : 0;
}

/**
 * The items (registrations, given in creation order) in the order of their attention (see
 * compareAttention); items that need attention equally keep their given order.
 */
export function orderByAttention<T extends { attention: Attention }>(items: readonly T[]): T[] {
  return items
    .map((item, position) => ({ item, position }))
    .sort((a, b) => compareAttention(a.item.attention, b.item.attention) || a.position - b.position)
    .map(({ item }) => item);
}

/** A page's address with `?r=<id>`, which opens it on that registration; a fragment stays at the end. */
export function withRegistrationParameter(href: string, id: string): string {
  const [path = '', fragment] = href.split('#', 2);
  const joined = `${path}${path.includes('?') ? '&' : '?'}${REGISTRATION_PARAMETER}=${encodeURIComponent(id)}`;
  return fragment === undefined ? joined : `${joined}#${fragment}`;
}
