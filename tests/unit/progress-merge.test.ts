import { afterEach, describe, expect, it } from 'vitest';
import {
  emptyProgress,
  encodeProgress,
  mergeProgress,
  sameProgress,
  withRecord,
  withStep,
  withoutGuide,
  type ProgressData,
} from '../../src/lib/progress-data';
import { applyImport, parseImport } from '../../src/lib/transfer';

// Times in the order things happen.
const T1 = '2026-05-01T01:00:00.000Z';
const T2 = '2026-05-01T02:00:00.000Z';
const T3 = '2026-05-01T03:00:00.000Z';
const T4 = '2026-05-01T04:00:00.000Z';
const at = (time: string) => new Date(time);
const NO_REMOVALS = { ticks: {}, records: {} };

/** Two copies merged both ways must agree; returns one of them. */
function mergeBothWays(a: ProgressData, b: ProgressData): ProgressData {
  const ab = mergeProgress(a, b);
  const ba = mergeProgress(b, a);
  expect(encodeProgress(ab)).toBe(encodeProgress(ba));
  expect(ab).toEqual(ba);
  return ab;
}

describe('mergeProgress: ticks', () => {
  // What both tabs held before they went their own ways.
  const base = withStep(emptyProgress(), 'hp', 'hp-a', T1);

  it('keeps a step unticked after it was ticked earlier in another copy', () => {
    const unticked = withStep(base, 'hp', 'hp-a', undefined, at(T2));
    expect(mergeBothWays(base, unticked)).toEqual({
      version: 3,
      guides: {},
      records: {},
      removed: { ticks: { hp: { 'hp-a': T2 } }, records: {} },
    });
  });

  it('keeps a step ticked again after it was unticked earlier in another copy', () => {
    const unticked = withStep(base, 'hp', 'hp-a', undefined, at(T2));
    const ticked = withStep(base, 'hp', 'hp-a', T3);
    expect(mergeBothWays(unticked, ticked)).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: T3 } } },
      records: {},
      removed: NO_REMOVALS,
    });
  });

  it('keeps the ticks both copies added independently', () => {
    const a = withStep(base, 'hp', 'hp-b', T2);
    const b = withStep(base, 'redhat', 'rh-a', T3);
    expect(mergeBothWays(a, b)).toEqual({
      version: 3,
      guides: {
        hp: { 'hp-a': { tickedAt: T1 }, 'hp-b': { tickedAt: T2 } },
        redhat: { 'rh-a': { tickedAt: T3 } },
      },
      records: {},
      removed: NO_REMOVALS,
    });
  });

  it('lets a reset remove the ticks made before it, and keeps a tick made after it', () => {
    let before = withStep(base, 'hp', 'hp-b', T1);
    before = withStep(before, 'redhat', 'rh-a', T1);
    const reset = withoutGuide(before, 'hp', at(T2));
    // A tab that has not heard of the reset yet ticks another step, and re-ticks one, afterwards.
    const stale = withStep(withStep(before, 'hp', 'hp-c', T3), 'hp', 'hp-b', T4);
    expect(mergeBothWays(reset, stale)).toEqual({
      version: 3,
      guides: {
        hp: { 'hp-b': { tickedAt: T4 }, 'hp-c': { tickedAt: T3 } },
        redhat: { 'rh-a': { tickedAt: T1 } },
      },
      records: {},
      removed: { ticks: { hp: { 'hp-a': T2 } }, records: {} },
    });
  });

  it('decides by the change time of an imported tick, not by its older tick time', () => {
    // Unticked at T2 here; the import elsewhere at T3 brought the tick with its time T1 from a file.
    const unticked = withStep(base, 'hp', 'hp-a', undefined, at(T2));
    const imported = withStep(emptyProgress(), 'hp', 'hp-a', T1, at(T3));
    expect(mergeBothWays(unticked, imported)).toEqual({
      version: 3,
      guides: { hp: { 'hp-a': { tickedAt: T1, changedAt: T3 } } },
      records: {},
      removed: NO_REMOVALS,
    });
    // …and an untick made after the import wins over it.
    const untickedLater = withStep(imported, 'hp', 'hp-a', undefined, at(T4));
    expect(mergeBothWays(imported, untickedLater)).toEqual({
      version: 3,
      guides: {},
      records: {},
      removed: { ticks: { hp: { 'hp-a': T4 } }, records: {} },
    });
  });

  it('keeps the later of two tick times of the same step', () => {
    const a = withStep(emptyProgress(), 'hp', 'hp-a', T2);
    const b = withStep(emptyProgress(), 'hp', 'hp-a', T3);
    expect(mergeBothWays(a, b).guides).toEqual({ hp: { 'hp-a': { tickedAt: T3 } } });
  });

  it('breaks a tie between a tick and an untick at the same moment the same way in both orders', () => {
    const ticked = withStep(emptyProgress(), 'hp', 'hp-a', T2);
    const unticked = withStep(base, 'hp', 'hp-a', undefined, at(T2));
    const merged = mergeBothWays(ticked, unticked);
    const outcomes = [JSON.stringify(merged.guides), JSON.stringify(merged.removed.ticks)];
    expect([
      [JSON.stringify({ hp: { 'hp-a': { tickedAt: T2 } } }), '{}'],
      ['{}', JSON.stringify({ hp: { 'hp-a': T2 } })],
    ]).toContainEqual(outcomes);
  });
});

