import { describe, expect, it } from 'vitest';
import { GUIDE_IDS } from '../../src/lib/guides';
import { foldForFacts, mainHrefs, mainText, readBuiltPage } from '../support/site';
import { SEED_FACTS } from './seed-facts';
import { withSeeds } from './support/seeds';

describe.each(GUIDE_IDS)('the %s guide carries every hard fact of its seed', (guide) => {
  const facts = SEED_FACTS[guide];
  if (!facts) throw new Error(`tests/unit/seed-facts.ts has no facts for the ${guide} guide`);

  withSeeds((seeds) => {
    it('takes its facts from the seed (the inventory itself is faithful)', () => {
      const seed = foldForFacts(seeds.read(facts.seed));
      // Links and shared facts are quoted from the seed; a fact the seed does not have is a typo here.
      const quoted = [...facts.links.map((link) => link.replace(/^mailto:/, '')), ...facts.both];
      const missing = quoted.filter((fact) => !seed.includes(foldForFacts(fact)));
      expect(missing).toEqual([]);
    });
  });

  describe.each([
    ['ja', `${guide}/`],
    ['en', `en/${guide}/`],
  ] as const)('in %s', (lang, route) => {
    const html = readBuiltPage(route);
    const text = foldForFacts(mainText(html));
    const hrefs = mainHrefs(html);

    it('links every URL of the seed', () => {
      expect(facts.links.filter((link) => !hrefs.includes(link))).toEqual([]);
    });

    it('states every address, subject, label and duration', () => {
      const expected = [...facts.both, ...facts[lang]];
      expect(expected.filter((fact) => !text.includes(foldForFacts(fact)))).toEqual([]);
    });
  });
});
