import { describe, expect, it } from 'vitest';
import { ownName, tabLabel } from '../../src/lib/tab-label';

/** What a tab shows of its registration: tests/e2e/registrations.test.ts checks the page. */

const DEFAULT = '登録先 {number}';
const NOW = new Date('2026-11-21T10:00:00Z');

/** A stored index, as another tab or the registrations store writes it. */
function index(registrations: Record<string, { name: unknown; createdAt: string }>, removed = {}): string {
  return JSON.stringify({
    version: 1,
    registrations: Object.fromEntries(
      Object.entries(registrations).map(([id, entry]) => [id, { ...entry, changedAt: entry.createdAt }]),
    ),
    removed,
  });
}

/** The label of `id` as a tab reads it from the stored index `raw`. */
const label = (raw: string | undefined, id: string) => tabLabel(raw, id, DEFAULT, NOW);

describe('the label of a tab’s registration', () => {
  it('is the default name of the first registration in a fresh browser, and not in the title', () => {
    expect(label(undefined, '1')).toEqual({ name: '登録先 1', inTitle: false });
  });

  it('is the default name of a single unnamed registration, not in the title (the page looks as before)', () => {
    const raw = index({ 1: { name: '', createdAt: '2026-11-01T00:00:00Z' } });
    expect(label(raw, '1')).toEqual({ name: '登録先 1', inTitle: false });
  });

  it('is the name of a named registration, in the title even when it is the only one', () => {
    const raw = index({ 1: { name: '株式会社サンプル', createdAt: '2026-11-01T00:00:00Z' } });
    expect(label(raw, '1')).toEqual({ name: '株式会社サンプル', inTitle: true });
  });

  it('numbers unnamed registrations by creation order, and puts them in the title when there are several', () => {
    const raw = index({
      zz9: { name: '', createdAt: '2026-11-01T00:00:00Z' },
      a1: { name: '株式会社サンプル', createdAt: '2026-11-02T00:00:00Z' },
      b2: { name: '', createdAt: '2026-11-03T00:00:00Z' },
    });
    expect(label(raw, 'zz9')).toEqual({ name: '登録先 1', inTitle: true });
    expect(label(raw, 'a1')).toEqual({ name: '株式会社サンプル', inTitle: true });
    expect(label(raw, 'b2')).toEqual({ name: '登録先 3', inTitle: true });
  });

  it('numbers a registration its first change will create after the others', () => {
    const raw = index(
      { a1: { name: 'A', createdAt: '2026-11-01T00:00:00Z' } },
      { 1: '2026-11-05T00:00:00Z' },
    );
    expect(label(raw, 'n3w')).toEqual({ name: '登録先 2', inTitle: true });
  });

  it('gives nothing for a removed registration, so that the tab keeps the name it showed', () => {
    const raw = index(
      { a1: { name: 'A', createdAt: '2026-11-01T00:00:00Z' } },
      { b2: '2026-11-05T00:00:00Z' },
    );
    expect(label(raw, 'b2')).toBeUndefined();
  });

  it('shows a stored name made usable: no control characters, at most 80 characters, never a non-string', () => {
    const raw = index({
      a1: { name: ' 株式会社\nサンプル\u0007 ', createdAt: '2026-11-01T00:00:00Z' },
      b2: { name: 'あ'.repeat(200), createdAt: '2026-11-02T00:00:00Z' },
      c3: { name: { toString: 'x' }, createdAt: '2026-11-03T00:00:00Z' },
    });
    expect(label(raw, 'a1')?.name).toBe('株式会社 サンプル');
    expect(label(raw, 'b2')?.name).toBe('あ'.repeat(80));
    expect(label(raw, 'c3')?.name).toBe('登録先 3');
  });

  it('falls back to the default numbering when the stored index is unreadable', () => {
    expect(label('{not json', '1')).toEqual({ name: '登録先 1', inTitle: false });
  });
});

describe('the own name of a registration (the hand-off message names it)', () => {
  it('is its name made usable, or empty without one', () => {
    const raw = index({
      1: { name: '', createdAt: '2026-11-01T00:00:00Z' },
      b2: { name: '  株式会社サンプル\n', createdAt: '2026-11-02T00:00:00Z' },
      c3: { name: 42, createdAt: '2026-11-03T00:00:00Z' },
    });
    expect(ownName(raw, 'b2')).toBe('株式会社サンプル');
    expect(ownName(raw, '1')).toBe('');
    expect(ownName(raw, 'c3')).toBe('');
    expect(ownName(raw, 'zz')).toBe('');
    expect(ownName(raw, 'constructor')).toBe('');
    expect(ownName('{not json', 'b2')).toBe('');
    expect(ownName(undefined, 'b2')).toBe('');
  });
});
