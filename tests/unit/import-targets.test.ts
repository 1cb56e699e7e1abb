import { describe, expect, it } from 'vitest';
import { defaultImportChoice, planImportTargets } from '../../src/lib/import-targets';
import { emptyProgress, withRecord, withStep, type ProgressData } from '../../src/lib/progress-data';
import type { ListedRegistration } from '../../src/lib/registrations';
import type { ParsedRegistration } from '../../src/lib/transfer';

const AT = '2026-11-20T01:00:00.000Z';
const LATER = '2026-11-21T01:00:00.000Z';

/** A registration of this browser, created at `createdAt`. */
const listed = (id: string, name: string, createdAt = AT): ListedRegistration => ({
  id,
  name,
  createdAt,
  changedAt: createdAt,
});

/** A registration read from a file: one HP tick and one record. */
const fromFile = (name: string, data = someProgress()): ParsedRegistration => ({ name, data, refused: [] });

function someProgress(): ProgressData {
  return withRecord(
    withStep(emptyProgress(), 'hp', 'hp-a', AT),
    'hp-account-email',
    'a@example.co.jp',
    new Date(AT),
  );
}

const nothing = () => emptyProgress();

describe('the first choice offered', () => {
  it('is this tab’s registration for a file of one, by name for a file of several', () => {
    expect(defaultImportChoice([fromFile('A')], 'x1')).toEqual({ kind: 'existing', id: 'x1' });
    expect(defaultImportChoice([fromFile('A'), fromFile('B')], 'x1')).toEqual({ kind: 'by-name' });
  });
});

describe('a file of one registration', () => {
  const browser = [listed('1', ''), listed('b2', '株式会社サンプル', LATER)];

  it('goes into the chosen registration, planned against its progress', () => {
    const progressOf = (id: string) =>
      id === 'b2' ? withStep(emptyProgress(), 'hp', 'hp-a', LATER) : nothing();
    const { imports, overLimit } = planImportTargets(
      [fromFile('Other name')],
      browser,
      { kind: 'existing', id: 'b2' },
      progressOf,
      '1',
    );
    expect(overLimit).toBe(false);
    expect(imports).toHaveLength(1);
    expect(imports[0]!.target).toEqual({ kind: 'existing', id: 'b2' });
    expect(imports[0]!.plan.counts).toEqual({
      tick: { added: 0, overwritten: 1 },
      record: { added: 1, overwritten: 0 },
    });
  });

  it('goes into a new registration with the name given, every entry added', () => {
    const { imports } = planImportTargets(
      [fromFile('株式会社サンプル')],
      browser,
      { kind: 'new', name: '株式会社サンプル（2）' },
      () => someProgress(),
      '1',
    );
    expect(imports[0]!.target).toEqual({ kind: 'new', name: '株式会社サンプル（2）' });
    expect(imports[0]!.plan.counts).toEqual({
      tick: { added: 1, overwritten: 0 },
      record: { added: 1, overwritten: 0 },
    });
  });

  it('reads a choice meant for several as the default: this tab’s registration', () => {
    const { imports } = planImportTargets([fromFile('A')], browser, { kind: 'all-new' }, nothing, 'b2');
    expect(imports[0]!.target).toEqual({ kind: 'existing', id: 'b2' });
  });
});

describe('a file of several registrations', () => {
  const browser = [
    listed('1', ''),
    listed('b2', '株式会社サンプル', LATER),
    listed('c3', '株式会社サンプル', '2026-11-22T01:00:00.000Z'),
  ];
  const file = [
    fromFile('株式会社サンプル'),
    fromFile('株式会社サンプル'),
    fromFile('株式会社サンプル'),
    fromFile(''),
  ];

  it('by name: each into the oldest registration of the same name not yet taken, else into a new one', () => {
    const { imports } = planImportTargets(file, browser, { kind: 'by-name' }, nothing, '1');
    expect(imports.map(({ source, target }) => [source, target])).toEqual([
      [0, { kind: 'existing', id: 'b2' }],
      [1, { kind: 'existing', id: 'c3' }],
      [2, { kind: 'new', name: '株式会社サンプル' }],
      // A registration without a name is never merged into another without one.
      [3, { kind: 'new', name: '' }],
    ]);
  });

  it('all new: each into a new registration of its own name', () => {
    const { imports } = planImportTargets(file, browser, { kind: 'all-new' }, nothing, '1');
    expect(imports.map(({ target }) => target)).toEqual(file.map(({ name }) => ({ kind: 'new', name })));
  });

  it('reads a choice meant for one registration as the default: by name', () => {
    const { imports } = planImportTargets(file, browser, { kind: 'existing', id: '1' }, nothing, '1');
    expect(imports[0]!.target).toEqual({ kind: 'existing', id: 'b2' });
  });
});

describe('the bound of 100 registrations', () => {
  const ninetyNine = Array.from({ length: 99 }, (_, index) => listed(`r${index}`, `Company ${index}`));

  it('takes one new registration more, not two', () => {
    const one = planImportTargets([fromFile('New')], ninetyNine, { kind: 'new', name: 'New' }, nothing, 'r0');
    expect(one.overLimit).toBe(false);
    const two = planImportTargets(
      [fromFile('A'), fromFile('B')],
      ninetyNine,
      { kind: 'all-new' },
      nothing,
      'r0',
    );
    expect(two.overLimit).toBe(true);
    const merged = planImportTargets(
      [fromFile('Company 1'), fromFile('Company 2')],
      ninetyNine,
      { kind: 'by-name' },
      nothing,
      'r0',
    );
    expect(merged.overLimit).toBe(false);
  });

  it('counts this tab’s registration when the import is what creates it', () => {
    const hundred = [...ninetyNine, listed('r99', 'Company 99')];
    expect(
      planImportTargets([fromFile('A')], hundred, { kind: 'existing', id: 'r5' }, nothing, 'r5').overLimit,
    ).toBe(false);
    expect(
      planImportTargets([fromFile('A')], ninetyNine, { kind: 'existing', id: 'zz' }, nothing, 'zz').overLimit,
    ).toBe(false);
    expect(
      planImportTargets([fromFile('A')], hundred, { kind: 'existing', id: 'zz' }, nothing, 'zz').overLimit,
    ).toBe(true);
  });
});
