import { atom } from 'nanostores';

/**
 * The storage the progress store writes to: the browser's localStorage behind a guard.
 *
 * localStorage can be missing, throw on access (SecurityError under strict privacy settings) or
 * refuse writes (QuotaExceededError, private windows). Every access goes through try/catch here;
 * a failed write keeps the value in memory so the page goes on working for this visit, and
 * `$storageHealth` says why ('full' or 'unavailable') so the interface can say progress will not be kept.
 */

/**
 * Whether values written now will still be there after a reload: 'full' while the browser refuses
 * writes for lack of space (a later write that fits turns it back to 'ok'), 'unavailable' once it
 * refused access for any other reason (privacy settings, policies).
 */
export type StorageHealth = 'ok' | 'full' | 'unavailable';

/** The state of the browser's storage, as the last access found it. */
export const $storageHealth = atom<StorageHealth>('ok');

/** Tells a full storage from one that is refused: browsers name the error QuotaExceededError. */
export function isQuotaError(error: unknown): boolean {
  // Old Firefox versions used their own name.
  return (
    error instanceof DOMException && ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'].includes(error.name)
  );
}

/** The subset of the Web Storage API the guard uses. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Storage that never throws: a value it could not write is read back from memory for this visit. */
export interface GuardedStorage {
  read(key: string): string | undefined;
  write(key: string, value: string): void;
  remove(key: string): void;
}

/**
 * Wraps a storage so that no access throws; values that cannot be written stay in memory.
 * `onFailure` hears of every refused access, `onWritten` of every write that was kept.
 */
export function createGuardedStorage(
  openStorage: () => StorageLike | undefined,
  onFailure: (error: unknown) => void,
  onWritten: () => void = () => undefined,
): GuardedStorage {
  const unsaved = new Map<string, string>();
  let storage: StorageLike | undefined;
  try {
    storage = openStorage();
    if (!storage) onFailure(new Error('No storage in this environment'));
  } catch (error) {
    onFailure(error);
  }
  return {
    read(key) {
      if (unsaved.has(key)) return unsaved.get(key);
      if (!storage) return undefined;
      try {
        return storage.getItem(key) ?? undefined;
      } catch (error) {
        onFailure(error);
        return undefined;
      }
    },
    write(key, value) {
      try {
        if (!storage) throw new Error('No storage in this environment');
        storage.setItem(key, value);
        unsaved.delete(key);
        onWritten();
      } catch (error) {
        unsaved.set(key, value);
        onFailure(error);
      }
    },
    remove(key) {
      unsaved.delete(key);
      try {
        storage?.removeItem(key);
      } catch (error) {
        onFailure(error);
      }
    },
  };
}

/** What a storage event says: the key another tab changed, or null when it cleared the storage. */
export interface StorageChange {
  key: string | null;
}

/**
 * How the stores hear of changes made by other tabs (`listener`) and of the page coming back from
 * the back/forward cache (`restore`), when they may have missed some.
 */
export interface StorageEvents {
  addEventListener(key: string, listener: (event: StorageChange) => void, restore: () => void): void;
  removeEventListener(key: string, listener: (event: StorageChange) => void, restore: () => void): void;
}

/** The window's storage and pageshow events. */
const windowStorageEvents: StorageEvents = {
  addEventListener(_key, listener, restore) {
    window.addEventListener('storage', listener);
    window.addEventListener('pageshow', restore);
  },
  removeEventListener(_key, listener, restore) {
    window.removeEventListener('storage', listener);
    window.removeEventListener('pageshow', restore);
  },
};

let activeEngine: GuardedStorage = createGuardedStorage(
  () => undefined,
  () => undefined,
);

let activeEvents: StorageEvents = { addEventListener: () => undefined, removeEventListener: () => undefined };

/** This tab's own storage (sessionStorage): which registration the tab is on. Its failures are not reported. */
let tabEngine: GuardedStorage = activeEngine;

/** The query string of the page's address, where a link may name a registration (`?r=<id>`). */
let pageSearch = '';

/** Reads a value through the storage the stores use now (this visit's unsaved value, if any). */
export function readStored(key: string): string | undefined {
  return activeEngine.read(key);
}

/** Removes a value from the storage the stores use now (a removed registration's progress). */
export function removeStored(key: string): void {
  activeEngine.remove(key);
}

/** Reads a value of this tab's own storage (sessionStorage); undefined when there is none or it fails. */
export function readTabStored(key: string): string | undefined {
  return tabEngine.read(key);
}

/** Writes a value to this tab's own storage (held in memory for the visit if the browser refuses it). */
export function writeTabStored(key: string, value: string): void {
  tabEngine.write(key, value);
}

/** The value of a parameter of the page's address (the query string), or null. */
export function pageParameter(name: string): string | null {
  return new URLSearchParams(pageSearch).get(name);
}

/** How the stores hear of changes made by other tabs now. */
export function getStorageEvents(): StorageEvents {
  return activeEvents;
}

/**
 * Writes a value through the engine and tells whether the browser kept it (false: it is held in
 * memory for this visit only).
 */
export function writeStored(key: string, value: string): boolean {
  activeEngine.write(key, value);
  return $storageHealth.get() === 'ok';
}

/** What belongs to one tab: its own storage (the browser's sessionStorage) and the page's query string. */
export interface TabEnvironment {
  openStorage?: () => StorageLike | undefined;
  search?: string;
}

/**
 * Makes the stores use a guarded copy of the given storage. Call it before the stores
 * are created; the browser entry does it with localStorage, tests with a fake.
 */
export function installGuardedStorage(
  openStorage: () => StorageLike | undefined,
  events: StorageEvents,
  tab: TabEnvironment = {},
): GuardedStorage {
  tabEngine = createGuardedStorage(tab.openStorage ?? (() => undefined), () => undefined);
  pageSearch = tab.search ?? '';
  $storageHealth.set('ok');
  activeEngine = createGuardedStorage(
    openStorage,
    (error) => {
      if ($storageHealth.get() !== 'unavailable')
        $storageHealth.set(isQuotaError(error) ? 'full' : 'unavailable');
    },
    () => {
      if ($storageHealth.get() === 'full') $storageHealth.set('ok');
    },
  );
  activeEvents = events;
  return activeEngine;
}

if (typeof window !== 'undefined') {
  installGuardedStorage(() => window.localStorage, windowStorageEvents, {
    openStorage: () => window.sessionStorage,
    search: location.search,
  });
}
