import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentReport, type GuideReportInput } from '../../src/lib/content-report';
import {
  checkState,
  editionAgeYears,
  monthsSince,
  parseEdition,
  parseMaxMonths,
} from '../../src/lib/source-age';
import { ROOT } from '../support/site';

const guide = (overrides: Partial<GuideReportInput> = {}): GuideReportInput => ({
  id: 'acme',
  source: { file: 'acme.ja.txt', edition: '2014', description: 'Acme portal slides' },
  lastChecked: null,
  steps: { counted: 7, conditional: 2 },
  waits: 3,
  records: 1,
  faqEntries: 4,
  ...overrides,
});

describe('source age', () => {
  it('reads editions with a year or a year and month, and nothing else', () => {
    expect(parseEdition('2014')).toEqual({ year: 2014 });
    expect(parseEdition('2024-07')).toEqual({ year: 2024, month: 7 });
    expect(parseEdition(null)).toBeUndefined();
    expect(parseEdition('July 2024')).toBeUndefined();
    expect(parseEdition('2024-13')).toBeUndefined();
  });

  it('counts whole years and months since an edition or a date', () => {
    expect(editionAgeYears({ year: 2014 }, '2026-12-01')).toBe(12);
    expect(editionAgeYears({ year: 2024, month: 7 }, '2026-06-30')).toBe(1);
    expect(editionAgeYears({ year: 2024, month: 7 }, '2026-07-01')).toBe(2);
    expect(monthsSince('2025-12-15', '2026-12-14')).toBe(11);
    expect(monthsSince('2025-12-15', '2026-12-15')).toBe(12);
    expect(monthsSince('2027-01-01', '2026-12-15')).toBe(0);
  });

  it('tells a guide never checked, checked too long ago, or recently', () => {
    expect(checkState(null, '2026-12-01', 12)).toEqual({ state: 'never' });
    expect(checkState('2025-11-30', '2026-12-01', 12)).toEqual({ state: 'overdue', months: 12 });
    expect(checkState('2025-12-01', '2026-12-01', 12)).toEqual({ state: 'recent', months: 12 });
    expect(checkState('2025-12-01', '2026-12-01', 6)).toEqual({ state: 'overdue', months: 12 });
  });

  it('allows 12 months unless told otherwise, and refuses a value that is not a whole number above 0', () => {
    expect(parseMaxMonths(undefined)).toBe(12);
    expect(parseMaxMonths('')).toBe(12);
    expect(parseMaxMonths('6')).toBe(6);
    for (const bad of ['0', '-3', '1.5', 'six'])
      expect(() => parseMaxMonths(bad), bad).toThrow(/whole number/);
  });
});

describe('the content report', () => {
  it('lists each guide with its source, edition and age, last check, steps, waits, records and FAQ entries', () => {
    const { lines } = buildContentReport([guide({ lastChecked: '2026-10-01' })], '2026-12-01', 12);
    expect(lines.join('\n')).toContain(
      [
        'acme',
        '  source:       Acme portal slides — acme.ja.txt',
        '  edition:      2014 (12 years old)',
        '  last checked: 2026-10-01 (2 months ago)',
        '  steps:        7 counted, 2 conditional',
        '  waits:        3',
        '  records:      1',
        '  FAQ entries:  4',
      ].join('\n'),
    );
  });

  it('says an undated source is undated', () => {
    const { lines } = buildContentReport(
      [guide({ source: { ...guide().source, edition: null } })],
      '2026-12-01',
      12,
    );
    expect(lines).toContain('  edition:      undated');
  });

  it('warns for a guide never checked or checked longer ago than allowed, and not for the others', () => {
    const guides = [
      guide({ id: 'never' }),
      guide({ id: 'old', lastChecked: '2025-06-01' }),
      guide({ id: 'fresh', lastChecked: '2026-06-01' }),
    ];
    expect(buildContentReport(guides, '2026-12-01', 12).warnings).toEqual([
      'never: never checked against the live screens (set lastChecked in its registry file)',
      'old: last checked 2025-06-01, 18 months ago (more than 12)',
    ]);
    expect(buildContentReport(guides, '2026-12-01', 3).warnings).toHaveLength(3);
  });
});

describe('every guide of the registry', () => {
  const dir = join(ROOT, 'src/content/guides');
  const files = readdirSync(dir).filter((file) => file.endsWith('.json'));

  it.each(files)('%s has what the report and the top of its pages need', (file) => {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    const source = data.source as {
      file?: unknown;
      edition?: unknown;
      description?: { ja?: unknown; en?: unknown };
    };
    expect(Object.hasOwn(data, 'lastChecked')).toBe(true);
    const { lastChecked } = data;
    expect(
      lastChecked === null || (typeof lastChecked === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(lastChecked)),
    ).toBe(true);
    expect(typeof source.file === 'string' && source.file.length > 0).toBe(true);
    const { edition } = source;
    expect(edition === null || (typeof edition === 'string' && parseEdition(edition) !== undefined)).toBe(
      true,
    );
    expect(typeof source.description?.ja).toBe('string');
    expect(typeof source.description?.en).toBe('string');
    expect(Array.isArray(data.records)).toBe(true);
  });
});
