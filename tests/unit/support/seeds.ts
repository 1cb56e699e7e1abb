import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../../support/site';

/**
 * The source documents of the guides (the "seeds"), which the project does not contain: they are
 * the `shared/seeds/` folder of the steering repository, placed beside the project as
 * ../shared/seeds (CI has them there). Tests that compare the guides with them register only where
 * the folder is present, so that a fresh clone passes `npm test`; the unit project's global setup
 * prints one line when they are left out. `SEEDS_DIR` names another folder, which must then exist.
 */

/** Where the documents are looked for when `SEEDS_DIR` is not set, from the project root. */
export const DEFAULT_SEEDS_DIR = '../shared/seeds';

/** The source documents found in a folder. */
export interface Seeds {
  /** Absolute path of the folder. */
  dir: string;
  /** File names of the documents, sorted. */
  names: string[];
  /** Text of one document, by file name. */
  read: (name: string) => string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The folder of the documents: `SEEDS_DIR` if set (a relative path is from the project root), else ../shared/seeds. */
export function resolveSeedsDir(env: Env = process.env, root: string = ROOT): string {
  return resolve(root, env.SEEDS_DIR || DEFAULT_SEEDS_DIR);
}

/**
 * The documents, or undefined when the default folder is absent (a fresh clone). Throws when
 * `SEEDS_DIR` names a folder that does not exist: whoever set it wants the checks to run.
 */
export function openSeeds(env: Env = process.env, root: string = ROOT): Seeds | undefined {
  const dir = resolveSeedsDir(env, root);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    if (env.SEEDS_DIR) throw new Error(`SEEDS_DIR is set to ${env.SEEDS_DIR}, but ${dir} is not a folder`);
    return undefined;
  }
  return {
    dir,
    names: readdirSync(dir).sort(),
    read: (name) => readFileSync(join(dir, name), 'utf8'),
  };
}

/** The line printed, once per run, when the documents are absent. */
export const SEEDS_SKIPPED_LINE = `Source-document checks skipped: ${DEFAULT_SEEDS_DIR} not found (set SEEDS_DIR to run them)`;

/**
 * Registers the tests that need the source documents, given the documents, only where they are
 * present. Call it where the tests belong (at the top of a file or inside a `describe`).
 */
export function withSeeds(register: (seeds: Seeds) => void): void {
  const seeds = openSeeds();
  if (seeds) register(seeds);
}
