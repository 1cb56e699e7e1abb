/**
 * Starlight's search dialog, with Pagefind's interface (src/islands/site-search-ui.ts) loaded when
 * search is about to be used instead of in every page's idle time: when the mouse comes over the
 * search button or it gets keyboard focus, or the dialog's box gets focus (a click, Ctrl/Cmd+K, the
 * troubleshooting page's “Search the whole site”). Until the interface has arrived, the dialog shows a
 * box that looks like Pagefind's (src/lib/search-stand-in.ts); the interface takes its place with what
 * was typed into it, where the caret was, and searches it.
 *
 * astro.config.mjs points the dialog's import of `@pagefind/default-ui` here and has the dialog make it
 * as soon as the page's content has loaded rather than in idle time: the dialog hands its options to
 * `PagefindUI` below, which keeps them for the interface.
 */
import type { PagefindUIOptions } from '@pagefind/default-ui';
import { STAND_IN_ATTRIBUTE } from '../lib/search-stand-in';

const standIn = document.querySelector<HTMLElement>(`site-search [${STAND_IN_ATTRIBUTE}]`);
const standInBox = standIn?.querySelector('input');

let interfaceOptions: PagefindUIOptions | undefined;
let wanted = false;
let loading: Promise<void> | undefined;
let composing = false;

/** What Starlight's dialog creates, with the options of Pagefind's interface. */
export class PagefindUI {
  constructor(options: PagefindUIOptions) {
    interfaceOptions = options;
    if (wanted) loadInterface();
  }
}

function want(): void {
  wanted = true;
  if (interfaceOptions) loadInterface();
}

function loadInterface(): void {
  const options = interfaceOptions;
  if (loading || !options || !standIn?.isConnected) return;
  // Not before the next frame: the dialog a click opens is drawn, its box focused, before the
  // interface's code is fetched and run (a mouse press focuses the button just before its click).
  loading = afterNextFrame()
    .then(() => import('./site-search-ui'))
    .then(
      ({ PagefindUI: Interface }) => {
        // Moving the focus would end a word still being composed with an input method: wait for it.
        if (composing)
          standInBox?.addEventListener('compositionend', () => takePlace(Interface, options), { once: true });
        else takePlace(Interface, options);
      },
      (error: unknown) => {
        // A failed download (offline for a moment): the next intent tries again.
        loading = undefined;
        throw error;
      },
    );
}

function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Builds the interface and moves what the stand-in holds (text, caret, focus) into its box. */
function takePlace(Interface: new (options: PagefindUIOptions) => unknown, options: PagefindUIOptions): void {
  if (!standIn || !standInBox) return;
  new Interface(options);
  const box = [...(standIn.parentElement?.querySelectorAll('input') ?? [])].find(
    (input) => !standIn.contains(input),
  );
  if (!box) return;
  const { value, selectionStart, selectionEnd, selectionDirection } = standInBox;
  if (value !== '') {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (document.activeElement === standInBox) {
    box.focus();
    box.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
  }
  standIn.remove();
}

// A mouse over the button or keyboard focus on it comes well before the click. A touch, or a mouse
// press that focuses it, comes with the click: the dialog's box then asks, once the dialog is drawn.
const button = document.querySelector<HTMLElement>('site-search button[data-open-modal]');
button?.addEventListener('pointerover', (event) => event.pointerType === 'mouse' && want());
button?.addEventListener('focus', () => button.matches(':focus-visible') && want());
standInBox?.addEventListener('focus', want);
standInBox?.addEventListener('compositionstart', () => (composing = true));
standInBox?.addEventListener('compositionend', () => (composing = false));
// The dialog may have been opened before this module arrived.
if (standInBox && document.activeElement === standInBox) want();
