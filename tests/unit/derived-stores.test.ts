import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WaitRule } from '../../src/lib/waits';
import { currentWait } from '../../src/lib/current-wait';
import { FakeStorage, loadStores } from './support/fake-storage';

const TICKED = new Date('2026-11-20T01:00:00.000Z');
/** Steps that everyone does, by id. */
const steps = (...ids: string[]) => ids.map((id) => ({ id }));

let unmount: (() => void)[] = [];

/** Loads fresh stores, with the computed ones, as a page load would, in a browser's page. */
async function openPage() {
  const browser = openBrowserPage();
  const stores = await loadStores(new FakeStorage());
  const summary = await import('../../src/stores/progress-summary');
  const waits = await import('../../src/stores/waits');
  const holidays = await import('../../src/stores/holidays');
  return { ...stores, ...summary, ...waits, ...holidays, ...browser };
}

/** Follows a store as an island does, counting the values it is given. */
function follow<T>(store: { subscribe: (listener: (value: T) => void) => () => void }): T[] {
  const seen: T[] = [];
  unmount.push(store.subscribe((value) => seen.push(value)));
  return seen;
}

/** Stands in for the browser's IntersectionObserver: the test says what is in the viewport. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | undefined;
  observed = new Set<Element>();
  constructor(private readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    FakeIntersectionObserver.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  /** The element scrolled into (true) or out of the viewport. */
  scroll(target: Element, isIntersecting: boolean) {
    this.report([{ target, isIntersecting }]);
  }
}

/** Stands in for the document's visibility and its visibilitychange event. */
function fakeDocument() {
  const listeners = new Set<() => void>();
  const document = {
    hidden: false,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    /** The tab hidden (true) or shown again. */
    setHidden(hidden: boolean) {
      document.hidden = hidden;
      for (const listener of listeners) listener();
    },
  };
  return document;
}

/** A page in a browser: its viewport (as IntersectionObserver reports it) and its document's visibility. */
function openBrowserPage() {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  const document = fakeDocument();
  vi.stubGlobal('document', document);
  return { document, viewport: () => FakeIntersectionObserver.last! };
}

/** Shows a store in an element, as an island's ref does, and (unless told otherwise) in the viewport. */
function show(ref: (element: Element | null) => void, onScreen = true): Element {
  const element = {} as Element;
  ref(element);
  if (onScreen) FakeIntersectionObserver.last!.scroll(element, true);
  unmount.push(() => ref(null));
  return element;
}

