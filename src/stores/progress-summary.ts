import { computed, type ReadableAtom } from 'nanostores';
import { summarizeGuide, type GuideSummary } from '../lib/progress';
import { $progress } from './progress';

const stores = new Map<string, ReadableAtom<GuideSummary>>();

/**
 * How far a guide is (steps done, total, next step), following progress: one store per guide and
 * list of steps, worked out once per change however many islands show it.
 */
export function guideSummary(guide: string, stepIds: readonly string[]): ReadableAtom<GuideSummary> {
  const key = `${guide}:${stepIds.join()}`;
  const known = stores.get(key);
  if (known) return known;
  const $summary = computed($progress, (progress) => summarizeGuide(stepIds, progress.guides[guide]));
  stores.set(key, $summary);
  return $summary;
}
