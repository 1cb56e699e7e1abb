import { describe, expect, it } from 'vitest';
import { GUIDE_IDS } from '../../src/lib/guides';
import { decodeEntities, readBuiltPage } from '../support/site';

/**
 * The timeline under each guide's title (components/guide/GuideTimeline.astro), as built in dist/:
 * it links to the page's own sections, and adds no heading to the table of contents and no script.
 */
const routes = GUIDE_IDS.flatMap((guide) => [`${guide}/`, `en/${guide}/`]);

describe.each(routes)('the timeline on /%s', (route) => {
  const html = readBuiltPage(route);
  const timeline = /<div class="tl"[\s\S]*?<\/ol><\/div>/.exec(html)?.[0] ?? '';
  const fragments = (text: string) =>
    [...text.matchAll(/href="#([^"]+)"/g)].map((m) => decodeEntities(m[1] ?? ''));
  const sections = [...html.matchAll(/<h2 id="([^"]+)"/g)]
    .map((m) => decodeEntities(m[1] ?? ''))
    .filter((id) => id !== 'starlight__on-this-page');

  it('is an ordered list named by its caption, after the checklist panel', () => {
    expect(timeline).toMatch(
      /^<div class="tl"[^>]*><p id="guide-timeline">[^<]+<\/p><ol role="list" aria-labelledby="guide-timeline">/,
    );
    expect(html.indexOf('class="checklist-panel-frame"')).toBeLessThan(html.indexOf(timeline));
  });

  it('links each phase to a level-2 section of the page, in order', () => {
    const links = fragments(timeline);
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(links.every((id) => sections.includes(id))).toBe(true);
    expect([...links].sort((a, b) => sections.indexOf(a) - sections.indexOf(b))).toEqual(links);
  });

  it('adds no heading and no script', () => {
    expect(timeline).not.toMatch(/<(h\d|script)\b/);
  });

  it('leaves the table of contents to the sections', () => {
    const toc = /<starlight-toc[\s\S]*?<\/starlight-toc>/.exec(html)?.[0] ?? '';
    expect(fragments(toc)).toEqual(['_top', ...sections]);
  });
});
