import { useEffect, useState } from 'preact/hooks';
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

/**
 * A store's value that equals `serverValue` until the island has hydrated, then follows the store.
 * Changes are drawn once per task however many arrive, as @nanostores/preact's useStore does; ours
 * leaves out that hook's per-key listening, which no island uses, and its code.
 */
export function useHydratedStore<T>(store: ReadableAtom<T>, serverValue: T): T {
  const hydrated = useHydrated();
  const [, redraw] = useState({});
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unlisten = store.listen(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        redraw({});
      });
    });
    return () => {
      unlisten();
      clearTimeout(timer);
    };
  }, [store]);
  return hydrated ? store.get() : serverValue;
}
