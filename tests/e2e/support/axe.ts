import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.2 AA, as every page of the site is checked. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The rules whose outcome depends on the colour theme; the others give the same result in both. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Runs axe on the page in its current state and lists each violation with the elements it found:
 * every rule of the tags, or (`coloursOnly`) just the colour rules, for a second theme of a page
 * whose structure is already checked.
 */
export async function axeViolations(page: Page, { coloursOnly = false } = {}): Promise<string[]> {
  // withTags() and withRules() together would run only the listed rules: keep every rule of the
  // tags and switch target-size on beside them.
  const rules = coloursOnly
    ? { runOnly: { type: 'rule' as const, values: COLOUR_RULES } }
    : {
        runOnly: { type: 'tag' as const, values: TAGS },
        rules: { 'target-size': { enabled: true }, 'label-content-name-mismatch': { enabled: true } },
      };
  // Twice as fast, with the same violations: axe.run in the page (legacy mode; it still reaches
  // into any frame) rather than a run per frame finished in a new blank page, and every node of
  // each violation but only the rules, not each node, that passed.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ ...rules, resultTypes: ['violations'] })
    .analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
