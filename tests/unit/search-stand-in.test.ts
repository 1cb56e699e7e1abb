import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  STAND_IN_ATTRIBUTE,
  pagefindScopeClass,
  standInHtml,
  withSearchStandIn,
} from '../../src/lib/search-stand-in';

const pagefindCss = readFileSync(
  createRequire(import.meta.url).resolve('@pagefind/default-ui/css/ui.css'),
  'utf8',
);

describe('the class the stand-in box is styled with', () => {
  it('is the one Pagefind’s stylesheet gives its box, its form and its root', () => {
    const scope = pagefindScopeClass(pagefindCss);
    expect(scope).toMatch(/^svelte-[a-z0-9]+$/);
    for (const part of ['.pagefind-ui', '.pagefind-ui__form', '.pagefind-ui__search-input']) {
      expect(pagefindCss).toContain(`${part}.${scope} {`);
    }
  });

  it('cannot be read from a stylesheet that no longer styles the box that way', () => {
    expect(() => pagefindScopeClass('.pagefind-ui__search-input { color: red; }')).toThrow(
      /Pagefind's interface stylesheet changed/,
    );
    expect(() => pagefindScopeClass('.pagefind-ui__search-input.svelte-abc { color: red; }')).toThrow(
      /Pagefind's interface stylesheet changed/,
    );
  });
});

describe('the stand-in box', () => {
  it('is a search region with a box named by its placeholder, as Pagefind’s, with nothing to submit', () => {
    const html = standInHtml('svelte-abc', { label: 'サイト内検索', placeholder: '検索' });
    expect(html).toContain(`<div class="pagefind-ui svelte-abc pagefind-ui--reset" ${STAND_IN_ATTRIBUTE}>`);
    expect(html).toContain('role="search" aria-label="サイト内検索"');
    expect(html).toContain(
      '<input class="pagefind-ui__search-input svelte-abc" type="text" placeholder="検索" title="検索"',
    );
    expect(html).not.toContain('<form');
    expect(html).not.toContain('<button');
  });

  it('escapes its words', () => {
    const html = standInHtml('svelte-abc', { label: 'A "B" & <C>', placeholder: '"x"' });
    expect(html).toContain('aria-label="A &quot;B&quot; &amp; &lt;C&gt;"');
    expect(html).toContain('placeholder="&quot;x&quot;" title="&quot;x&quot;"');
  });

  it('goes into Starlight’s empty search container, and nowhere else', () => {
    const dialog =
      '<dialog><div class="search-container astro-x"><div id="starlight__search" class="astro-x"></div></div></dialog>';
    expect(withSearchStandIn(dialog, '<i>box</i>')).toBe(
      '<dialog><div class="search-container astro-x"><div id="starlight__search" class="astro-x"><i>box</i></div></div></dialog>',
    );
    expect(() => withSearchStandIn('<dialog><div id="search"></div></dialog>', '<i>box</i>')).toThrow(
      /Starlight's search dialog markup changed/,
    );
  });
});
