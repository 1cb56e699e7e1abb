import { computed } from 'nanostores';
import {
  canUndo,
  changedEntries,
  undoChanges,
  withTickTime,
  type ChangedEntries,
} from '../lib/progress-undo';
import {
  $announcement,
  $lastUndoable,
  $progress,
  changeProgress,
  userChange,
  type SaveOutcome,
  type UndoableChange,
} from './progress';

/**
 * Taking back the user's last untick, reset or import, and correcting a tick's time: apart from the
 * progress store so that pages which only show progress (the home page) do not load it.
 */

/** The change the user can undo now: what it was, and the entries it touched. */
export interface UndoOffer extends Pick<UndoableChange, 'kind' | 'guide' | 'stepId' | 'changedAt'> {
  changes: ChangedEntries;
}

/**
 * The change the user can undo now. Offered with no time limit until their next change, or until an
 * entry it touched changes again (in another tab, say); it lasts as long as the page.
 */
export const $undoOffer = computed([$lastUndoable, $progress], (last, progress): UndoOffer | undefined => {
  if (!last) return undefined;
  const { before, after, ...offer } = last;
  const changes = changedEntries(before, after);
  return canUndo(changes, progress) ? { ...offer, changes } : undefined;
});

/** Undoes the change on offer, if any: every entry it touched gets back what it held before. */
export function undoLastChange(now: Date = new Date()): SaveOutcome | undefined {
  const offer = $undoOffer.get();
  if (!offer) return undefined;
  const outcome = changeProgress((data) =>
    canUndo(offer.changes, data) ? undoChanges(data, offer.changes, offer.changedAt, now) : data,
  );
  if (outcome === 'read-only') return outcome;
  $lastUndoable.set(undefined);
  $announcement.set(
    offer.guide === undefined ? { undone: offer.kind } : { guide: offer.guide, undone: offer.kind },
  );
  return outcome;
}

/** Corrects the completion time of a ticked step (`tickedAt`, already checked: see parseJapanTimeInput). */
export function correctTickTime(
  guide: string,
  stepId: string,
  tickedAt: string,
  now: Date = new Date(),
): SaveOutcome {
  const outcome = userChange((data) => withTickTime(data, guide, stepId, tickedAt, now), now);
  if (outcome !== 'read-only') $announcement.set({ guide, stepId, corrected: tickedAt });
  return outcome;
}
