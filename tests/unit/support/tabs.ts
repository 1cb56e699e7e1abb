import { afterEach } from 'vitest';
import { FakeStorage, FakeStorageEvents, loadStores } from './fake-storage';

/**
 * Several tabs of one browser for the stores' tests: each tab has its own view of localStorage, as
 * in a browser that gives each tab its own process. A write changes the writer's view at once and
 * reaches the other tabs (their view and their storage event) only when `deliver` is called, so a
 * test can make a tab act on a stale view. Each tab also has its own sessionStorage.
 */
export class TabStorage extends FakeStorage {
  readonly events = new FakeStorageEvents();
  /** Changes made before this number reached the tab when it opened (unless it opened stale). */
  seenBefore = 0;
  /** Writes by key, to tell how often a tab wrote one. */
  readonly writes = new Map<string, number>();
  constructor(private readonly browser: FakeBrowser) {
    super();
    for (const [key, value] of browser.seed) this.items.set(key, value);
  }
  override setItem(key: string, value: string): void {
    // As in a browser, writing the value a key already has changes nothing and tells no one.
    if (this.items.get(key) === value) return;
    super.setItem(key, value);
    this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
    this.browser.send(this, key, value);
  }
  override removeItem(key: string): void {
    if (!this.items.has(key)) return;
    super.removeItem(key);
    this.browser.send(this, key, null);
  }
}

/** The tabs of one browser, and the changes on their way from one tab to the others. */
export class FakeBrowser {
  readonly tabs: TabStorage[] = [];
  readonly queue: { from: TabStorage; key: string; value: string | null; number: number }[] = [];
  private readonly unmount: (() => void)[] = [];
  private sent = 0;

  /** Puts a tab's change on its way to the others. */
  send(from: TabStorage, key: string, value: string | null): void {
    this.queue.push({ from, key, value, number: this.sent++ });
  }

  /** `seed`: what localStorage holds before the first tab opens. */
  constructor(readonly seed: Map<string, string> = new Map()) {}

  /**
   * Opens a tab (its stores loaded afresh and followed, as the page's islands do) on the address's
   * query string `search`; `session` reopens a tab's sessionStorage, as a reload does. The tab sees
   * what the others stored, delivered or not, unless `stale`: then it sees only what was stored
   * before the first tab opened.
   */
  async open(options: { search?: string; session?: FakeStorage; stale?: boolean } = {}) {
    const storage = new TabStorage(this);
    if (!options.stale) {
      for (const tab of this.tabs) for (const [key, value] of tab.items) storage.items.set(key, value);
      storage.seenBefore = this.sent;
    }
    this.tabs.push(storage);
    const stores = await loadStores(storage, storage.events, options);
    this.unmount.push(
      stores.$progress.listen(() => undefined),
      stores.$registrations.listen(() => undefined),
    );
    return { ...stores, storage };
  }

  /** Delivers every pending change, and those they cause; returns how many were delivered. */
  deliver(): number {
    let delivered = 0;
    while (this.queue.length > 0) {
      if (delivered > 100) throw new Error('the tabs keep writing back to each other');
      const message = this.queue.shift()!;
      delivered += 1;
      for (const tab of this.tabs) {
        if (tab === message.from || message.number < tab.seenBefore) continue;
        if (message.value === null) tab.items.delete(message.key);
        else tab.items.set(message.key, message.value);
        tab.events.storageEvent(message.key, message.value);
      }
    }
    return delivered;
  }

  /** Stops following the stores of every tab. */
  close(): void {
    for (const stop of this.unmount.splice(0)) stop();
  }
}

/**
 * Gives each test the browsers it opens with `browserWith(items)` (localStorage holding `items`
 * before the first tab opens), every tab's stores unfollowed after the test.
 */
export function useFakeBrowsers(): (items?: Record<string, string>) => FakeBrowser {
  let browsers: FakeBrowser[] = [];
  afterEach(() => {
    for (const browser of browsers) browser.close();
    browsers = [];
  });
  return (items = {}) => {
    const browser = new FakeBrowser(new Map(Object.entries(items)));
    browsers.push(browser);
    return browser;
  };
}