describe('mergeProgress: records', () => {
  const base = withRecord(emptyProgress(), 'rh-login', 'taro', at(T1));

  it('keeps a record cleared after it was set', () => {
    const cleared = withRecord(base, 'rh-login', undefined, at(T2));
    expect(mergeBothWays(base, cleared)).toEqual({
      version: 3,
      guides: {},
      records: {},
      removed: { ticks: {}, records: { 'rh-login': T2 } },
    });
  });

  it('keeps a record set again after it was cleared', () => {
    const cleared = withRecord(base, 'rh-login', undefined, at(T2));
    const changed = withRecord(base, 'rh-login', 'jiro', at(T3));
    expect(mergeBothWays(cleared, changed)).toEqual({
      version: 3,
      guides: {},
      records: { 'rh-login': { value: 'jiro', updatedAt: T3 } },
      removed: NO_REMOVALS,
    });
  });

  it('keeps the value changed last, and the records each copy added', () => {
    const a = withRecord(withRecord(base, 'rh-login', 'jiro', at(T3)), 'ms-domain', 'a.jp', at(T2));
    const b = withRecord(
      withRecord(base, 'rh-login', 'saburo', at(T2)),
      'ms-partner-id-location',
      '6123456',
      at(T4),
    );
    expect(mergeBothWays(a, b)).toEqual({
      version: 3,
      guides: {},
      records: {
        'rh-login': { value: 'jiro', updatedAt: T3 },
        'ms-domain': { value: 'a.jp', updatedAt: T2 },
        'ms-partner-id-location': { value: '6123456', updatedAt: T4 },
      },
      removed: NO_REMOVALS,
    });
  });

  it('breaks a tie between two values noted at the same moment the same way in both orders', () => {
    const a = withRecord(emptyProgress(), 'rh-login', 'jiro', at(T2));
    const b = withRecord(emptyProgress(), 'rh-login', 'saburo', at(T2));
    const merged = mergeBothWays(a, b);
    expect([
      { value: 'jiro', updatedAt: T2 },
      { value: 'saburo', updatedAt: T2 },
    ]).toContainEqual(merged.records['rh-login']);
  });
});

