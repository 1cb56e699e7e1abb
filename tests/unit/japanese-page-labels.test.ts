import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../support/site';
import { listRoutes } from '../support/page-weight';

/**
 * Japanese pages give screen readers Japanese labels: Starlight's Japanese strings leave some of its
 * labels in English (the heading anchors read "Section titled “…”"), which src/content/i18n/ja.json
 * supplies. Checked on the built pages.
 */
const japaneseRoutes = listRoutes(DIST_DIR).filter(
  (route) => !route.startsWith('en/') && !route.endsWith('.html'),
);

describe.each(japaneseRoutes)('/%s', (route) => {
  it('labels its heading anchors in Japanese', () => {
    const page = readFileSync(join(DIST_DIR, route, 'index.html'), 'utf8');
    expect(page.match(/Section titled[^<"]*/g) ?? []).toEqual([]);
  });
});
