import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import type { ReadableAtom } from 'nanostores';

/**
 * False during server rendering and the hydrating render, true right after. Preact's hydrate does
 * not patch attributes, so anything that differs from the server HTML must wait for this.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** A store's value that equals `serverValue` until the island has hydrated, then follows the store. */
export function useHydratedStore<T>(store: ReadableAtom<T>, serverValue: T): T {
  return useStore(store, { ssr: () => serverValue });
}