describe('mergeProgress: laws', () => {
  let a = withStep(emptyProgress(), 'hp', 'hp-a', T1);
  a = withStep(a, 'hp', 'hp-b', T1);
  a = withStep(a, 'hp', 'hp-b', undefined, at(T3));
  a = withRecord(a, 'rh-login', 'taro', at(T1));
  a = withRecord(a, 'ms-domain', 'a.jp', at(T4));
  let b = withStep(emptyProgress(), 'hp', 'hp-b', T2);
  b = withStep(b, 'microsoft', 'ms-a', T2, at(T4));
  b = withRecord(b, 'rh-login', 'jiro', at(T2));
  b = withRecord(withRecord(b, 'ms-domain', 'b.jp', at(T1)), 'ms-domain', undefined, at(T2));
  let c = withoutGuide(a, 'hp', at(T4));
  c = withRecord(c, 'rh-login', undefined, at(T1));

  const expectedAB = {
    version: 3,
    guides: { hp: { 'hp-a': { tickedAt: T1 } }, microsoft: { 'ms-a': { tickedAt: T2, changedAt: T4 } } },
    records: {
      'rh-login': { value: 'jiro', updatedAt: T2 },
      'ms-domain': { value: 'a.jp', updatedAt: T4 },
    },
    removed: { ticks: { hp: { 'hp-b': T3 } }, records: {} },
  };

  it('is commutative: a ⊕ b = b ⊕ a, and loses no change of either', () => {
    expect(mergeProgress(a, b)).toEqual(expectedAB);
    expect(mergeProgress(b, a)).toEqual(expectedAB);
    expect(sameProgress(mergeProgress(a, b), mergeProgress(b, a))).toBe(true);
  });

  it('is idempotent: a ⊕ a = a, and merging the same copy again changes nothing', () => {
    expect(sameProgress(mergeProgress(a, a), a)).toBe(true);
    expect(mergeProgress(mergeProgress(a, b), b)).toEqual(expectedAB);
    expect(mergeProgress(mergeProgress(a, b), a)).toEqual(expectedAB);
    expect(mergeProgress(expectedAB as ProgressData, expectedAB as ProgressData)).toEqual(expectedAB);
  });

  it('is associative: (a ⊕ b) ⊕ c = a ⊕ (b ⊕ c)', () => {
    expect(encodeProgress(mergeProgress(mergeProgress(a, b), c))).toBe(
      encodeProgress(mergeProgress(a, mergeProgress(b, c))),
    );
  });

  it('merges with empty progress into the same progress', () => {
    expect(sameProgress(mergeProgress(a, emptyProgress()), a)).toBe(true);
    expect(sameProgress(mergeProgress(emptyProgress(), a), a)).toBe(true);
  });

  it('leaves both inputs untouched', () => {
    const before = JSON.stringify([a, b]);
    mergeProgress(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});

describe('sameProgress and encodeProgress', () => {
  it('writes canonical text: keys sorted at every level, no empty guide, no empty removals', () => {
    let data = withStep(emptyProgress(), 'redhat', 'rh-b', T1);
    data = withStep(data, 'redhat', 'rh-a', T2, at(T3));
    data = withStep(withStep(data, 'hp', 'hp-a', T1), 'hp', 'hp-a', undefined, at(T2));
    data = withRecord(data, 'rh-login', 'taro', at(T1));
    expect(encodeProgress(data)).toBe(
      '{"guides":{"redhat":{"rh-a":{"changedAt":"2026-05-01T03:00:00.000Z","tickedAt":"2026-05-01T02:00:00.000Z"},' +
        '"rh-b":{"tickedAt":"2026-05-01T01:00:00.000Z"}}},' +
        '"records":{"rh-login":{"updatedAt":"2026-05-01T01:00:00.000Z","value":"taro"}},' +
        '"removed":{"records":{},"ticks":{"hp":{"hp-a":"2026-05-01T02:00:00.000Z"}}},' +
        '"version":3}',
    );
    expect(encodeProgress(withStep(emptyProgress(), 'hp', 'hp-a', T1))).toBe(
      '{"guides":{"hp":{"hp-a":{"tickedAt":"2026-05-01T01:00:00.000Z"}}},"records":{},"version":3}',
    );
  });

  it('tells copies apart only by what they hold, not by key order or empty guides', () => {
    const ab = withStep(withStep(emptyProgress(), 'hp', 'hp-a', T1), 'hp', 'hp-b', T1);
    const ba = withStep(withStep(emptyProgress(), 'hp', 'hp-b', T1), 'hp', 'hp-a', T1);
    expect(sameProgress(ab, ba)).toBe(true);
    expect(sameProgress(withStep(emptyProgress(), 'redhat', 'rh-a', T1, at(T1)), emptyProgress())).toBe(
      false,
    );
    const emptyGuide = { ...emptyProgress(), guides: { redhat: {} } };
    expect(sameProgress(emptyGuide, emptyProgress())).toBe(true);
    expect(sameProgress(ab, withStep(ab, 'hp', 'hp-a', undefined, at(T2)))).toBe(false);
  });
});

describe('mergeProgress with ids that are also names of Object members', () => {
  const members = ['constructor', 'toString', 'hasOwnProperty'] as const;
  /** What a plain object inherits under each name (the Object function, Object.prototype's methods). */
  const inherited = (name: string) => (({}) as Record<string, unknown>)[name] as Record<string, unknown>;

  afterEach(() => {
    // A failing merge writes onto what a plain object inherits: leave no trace for other tests.
    for (const name of members) delete inherited(name)['step-x'];
  });

  it.each(members.map((name) => [name]))(
    'keeps a tick of a guide named %s and writes nowhere else',
    (guide) => {
      const a = withStep(emptyProgress(), guide, 'step-x', T1);
      const merged = mergeProgress(a, emptyProgress());
      expect(Object.hasOwn(inherited(guide), 'step-x')).toBe(false);
      expect(JSON.parse(encodeProgress(merged))).toEqual({
        version: 3,
        guides: { [guide]: { 'step-x': { tickedAt: T1 } } },
        records: {},
      });
    },
  );

  it('keeps an untick of a guide named constructor', () => {
    const a = withStep(
      withStep(emptyProgress(), 'constructor', 'step-x', T1),
      'constructor',
      'step-x',
      undefined,
      at(T2),
    );
    const merged = mergeProgress(a, emptyProgress());
    expect(Object.hasOwn(Object, 'step-x')).toBe(false);
    expect(merged.removed.ticks).toEqual({ constructor: { 'step-x': T2 } });
  });

  it('refuses such a guide in an imported file, so it never reaches stored progress', () => {
    // A file from outside may name any guide; "constructor" with a step "keys" would replace Object.keys.
    const text = JSON.stringify({
      format: 'partner-guides-progress',
      version: 2,
      guides: { constructor: { keys: { tickedAt: T1 } } },
      records: {},
    });
    const parsed = parseImport(text, at(T4));
    if (!parsed.ok) throw new Error('the file did not parse');
    expect(parsed.refused).toEqual([{ type: 'tick', key: 'constructor/keys', reason: 'bad-key' }]);
    const imported = applyImport(emptyProgress(), parsed.data, at(T4));
    expect(imported.guides).toEqual({});
    expect(typeof Object.keys).toBe('function');
  });
});
