import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/lib/guide-registry';
import { RECORD_FIELDS } from '../../src/lib/records';
import { extractSteps } from '../../src/lib/steps';
import { ROOT, readDoc } from '../support/site';

/**
 * The guide registry (src/content/guides/) is the only place that names a guide: adding one touches
 * content and data files only. These checks derive everything from the registry itself.
 */

const SRC = join(ROOT, 'src');

/** Every source file under src/ outside src/content/. */
function codeFiles(dir: string = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(SRC, 'content') ? [] : codeFiles(path);
    return /\.(ts|tsx|astro|mjs|js|css)$/.test(entry.name) ? [path] : [];
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the guide registry', () => {
  it('has guides with distinct ids and step prefixes, none the start of another', () => {
    const prefixes = REGISTRY.map((guide) => guide.stepPrefix);
    expect(new Set(REGISTRY.map((guide) => guide.id)).size).toBe(REGISTRY.length);
    expect(
      prefixes.filter((prefix, i) => prefixes.some((other, j) => i !== j && other.startsWith(prefix))),
    ).toEqual([]);
  });

  it.each(REGISTRY.map((guide) => [guide.id, guide] as const))(
    'places every record field of %s on a step its pages have, in both languages',
    (id, guide) => {
      for (const page of [`${id}.mdx`, `en/${id}.mdx`]) {
        const steps = extractSteps(readDoc(page)).map((step) => step.id);
        expect(guide.records.filter((field) => !steps.includes(field.step)).map((field) => field.id)).toEqual(
          [],
        );
      }
    },
  );

  it('gives every record field a distinct id', () => {
    const ids = RECORD_FIELDS.map((field) => field.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('is the only place that names a guide, a step prefix or a record field', () => {
    const patterns = REGISTRY.flatMap((guide) => [
      new RegExp(`(['"\`])${escape(guide.id)}\\1`),
      new RegExp(`\\b${escape(guide.stepPrefix)}[a-z0-9]`),
      ...guide.records.map((field) => new RegExp(`\\b${escape(field.id)}\\b`)),
    ]);
    const found = codeFiles().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          patterns.some((pattern) => pattern.test(line))
            ? [`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
