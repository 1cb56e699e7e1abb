import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WaitRule } from '../../src/lib/waits';
import { FakeStorage, loadStores } from './support/fake-storage';

const TICKED = new Date('2026-11-20T01:00:00.000Z');
/** Steps that everyone does, by id. */
const steps = (...ids: string[]) => ids.map((id) => ({ id }));

let unmount: (() => void)[] = [];

/** Loads fresh stores, with the computed ones, as a page load would. */
async function openPage() {
  const stores = await loadStores(new FakeStorage());
  const summary = await import('../../src/stores/progress-summary');
  const waits = await import('../../src/stores/waits');
  const holidays = await import('../../src/stores/holidays');
  return { ...stores, ...summary, ...waits, ...holidays };
}

/** Follows a store as an island does, counting the values it is given. */
function follow<T>(store: { subscribe: (listener: (value: T) => void) => () => void }): T[] {
  const seen: T[] = [];
  unmount.push(store.subscribe((value) => seen.push(value)));
  return seen;
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

  it('turns a deadline from pending to late as the clock runs, and ends it when its step is ticked', async () => {
    vi.useFakeTimers({ now: TICKED });
    serveHolidays();
    const { guideWaits, setStepTicked } = await openPage();
    const seen = follow(guideWaits('hp', [CODE]));
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
