import type { ClientDirective } from 'astro';

/**
 * `client:near`: hydrates an island once it comes within a screen's height of the viewport, gets
 * focus, or the page is about to be printed (the browser's print, or the checklist's print button,
 * which dispatches `hydrate-near`). With `{ idle: true }`, also once the browser is idle after load:
 * a guide's wait notices announce a wait that a tick starts or ends, so they must be live before that
 * tick, wherever their step is on the page, and its record fields must show their stored values
 * when the browser's own print (Ctrl+P) prints the page at once, before any island could start.
 */
const near: ClientDirective = (load, options, island) => {
  let started = false;
  const hydrate = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    removeEventListener('beforeprint', hydrate);
    removeEventListener('hydrate-near', hydrate);
    void load().then((run) => run());
  };
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && hydrate(), {
    rootMargin: '100% 0px',
  });
  for (const child of island.children) observer.observe(child);
  island.addEventListener('focusin', hydrate, { once: true });
  addEventListener('beforeprint', hydrate);
  addEventListener('hydrate-near', hydrate);
  if ((options.value as { idle?: boolean } | undefined)?.idle) requestIdleCallback(hydrate);
};

export default near;
