/**
 * The organisation's settings of this build (src/lib/site-settings.ts): `site.config.json` at the
 * project root, if there is one, and the SITE_* environment variables. Read once, at build time; a
 * malformed file or value stops the build with a message that says which setting is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteSettings, type SiteSettings } from '../lib/site-settings';

const FILE = 'site.config.json';

function readFile(): unknown {
  const path = join(process.cwd(), FILE);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${FILE} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** This build's settings; empty when none are given. */
export const SITE_SETTINGS: SiteSettings = parseSiteSettings(readFile(), process.env, FILE);
