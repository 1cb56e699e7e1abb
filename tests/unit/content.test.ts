import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REGISTRY } from '../../src/lib/guide-registry';
import { extractSteps } from '../../src/lib/steps';
import { listDocs, readDoc } from '../support/site';

const docs = listDocs();
const japanese = docs.filter((path) => !path.startsWith('en/'));
const english = docs.filter((path) => path.startsWith('en/')).map((path) => path.slice(3));

function frontmatter(path: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(readDoc(path));
  if (!match?.[1]) throw new Error(`${path} has no frontmatter`);
  return parseYaml(match[1]) as Record<string, unknown>;
}

describe('translations', () => {
  it('has an English twin for every Japanese page', () => {
    expect(japanese.filter((path) => !english.includes(path))).toEqual([]);
  });

  it('has a Japanese twin for every English page', () => {
    expect(english.filter((path) => !japanese.includes(path))).toEqual([]);
  });

  it.each(REGISTRY)('gives the $id guide the same steps, in the same order, in both languages', (guide) => {
    const ja = extractSteps(readDoc(`${guide.id}.mdx`)).map((step) => step.id);
    const en = extractSteps(readDoc(`en/${guide.id}.mdx`)).map((step) => step.id);
    expect(ja.length).toBeGreaterThan(3);
    expect(en).toEqual(ja);
    // Each step id starts with its own guide's prefix (src/content/guides/<id>.json), not another's.
    expect(ja.filter((id) => !id.startsWith(guide.stepPrefix))).toEqual([]);
  });
});

describe.each(docs)('frontmatter of %s', (path) => {
  const data = frontmatter(path);

  it('has a title and a description', () => {
    expect(typeof data.title).toBe('string');
    expect(String(data.title).trim()).not.toBe('');
    expect(typeof data.description).toBe('string');
    expect(String(data.description).trim().length).toBeGreaterThan(10);
  });

  it('is written in its page language', () => {
    const hasJapanese = /[\u3040-\u30ff\u4e00-\u9fff]/.test(String(data.description));
    expect(hasJapanese).toBe(!path.startsWith('en/'));
  });
});
