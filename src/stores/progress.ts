import { atom, computed } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  withStep,
  withoutGuide,
  type ProgressData,
} from '../lib/progress-data';
import { $storageHealth, getStorageEngine } from './storage-engine';

/** localStorage key of the checklist progress; every key of this site starts with the same prefix. */
export const STORAGE_PREFIX = 'partner-guides:';
export const PROGRESS_KEY = `${STORAGE_PREFIX}progress`;
/** Where an unreadable stored value is kept aside before it is replaced. */
export const PROGRESS_BACKUP_KEY = `${STORAGE_PREFIX}progress-backup`;

/** The progress as held in memory, plus the stored text when it must not be overwritten. */
interface ProgressState {
  data: ProgressData;
  /** Set when storage holds a newer version: writing this back leaves it untouched. */
  newerRaw?: string;
}

/** A problem found while reading storage, for the notice shown to the user. */
export type StorageProblem =
  | { kind: 'recovered'; backupKey: string }
  | { kind: 'newer'; version: number }
  | { kind: 'backup-failed' };

/** The latest problem found in stored progress, if any; the interface shows it as a notice. */
export const $storageProblem = atom<StorageProblem | undefined>(undefined);

/** Keeps an unreadable value aside so nothing is silently thrown away. */
function keepAside(raw: string): void {
  const engine = getStorageEngine();
  if (engine[PROGRESS_BACKUP_KEY] !== raw) engine[PROGRESS_BACKUP_KEY] = raw;
  $storageProblem.set(
    $storageHealth.get() === 'ok' ? { kind: 'recovered', backupKey: PROGRESS_BACKUP_KEY } : { kind: 'backup-failed' },
  );
}

function decodeState(raw: string | undefined): ProgressState {
  const decoded = decodeProgress(raw);
  switch (decoded.status) {
    case 'recovered':
      keepAside(decoded.raw);
      return { data: decoded.data };
    case 'newer':
      $storageProblem.set({ kind: 'newer', version: decoded.version });
      return { data: decoded.data, newerRaw: decoded.raw };
    default:
      // A value written by a newer tab and then replaced by a readable one ends read-only mode.
      if ($storageProblem.get()?.kind === 'newer') $storageProblem.set(undefined);
      return { data: decoded.data };
  }
}

const $state = persistentAtom<ProgressState>(
  PROGRESS_KEY,
  { data: emptyProgress() },
  {
    decode: decodeState,
    encode: (state) => state.newerRaw ?? encodeProgress(state.data),
    listen: true,
  },
);

/** Ticks of every guide; changes with user actions, other tabs and back/forward navigation. */
export const $progress = computed($state, (state) => state.data);

/** True while storage holds progress from a newer version of the site: ticking is then disabled. */
export const $progressReadOnly = computed($state, (state) => state.newerRaw !== undefined);

/** The last change the user made, for the polite status region (never set by restoring state). */
export const $announcement = atom<{ guide: string; stepId: string; ticked: boolean } | { guide: string; reset: true } | undefined>(
  undefined,
);

/** Ticks or unticks a step now. Does nothing while progress is read-only. */
export function setStepTicked(guide: string, stepId: string, ticked: boolean, now: Date = new Date()): void {
  const state = $state.get();
  if (state.newerRaw !== undefined) return;
  $state.set({ data: withStep(state.data, guide, stepId, ticked ? now.toISOString() : undefined) });
  $announcement.set({ guide, stepId, ticked });
}

/** Clears every tick of a guide. Does nothing while progress is read-only. */
export function resetGuide(guide: string): void {
  const state = $state.get();
  if (state.newerRaw !== undefined) return;
  $state.set({ data: withoutGuide(state.data, guide) });
  $announcement.set({ guide, reset: true });
}
