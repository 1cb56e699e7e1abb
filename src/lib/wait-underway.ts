import type { GuideTicks } from './progress-data';
import type { WaitRule } from './waits';

/**
 * Whether a wait is underway (running or late): its start step is ticked and no step that ends it
 * is. Kept apart from the wait arithmetic (lib/waits.ts) so that a page can tell whether it needs
 * that code at all before loading it.
 */
export function isWaitUnderway(
  rule: Pick<WaitRule, 'startStep' | 'doneWhen'>,
  ticks: GuideTicks | undefined,
): boolean {
  return ticks?.[rule.startStep] !== undefined && !rule.doneWhen.some((step) => ticks[step] !== undefined);
}
