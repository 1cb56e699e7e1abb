import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEEDS_SKIPPED_LINE, openSeeds, resolveSeedsDir } from './support/seeds';

// Runs whether or not the source documents are beside the project: it checks how they are found.
describe('the folder of the source documents', () => {
  const root = '/home/dev/projects/partner-guides/';

  it('is ../shared/seeds beside the project by default', () => {
    expect(resolveSeedsDir({}, root)).toBe('/home/dev/projects/shared/seeds');
    expect(resolveSeedsDir({ SEEDS_DIR: '' }, root)).toBe('/home/dev/projects/shared/seeds');
  });

  it('is SEEDS_DIR when it is set, relative to the project root', () => {
    expect(resolveSeedsDir({ SEEDS_DIR: '/srv/steering/shared/seeds' }, root)).toBe(
      '/srv/steering/shared/seeds',
    );
    expect(resolveSeedsDir({ SEEDS_DIR: '../steering/shared/seeds/' }, root)).toBe(
      '/home/dev/projects/steering/shared/seeds',
    );
  });

  it('is absent without failing when nothing is beside the project, and says so in one line', () => {
    const empty = mkdtempSync(join(tmpdir(), 'partner-guides-'));
    const project = join(empty, 'project');
    expect(openSeeds({}, project)).toBeUndefined();
    expect(SEEDS_SKIPPED_LINE).toBe(
      'Source-document checks skipped: ../shared/seeds not found (set SEEDS_DIR to run them)',
    );
    rmSync(empty, { recursive: true });
  });

  it('must exist when SEEDS_DIR names it', () => {
    expect(() => openSeeds({ SEEDS_DIR: '/nonexistent/seeds' }, root)).toThrow(
      'SEEDS_DIR is set to /nonexistent/seeds, but /nonexistent/seeds is not a folder',
    );
  });

  describe('when present', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    afterAll(() => rmSync(dir, { recursive: true }));
    writeFileSync(join(dir, 'b.ja.txt'), '二つ目');
    writeFileSync(join(dir, 'a.ja.md'), '一つ目');

    it('lists and reads the documents', () => {
      const seeds = openSeeds({ SEEDS_DIR: dir }, root);
      expect(seeds?.dir).toBe(dir);
      expect(seeds?.names).toEqual(['a.ja.md', 'b.ja.txt']);
      expect(seeds?.read('b.ja.txt')).toBe('二つ目');
    });
  });
});
