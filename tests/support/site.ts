import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root, as seen from tests. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DOCS_DIR = join(ROOT, 'src/content/docs');
export const DIST_DIR = join(ROOT, 'dist');

/** Relative paths (from src/content/docs) of every content page, Japanese and English. */
export function listDocs(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : /\.mdx?$/.test(entry.name)
          ? [relative(DOCS_DIR, join(dir, entry.name))]
          : [],
    );
  return walk(DOCS_DIR).sort();
}

/** Reads a content page's source. */
export function readDoc(path: string): string {
  return readFileSync(join(DOCS_DIR, path), 'utf8');
}

/** Reads a built page of dist/ by its route, e.g. `en/hp/`. Fails clearly when the site is not built. */
export function readBuiltPage(route: string): string {
  const file = join(DIST_DIR, route, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  return readFileSync(file, 'utf8');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML entities Astro emits. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X'))
      return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return ENTITIES[code] ?? whole;
  });
}

/** The main content of a built page (inside <main>), as text without tags. */
export function mainText(html: string): string {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? '';
  const withoutScripts = main.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ');
  return decodeEntities(withoutScripts.replace(/<[^>]+>/g, ' '));
}

/** Every href in the main content of a built page, decoded. */
export function mainHrefs(html: string): string[] {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? '';
  return [...main.matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ''));
}

/**
 * Folds the spellings that differ between writers but mean the same: full/half width (NFKC),
 * white space, and the dashes and tildes used in ranges (1〜3, 1－３, 1–3).
 */
export function foldForFacts(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u301c\uff5e~\u2010-\u2015\u2212\uff0d-]/g, '-')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The steps of a guide page as its source declares them, e.g. `hp.mdx`: id, and whether `when="…"` makes it conditional. */
export function declaredSteps(path: string): { id: string; conditional: boolean }[] {
  return [...readDoc(path).matchAll(/<Step\s+id="([^"]+)"([^>]*)>/g)].map((tag) => ({
    id: tag[1] ?? '',
    conditional: /\swhen="/.test(tag[2] ?? ''),
  }));
}

/**
 * How many steps of a guide page progress counts, from its source, e.g. `hp.mdx`: every `<Step>`
 * but the conditional ones (`when="…"`).
 */
export function stepCount(path: string): number {
  return declaredSteps(path).filter((step) => !step.conditional).length;
}
