import type { ClientDirective } from 'astro';

/** What shows that someone is about to use an island's controls. */
const INTENT = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'dragenter'];

/**
 * What asks for it from the page: `hydrate-intent` (e.g. a storage notice that must show at once),
 * and, as for `client:near` islands, printing or a request to draw every island (`hydrate-near`).
 */
const PAGE_REQUESTS = ['hydrate-intent', 'hydrate-near', 'beforeprint'];

/**
 * `client:intent`: hydrates an island when someone is about to use it (the pointer over it, a touch,
 * focus, a file dragged over it, or scrolling to within half a screen of it), or when the page asks
 * (PAGE_REQUESTS). Used for the hand-off page's import and export, whose code (the file format, its checks, the merge plan and preview) no visit
 * needs until then. The page enables the island's controls before (islands/handoff-page.ts), so a
 * click or a chosen file can come first: they are played again once the island is live, so none is
 * lost.
 */
const intent: ClientDirective = (load, _options, island) => {
  let started = false;
  const missed: Event[] = [];
  const keep = (event: Event) => {
    if (!started || island.hasAttribute('ssr')) missed.push(event);
  };
  const hydrate = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    for (const type of INTENT) island.removeEventListener(type, hydrate);
    for (const type of PAGE_REQUESTS) removeEventListener(type, hydrate);
    void load()
      .then((run) => run())
      .then(() => {
        island.removeEventListener('click', keep, true);
        island.removeEventListener('change', keep, true);
        for (const event of missed.splice(0)) {
          if (event.type === 'click') (event.target as Element).closest('button')?.click();
          else event.target?.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
  };
  // Half a screen ahead of a reader scrolling to it: by then the code is there for the first click.
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && hydrate(), {
    rootMargin: '50% 0px',
  });
  for (const child of island.children) observer.observe(child);
  for (const type of INTENT) island.addEventListener(type, hydrate, { passive: true });
  island.addEventListener('click', keep, true);
  island.addEventListener('change', keep, true);
  island.addEventListener('change', hydrate);
  for (const type of PAGE_REQUESTS) addEventListener(type, hydrate);
};

export default intent;
