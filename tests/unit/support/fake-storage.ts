import { vi } from 'vitest';
import type { StorageChange, StorageEvents, StorageLike } from '../../../src/stores/storage-engine';

/** How a fake storage misbehaves, to imitate privacy modes and full disks. */
export interface FakeStorageFaults {
  /** Every read throws (as a blocked localStorage does). */
  readThrows?: boolean;
  /** Every write throws a QuotaExceededError. */
  writeThrows?: boolean;
}

/** An in-memory Web Storage whose failures a test can switch on. */
export class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  faults: FakeStorageFaults = {};

  getItem(key: string): string | null {
    if (this.faults.readThrows) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.faults.writeThrows) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    if (this.faults.writeThrows) throw new DOMException('The operation is insecure.', 'SecurityError');
    this.items.delete(key);
  }
}

/** What the window's storage event carries: a null key when storage was cleared, null value on removal. */
interface StorageEventLike {
  key: string | null;
  newValue: string | null;
}

type StorageListener = (event: StorageChange) => void;

/** Stands in for the window's storage and pageshow events. */
export class FakeStorageEvents implements StorageEvents {
  private listeners: StorageListener[] = [];
  private restorers: (() => void)[] = [];

  addEventListener = (_key: string, listener: StorageListener, restore: () => void): void => {
    this.listeners.push(listener);
    this.restorers.push(restore);
  };

  removeEventListener = (_key: string, listener: StorageListener, restore: () => void): void => {
    this.listeners = this.listeners.filter((l) => l !== listener);
    this.restorers = this.restorers.filter((r) => r !== restore);
  };

  /** Another tab changed (or, with key null, cleared) the storage. */
  storageEvent(key: string | null, newValue: string | null): void {
    const event: StorageEventLike = { key, newValue };
    for (const listener of this.listeners) listener(event);
  }

  /** The page came back from the back/forward cache. */
  pageshow(): void {
    for (const restore of this.restorers) restore();
  }
}

/** What a tab has of its own: its sessionStorage (a fresh one unless told) and its address's query string. */
export interface FakeTab {
  session?: FakeStorage;
  search?: string;
}

/**
 * Loads fresh copies of the progress store alone on top of the given storage, as a guide has it at
 * load: before its record fields, the hand-off or the import, which start the record checks.
 */
export async function loadProgressStore(
  storage: StorageLike | (() => StorageLike | undefined),
  events = new FakeStorageEvents(),
  { session = new FakeStorage(), search = '' }: FakeTab = {},
) {
  vi.resetModules();
  const engine = await import('../../../src/stores/storage-engine');
  engine.installGuardedStorage(typeof storage === 'function' ? storage : () => storage, events, {
    openStorage: () => session,
    search,
  });
  const progress = await import('../../../src/stores/progress');
  return { ...engine, ...progress, events, session };
}

/**
 * Loads fresh copies of the stores on top of the given storage, as a page load would, in a tab with
 * its own sessionStorage (`tab.session`, to reload the same tab) and address (`tab.search`).
 */
export async function loadStores(
  storage: StorageLike | (() => StorageLike | undefined),
  events = new FakeStorageEvents(),
  tab: FakeTab = {},
) {
  const stores = await loadProgressStore(storage, events, tab);
  const importFlow = await import('../../../src/stores/import-flow');
  const undo = await import('../../../src/stores/undo');
  const registrations = await import('../../../src/stores/registrations');
  return { ...stores, ...importFlow, ...undo, ...registrations };
}
