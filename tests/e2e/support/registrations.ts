import type { BrowserContext } from 'playwright-core';

/** Stored documents of registrations, as the browser tests seed them (shapes: src/lib/registrations.ts). */

/** localStorage key of the index of registrations. */
export const INDEX_KEY = 'partner-guides:registrations';

/** localStorage key of one registration's progress. */
export const progressKey = (id: string): string => `partner-guides:progress:${id}`;

/** A stored index of registrations, created one day after the other from 1 November 2026, oldest first. */
export function storedIndex(...registrations: { id: string; name: string }[]): string {
  return JSON.stringify({
    version: 1,
    registrations: Object.fromEntries(
      registrations.map(({ id, name }, place) => {
        const at = new Date(Date.UTC(2026, 10, 1 + place)).toISOString();
        return [id, { name, createdAt: at, changedAt: at }];
      }),
    ),
    removed: {},
  });
}

/**
 * Makes every page of `context` start with `items` in localStorage, once: what pages change then
 * stays across reloads and navigation.
 */
export async function seedStorage(context: BrowserContext, items: Record<string, string>): Promise<void> {
  await context.addInitScript(
    ([values, index]) => {
      if (localStorage.getItem(index) !== null) return;
      for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
    },
    [items, INDEX_KEY] as const,
  );
}
