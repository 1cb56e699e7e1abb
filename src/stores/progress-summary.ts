import { computed, type ReadableAtom } from 'nanostores';
import { memoize } from '../lib/memo';
import { summarizeGuide, type CountedStep, type GuideSummary } from '../lib/progress';
import { $progress } from './progress';

/**
 * How far a guide is (steps done, total, next step), following progress: one store per guide and
 * list of steps, worked out once per change however many islands show it.
 */
export const guideSummary = memoize(
  (guide: string, steps: readonly CountedStep[]): ReadableAtom<GuideSummary> =>
    computed($progress, (progress) => summarizeGuide(steps, progress.guides[guide])),
  (guide, steps) => `${guide}:${steps.map(({ id, when }) => (when === undefined ? id : `${id}?`)).join()}`,
);
