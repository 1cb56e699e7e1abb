/**
 * Gives Starlight's search button an accessible name that matches its visible text (WCAG 2.5.3):
 * drops the button's aria-label, lets screen readers read the visible "検索" label, and adds a
 * visually hidden copy for narrow screens, where the visible label is not shown. Throws when
 * Starlight's markup no longer looks as expected, so that an upgrade cannot silently undo this.
 */
export function fixSearchButtonName(html: string): string {
  const button = /<button data-open-modal([^>]*?) aria-label="([^"]*)"([^>]*)>/;
  const label = /<span class="sl-hidden md:sl-block([^"]*)" aria-hidden="true">([^<]*)<\/span>/;
  if (!button.test(html) || !label.test(html)) {
    throw new Error("Starlight's search button markup changed: review src/lib/search-button.ts");
  }
  return html
    .replace(button, '<button data-open-modal$1$3>')
    .replace(
      label,
      '<span class="sr-only md:sl-hidden$1">$2</span><span class="sl-hidden md:sl-block$1">$2</span>',
    );
}
