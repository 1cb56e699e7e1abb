import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, decodeEntities } from '../support/site';
import { listRoutes } from '../support/page-weight';

/**
 * Links written by components (guide steps → troubleshooting, entries → steps, home → next step)
 * are not seen by the Markdown link validator, so the built site is checked here: every link to a
 * page of the site must land on an existing page and, with a #fragment, on an existing id.
 */
const routes = listRoutes(DIST_DIR);
const pages = new Map(
  routes.map((route) => {
    const file = join(DIST_DIR, route, route.endsWith('.html') ? '' : 'index.html');
    const html = readFileSync(file, 'utf8');
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1] ?? '')));
    return [`/${route}`, { html, ids }];
  }),
);

describe.each(routes)('links on /%s', (route) => {
  it('land on existing pages and anchors', () => {
    const { html } = pages.get(`/${route}`) ?? { html: '' };
    const broken: string[] = [];
    for (const [, raw = ''] of html.matchAll(/<a\s[^>]*href="([^"]+)"/g)) {
      const href = decodeEntities(raw);
      if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/_astro/')) continue;
      const [path = '', hash] = href.split('#');
      const target = pages.get(path.split('?')[0] ?? '');
      if (!target) broken.push(href);
      else if (hash && !target.ids.has(decodeURIComponent(hash))) broken.push(href);
    }
    expect(broken).toEqual([]);
  });
});

it('checks the links guides and troubleshooting pages write to each other', () => {
  const hp = pages.get('/hp/')?.html ?? '';
  const troubleshooting = pages.get('/troubleshooting/')?.html ?? '';
  expect(hp).toMatch(/href="\/troubleshooting\/#hp-confirmation-mail-not-arriving"/);
  expect(troubleshooting).toMatch(/href="\/hp\/#hp-check-confirmation-mail"/);
});
