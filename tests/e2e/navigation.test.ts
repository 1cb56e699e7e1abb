import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser';
import { GUIDE_IDS } from '../../src/lib/guides';

const site = inject('siteUrl');
const GUIDES = GUIDE_IDS;

const browser = useBrowser();

describe.each([
  ['ja', ''],
  ['en', 'en/'],
])('navigation in %s', (_lang, prefix) => {
  it('leads from the home page and the sidebar to every guide, troubleshooting and hand-off', async () => {
    const page = await browser().newPage();
    await page.goto(site + prefix);
    const inContent = await page
      .locator('main a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const inSidebar = await page
      .locator('#starlight__sidebar a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const slug of [...GUIDES, 'troubleshooting', 'handoff']) {
      expect(inContent).toContain(`/${prefix}${slug}/`);
      expect(inSidebar).toContain(`/${prefix}${slug}/`);
    }
    await page.close();
  });

  it.each(GUIDES)('switches the %s guide to the other language', async (guide) => {
    const page = await browser().newPage();
    await page.goto(`${site}${prefix}${guide}/`);
    const other = prefix === '' ? 'en/' : '';
    await page
      .locator('starlight-lang-select select')
      .first()
      .selectOption({ value: `/${other}${guide}/` });
    await page.waitForURL(`${site}${other}${guide}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe(other === '' ? 'ja' : 'en');
    await page.close();
  });
});
