import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, ROOT, decodeEntities } from '../support/site';
import { listRoutes } from '../support/page-weight';
import { unglossedJapanese } from './support/japanese-gloss';

/**
 * English pages leave no Japanese unexplained: every label quoted from a Japanese screen, and every
 * Japanese term, has its English gloss beside it (the rule: tests/unit/support/japanese-gloss.ts).
 * Checked on the built pages, and on the English strings that reach a page only through an island
 * after hydration or a later change (interface strings, wait notices, record texts, the hand-off
 * message).
 */

/**
 * What an English page shows or reads out: its title and description, the text of its body, and
 * the labels of its elements. Left out: scripts, styles and templates, and Starlight's language
 * picker, which names each language in that language (日本語) so that its readers find it.
 */
function englishPageTexts(html: string): string[] {
  const head = /<head[\s\S]*?<\/head>/.exec(html)?.[0] ?? '';
  const title = /<title>([\s\S]*?)<\/title>/.exec(head)?.[1] ?? '';
  const description = /<meta name="description" content="([^"]*)"/.exec(head)?.[1] ?? '';
  const body = (/<body[\s\S]*<\/body>/.exec(html)?.[0] ?? '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<starlight-lang-select>[\s\S]*?<\/starlight-lang-select>/g, ' ');
  const labels = [...body.matchAll(/\s(?:aria-label|alt|title|placeholder)="([^"]*)"/g)].map(
    (m) => m[1] ?? '',
  );
  return [title, description, body.replace(/<[^>]+>/g, ' '), ...labels].map(decodeEntities);
}

const englishRoutes = listRoutes(DIST_DIR).filter((route) => route.startsWith('en/'));

describe.each(englishRoutes)('/%s', (route) => {
  it('glosses every Japanese label and term', () => {
    const html = readFileSync(join(DIST_DIR, route, route.endsWith('.html') ? '' : 'index.html'), 'utf8');
    expect(englishPageTexts(html).flatMap(unglossedJapanese)).toEqual([]);
  });
});

it('checks every English page, including the guides and troubleshooting', () => {
  expect(englishRoutes).toEqual(
    expect.arrayContaining(['en/', 'en/hp/', 'en/microsoft/', 'en/troubleshooting/']),
  );
});

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every string under an `en` key, at any depth. */
function englishStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(englishStrings);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      key === 'en' ? strings(inner) : englishStrings(inner),
    );
  return [];
}

const CONTENT_DIR = join(ROOT, 'src/content');
// The interface strings are one file per language (all of en.json is English); other data files
// keep their English texts under an `en` key.
const UI_STRINGS_DIR = 'i18n';
const ENGLISH_UI_STRINGS = join(UI_STRINGS_DIR, 'en.json');
const jsonFiles = readdirSync(CONTENT_DIR, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
  .map((entry) => relative(CONTENT_DIR, join(entry.parentPath, entry.name)))
  .filter((file) => !file.startsWith(UI_STRINGS_DIR) || file === ENGLISH_UI_STRINGS)
  .sort();

describe.each(jsonFiles)('English strings of src/content/%s', (file) => {
  it('gloss every Japanese label and term', () => {
    const data: unknown = JSON.parse(readFileSync(join(CONTENT_DIR, file), 'utf8'));
    const english = file === ENGLISH_UI_STRINGS ? strings(data) : englishStrings(data);
    expect(english.flatMap(unglossedJapanese)).toEqual([]);
  });
});

it('reads the English strings of the interface, the waits, the guides and the hand-off message', () => {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(CONTENT_DIR, file), 'utf8'));
  expect(jsonFiles).toContain(ENGLISH_UI_STRINGS);
  expect(strings(read(ENGLISH_UI_STRINGS)).length).toBeGreaterThan(100);
  for (const file of ['waits.json', 'guides/microsoft.json', 'handoff/microsoft.json'])
    expect(englishStrings(read(file)).length, file).toBeGreaterThan(5);
});
