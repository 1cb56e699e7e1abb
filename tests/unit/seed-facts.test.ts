import { describe, expect, it } from 'vitest';
import { GUIDE_IDS } from '../../src/lib/guides';
import { foldForFacts, mainHrefs, mainText, readBuiltPage } from '../support/site';
import { guidesWithFacts, seedFactsOf } from './seed-facts';
import { withSeeds } from './support/seeds';

it('has a facts inventory for every guide of the registry, and none for a guide it does not have', () => {
  expect(guidesWithFacts().sort()).toEqual([...GUIDE_IDS].sort());
});

describe.each(GUIDE_IDS)('the %s guide carries every hard fact of its seed', (guide) => {
  const facts = seedFactsOf(guide);
  if (!facts)
    throw new Error(`The ${guide} guide has no facts inventory: add src/content/guides/facts/${guide}.json`);

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
