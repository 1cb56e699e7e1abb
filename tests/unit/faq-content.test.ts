import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { GUIDE_IDS } from '../../src/lib/guides';
import { extractSteps } from '../../src/lib/steps';
import { ROOT, foldForFacts, readDoc } from '../support/site';
import { withSeeds } from './support/seeds';
import { unglossedJapanese } from './support/japanese-gloss';

const FAQ_DIR = join(ROOT, 'src/content/faq');

interface FaqFile {
  frontmatter: Record<string, unknown>;
  body: string;
}

function readFaq(lang: string, file: string): FaqFile {
  const text = readFileSync(join(FAQ_DIR, lang, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match?.[1]) throw new Error(`${lang}/${file} has no frontmatter`);
  return { frontmatter: parseYaml(match[1]) as Record<string, unknown>, body: match[2] ?? '' };
}

const ja = readdirSync(join(FAQ_DIR, 'ja')).sort();
const en = readdirSync(join(FAQ_DIR, 'en')).sort();
const stepIds = new Set(
  GUIDE_IDS.flatMap((guide) => extractSteps(readDoc(`${guide}.mdx`)).map((step) => step.id)),
);

describe('troubleshooting entries', () => {
  it('exist in both languages with the same ids', () => {
    expect(ja.length).toBeGreaterThanOrEqual(14);
    expect(en).toEqual(ja);
  });

  it('cover the problems users meet, as the issue lists them', () => {
    const required = [
      'ms-name-already-exists',
      'hp-confirmation-mail-not-arriving',
      'hp-confirmation-code-expired',
      'hp-confirm-link-expired',
      'hp-confirm-button-not-working',
      'hp-account-screen-in-english',
      'hp-redirect-not-progressing',
      'hp-restricted-area-not-visible',
      'ms-duns-no-results',
      'ms-something-went-wrong',
      'ms-email-address-refused',
      'ms-partner-id-not-shown',
      'ms-reseller-tab-not-shown',
      'ms-review-pending',
      'ms-locked-out-password-reset',
      'ms-mfa-questions',
      'rh-confirmation-mail-not-arriving',
      'rh-company-domain-email-required',
      'rh-partner-type-unknown',
      'rh-account-creation-other-problems',
    ];
    expect(required.filter((id) => !ja.includes(`${id}.md`))).toEqual([]);
  });

  describe.each(ja)('%s', (file) => {
    const jaFaq = readFaq('ja', file);
    const enFaq = readFaq('en', file);

    it('has the same vendors, steps, addresses, message and order in both languages', () => {
      for (const key of ['vendors', 'steps', 'copy', 'message', 'order']) {
        expect(enFaq.frontmatter[key], key).toEqual(jaFaq.frontmatter[key]);
      }
    });

    it('names guide steps that exist', () => {
      const steps = jaFaq.frontmatter.steps as string[];
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.filter((id) => !stepIds.has(id))).toEqual([]);
    });
  });

  describe('search terms', () => {
    // What a user need not type differently: width (ＭＦＡ, ｶﾅ), case and runs of spaces. Written
    // out here rather than taken from the filter, so that a change there cannot hide a duplicate.
    const fold = (term: string) => term.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    // The schema checks their type; missing ones count as none.
    const termsOf = (lang: string, file: string) =>
      (readFaq(lang, file).frontmatter.searchTerms ?? []) as string[];
    const files = ja.flatMap((file) => [
      ['ja', file],
      ['en', file],
    ]);

    it.each(files)(
      '%s/%s lists at least 4, at most 40, none longer than 80 characters, none twice',
      (lang, file) => {
        const list = termsOf(lang, file);
        expect(list.length).toBeGreaterThanOrEqual(4);
        expect(list.length).toBeLessThanOrEqual(40);
        expect(list.filter((term) => term.trim() === '' || term.length > 80)).toEqual([]);
        const folded = list.map(fold);
        expect(list.filter((_, index) => folded.indexOf(folded[index]!) !== index)).toEqual([]);
      },
    );

    it.each(ja)('en/%s glosses every Japanese term in English', (file) => {
      expect(termsOf('en', file).flatMap(unglossedJapanese)).toEqual([]);
    });

    it.each(['ja', 'en'])('no term of a %s entry is also a term of another entry', (lang) => {
      const owners = new Map<string, string[]>();
      for (const file of ja)
        for (const term of termsOf(lang, file))
          owners.set(fold(term), [...(owners.get(fold(term)) ?? []), file]);
      expect([...owners].filter(([, entries]) => entries.length > 1)).toEqual([]);
    });
  });

  withSeeds((seeds) => {
    const all = foldForFacts(seeds.names.map(seeds.read).join('\n'));

    it.each(ja)('%s quotes messages, addresses and URLs exactly as the seeds have them', (file) => {
      const jaFaq = readFaq('ja', file);
      const enFaq = readFaq('en', file);
      const quoted = [
        ...((jaFaq.frontmatter.message ? [jaFaq.frontmatter.message] : []) as string[]),
        ...(jaFaq.frontmatter.copy as string[]),
        ...[...`${jaFaq.body}\n${enFaq.body}`.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1] ?? ''),
      ];
      expect(quoted.filter((text) => !all.includes(foldForFacts(text)))).toEqual([]);
    });
  });
});
