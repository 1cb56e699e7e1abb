import { describe, expect, it } from 'vitest';
import { withBase } from '../../src/markdown/base-links';

describe('withBase', () => {
  it('prefixes root-relative links with a sub-path base', () => {
    expect(withBase('/hp/', '/partner-guides/')).toBe('/partner-guides/hp/');
    expect(withBase('/en/microsoft/#ms-mpa-accept', '/partner-guides')).toBe(
      '/partner-guides/en/microsoft/#ms-mpa-accept',
    );
  });

  it('leaves links alone at the root base', () => {
    expect(withBase('/hp/', '/')).toBe('/hp/');
  });

  it('leaves external, protocol-relative, fragment and already-prefixed links alone', () => {
    for (const href of [
      'https://partner.hp.com',
      '//cdn.example',
      '#top',
      'mailto:a@b.c',
      '/partner-guides/hp/',
    ]) {
      expect(withBase(href, '/partner-guides/')).toBe(href);
    }
  });
});
