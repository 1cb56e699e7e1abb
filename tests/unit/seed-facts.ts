import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/site';

/**
 * The hard facts of each guide's source document (in ../shared/seeds/), kept as data beside the
 * guide registry: src/content/guides/facts/<guide id>.json. `links` must be hrefs of the page;
 * `both` must be in the text of both pages (labels as the portal shows them, addresses, subjects);
 * `ja` and `en` are the facts whose wording depends on the page's language (durations). Compared
 * after foldForFacts(). The source document's file name is the registry's `source.file`.
 */
export interface SeedFacts {
  seed: string;
  links: string[];
  both: string[];
  ja: string[];
  en: string[];
}

const GUIDES_DIR = join(ROOT, 'src/content/guides');

/** The facts inventory of a guide, or undefined when the guide has none yet. */
export function seedFactsOf(guide: string): SeedFacts | undefined {
  const file = join(GUIDES_DIR, 'facts', `${guide}.json`);
  if (!existsSync(file)) return undefined;
  const registry = JSON.parse(readFileSync(join(GUIDES_DIR, `${guide}.json`), 'utf8')) as {
    source: { file: string };
  };
  const facts = JSON.parse(readFileSync(file, 'utf8')) as Omit<SeedFacts, 'seed'>;
  return { seed: registry.source.file, ...facts };
}

/** Guides with a facts inventory. */
export function guidesWithFacts(): string[] {
  return readdirSync(join(GUIDES_DIR, 'facts'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''));
}