afterEach(() => {
  for (const stop of unmount) stop();
  unmount = [];
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('guide summary store', () => {
  it('is one store per guide and list of steps, shared by every island that asks', async () => {
    const { guideSummary } = await openPage();
    expect(guideSummary('hp', steps('hp-a', 'hp-b'))).toBe(guideSummary('hp', steps('hp-a', 'hp-b')));
    expect(guideSummary('hp', steps('hp-a'))).not.toBe(guideSummary('hp', steps('hp-a', 'hp-b')));
    // The same ids with another step conditional count differently.
    expect(guideSummary('hp', [{ id: 'hp-a' }, { id: 'hp-b', when: 'if' }])).not.toBe(
      guideSummary('hp', steps('hp-a', 'hp-b')),
    );
  });

  it('follows the guide’s ticks: done, total and the next step', async () => {
    const { guideSummary, setStepTicked } = await openPage();
    const seen = follow(guideSummary('hp', steps('hp-a', 'hp-b', 'hp-c')));
    expect(seen.at(-1)).toEqual({ done: 0, total: 3, nextStepId: 'hp-a' });
    setStepTicked('hp', 'hp-a', true, TICKED);
    expect(seen.at(-1)).toEqual({ done: 1, total: 3, nextStepId: 'hp-b' });
    setStepTicked('hp', 'hp-b', true, TICKED);
    setStepTicked('hp', 'hp-c', true, TICKED);
    expect(seen.at(-1)).toEqual({ done: 3, total: 3, nextStepId: undefined });
    // Once on subscribing, then once per change.
    expect(seen).toHaveLength(4);
  });
});

const CODE: WaitRule = {
  id: 'code',
  kind: 'deadline',
  startStep: 'hp-a',
  doneWhen: ['hp-b'],
  duration: { minutes: 15 },
};
const REVIEW: WaitRule = {
  id: 'review',
  kind: 'business-days',
  startStep: 'hp-a',
  doneWhen: ['hp-c'],
  duration: { businessDays: { min: 1, max: 3 } },
};

/** Answers holiday files as the site serves them; `failing` years answer 404. */
function serveHolidays(failing: number[] = []) {
  const fetch = vi.fn((url: string) => {
    const year = Number(/(\d{4})\.json$/.exec(url)?.[1]);
    return Promise.resolve({
      ok: !failing.includes(year),
      json: () => Promise.resolve({ year, holidays: [`${year}-11-23`] }),
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('waits store', () => {
  it('is one store per guide and list of rules', async () => {
    const { guideWaits } = await openPage();
    expect(guideWaits('hp', [CODE, REVIEW])).toBe(guideWaits('hp', [CODE, REVIEW]));
    expect(guideWaits('hp', [CODE])).not.toBe(guideWaits('hp', [CODE, REVIEW]));
  });

  it('turns a deadline from pending to late as the clock runs while it is shown, and ends it when its step is ticked', async () => {
    vi.useFakeTimers({ now: TICKED });
    serveHolidays();
    const { guideWaits, waitsShownIn, setStepTicked } = await openPage();
    const seen = follow(guideWaits('hp', [CODE]));
    show(waitsShownIn('hp', [CODE]));
    expect(seen.at(-1)?.states).toEqual([{ phase: 'not-started' }]);
    setStepTicked('hp', 'hp-a', true, TICKED);
    expect(seen.at(-1)?.states[0]).toMatchObject({ phase: 'pending' });
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(seen.at(-1)?.states[0]).toMatchObject({ phase: 'late' });
    expect(seen.at(-1)?.now.getTime()).toBe(TICKED.getTime() + 15 * 60_000);
    setStepTicked('hp', 'hp-b', true);
    expect(seen.at(-1)?.states).toEqual([{ phase: 'done' }]);
  });

  it('gives no state to a business-day wait until the holidays it needs are loaded, fetching each year once', async () => {
    vi.useFakeTimers({ now: TICKED });
    const fetch = serveHolidays();
    const { guideWaits, setStepTicked } = await openPage();
    const seen = follow(guideWaits('hp', [CODE, REVIEW]));
    expect(fetch).not.toHaveBeenCalled();
    setStepTicked('hp', 'hp-a', true, TICKED);
    expect(seen.at(-1)?.states[0]).toMatchObject({ phase: 'pending' });
    expect(seen.at(-1)?.states[1]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.at(-1)?.states[1]).toMatchObject({ phase: 'pending', window: expect.anything() as unknown });
    expect(seen.at(-1)?.holidaysFailed).toBe(false);
    setStepTicked('hp', 'hp-z', true, TICKED);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/holidays/2026.json']);
  });

  it('says when the holidays could not be loaded, counts without them, and does not ask again on every tick', async () => {
    vi.useFakeTimers({ now: TICKED });
    const fetch = serveHolidays([2026]);
    const { guideWaits, setStepTicked } = await openPage();
    const seen = follow(guideWaits('hp', [REVIEW]));
    setStepTicked('hp', 'hp-a', true, TICKED);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.at(-1)?.holidaysFailed).toBe(true);
    expect(seen.at(-1)?.states[0]).toMatchObject({ phase: 'pending' });
    setStepTicked('hp', 'hp-z', true, TICKED);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

const LINK: WaitRule = { ...CODE, id: 'link', duration: { hours: 48 } };

describe('the clock of shown waits', () => {
  it('does not run for waits that are followed but not shown', async () => {
    vi.useFakeTimers({ now: TICKED });
    serveHolidays();
    const { guideWaits, setStepTicked } = await openPage();
    const seen = follow(guideWaits('hp', [CODE]));
    setStepTicked('hp', 'hp-a', true, TICKED);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    expect(seen.at(-1)?.states[0]).toMatchObject({ phase: 'pending' });
  });

  it('sets no timer while nothing shown is running, and one while something is', async () => {
    vi.useFakeTimers({ now: TICKED });
    serveHolidays();
    const { guideWaits, waitsShownIn, setStepTicked } = await openPage();
    follow(guideWaits('hp', [CODE, LINK]));
    show(waitsShownIn('hp', [CODE, LINK]));
    expect(vi.getTimerCount()).toBe(0);
    setStepTicked('hp', 'hp-a', true, TICKED);
    expect(vi.getTimerCount()).toBe(1);
    setStepTicked('hp', 'hp-b', true, TICKED);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('wakes once for each change of a countdown shown, and the line of the current wait once a minute', async () => {
    vi.useFakeTimers({ now: TICKED });
    serveHolidays();
    const { guideWaits, waitsShownIn, setStepTicked } = await openPage();
    setStepTicked('hp', 'hp-a', true, TICKED);
    const code = follow(guideWaits('hp', [CODE]));
    show(waitsShownIn('hp', [CODE]));
    // The panel's line shows the wait that ends last: the 48-hour link, to the minute.
    const line = follow(guideWaits('hp', [CODE, LINK]));
    show(waitsShownIn('hp', [CODE, LINK], (states) => currentWait(states)?.index ?? -1));
    const [codeBefore, lineBefore] = [code.length, line.length];
    // "48 h 0 min" becomes "47 h 59 min" a second in, "47 h 58 min" a minute later.
    await vi.advanceTimersByTimeAsync(1_000);
    expect([code.length - codeBefore, line.length - lineBefore]).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(59_000);
    expect([code.length - codeBefore, line.length - lineBefore]).toEqual([60, 1]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect([code.length - codeBefore, line.length - lineBefore]).toEqual([61, 2]);
    expect(line.at(-1)?.now.getTime()).toBe(TICKED.getTime() + 61_000);
  });

  it('stops when the element that shows the waits goes', async () => {
    vi.useFakeTimers({ now: TICKED });
    serveHolidays();
    const { guideWaits, waitsShownIn, setStepTicked, viewport } = await openPage();
    const seen = follow(guideWaits('hp', [CODE]));
    setStepTicked('hp', 'hp-a', true, TICKED);
    const ref = waitsShownIn('hp', [CODE]);
    const element = {} as Element;
    ref(element);
    viewport().scroll(element, true);
    expect(vi.getTimerCount()).toBe(1);
    ref(null);
    expect(vi.getTimerCount()).toBe(0);
    expect(viewport().observed.has(element)).toBe(false);
    const before = seen.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen.length).toBe(before);
  });

  it('sleeps out of the viewport and in a hidden tab, and is up to date at once when back', async () => {
    vi.useFakeTimers({ now: TICKED });
    serveHolidays();
    const { guideWaits, waitsShownIn, setStepTicked, document, viewport } = await openPage();
    const seen = follow(guideWaits('hp', [CODE]));
    setStepTicked('hp', 'hp-a', true, TICKED);
    const element = show(waitsShownIn('hp', [CODE]), false);
    expect(viewport().observed.has(element)).toBe(true);
    // Not reported in the viewport yet: nothing runs.
    expect(vi.getTimerCount()).toBe(0);

    viewport().scroll(element, true);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(seen.at(-1)?.now.getTime()).toBe(TICKED.getTime() + 5_000);

    viewport().scroll(element, false);
    expect(vi.getTimerCount()).toBe(0);
    const before = seen.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen.length).toBe(before);
    viewport().scroll(element, true);
    expect(seen.length).toBe(before + 1);
    expect(seen.at(-1)?.now.getTime()).toBe(TICKED.getTime() + 65_000);

    document.setHidden(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(seen.length).toBe(before + 1);
    document.setHidden(false);
    expect(seen.at(-1)?.states[0]).toMatchObject({ phase: 'late' });
    expect(seen.at(-1)?.now.getTime()).toBe(TICKED.getTime() + 16 * 60_000 + 5_000);
  });
});
