import { describe, expect, it } from 'vitest';
import {
  canUndo,
  changedEntries,
  parseJapanTimeInput,
  toJapanTimeInput,
  undoChanges,
  withTickTime,
} from '../../src/lib/progress-undo';
import {
  emptyProgress,
  mergeProgress,
  withRecord,
  withStep,
  withoutGuide,
} from '../../src/lib/progress-data';
import { applyImport } from '../../src/lib/transfer';

const MONDAY = '2026-06-08T01:00:00.000Z';
const TUESDAY = '2026-06-09T02:30:00.000Z';
const CHANGED = new Date('2026-06-10T03:00:00.000Z');
const UNDONE = new Date('2026-06-10T03:00:05.000Z');

const twoTicks = () => withStep(withStep(emptyProgress(), 'hp', 'hp-a', MONDAY), 'hp', 'hp-b', TUESDAY);

describe('undoing a change', () => {
  it('brings back an unticked step with its original time, as a change that wins in every tab', () => {
    const before = twoTicks();
    const after = withStep(before, 'hp', 'hp-a', undefined, CHANGED);
    const changes = changedEntries(before, after);
    expect(changes).toEqual({
      ticks: [{ guide: 'hp', stepId: 'hp-a', before: MONDAY, after: undefined }],
      records: [],
    });
    expect(canUndo(changes, after)).toBe(true);

    const undone = undoChanges(after, changes, CHANGED, UNDONE);
    expect(undone.guides.hp).toEqual({
      'hp-a': { tickedAt: MONDAY, changedAt: UNDONE.toISOString() },
      'hp-b': { tickedAt: TUESDAY },
    });
    // A tab that still holds the untick takes the restored tick when it merges.
    expect(mergeProgress(after, undone).guides.hp?.['hp-a']?.tickedAt).toBe(MONDAY);
    expect(mergeProgress(undone, after).guides.hp?.['hp-a']?.tickedAt).toBe(MONDAY);
  });

  it('brings back every tick of a reset guide with its time, leaving other guides alone', () => {
    const before = withStep(twoTicks(), 'redhat', 'rh-a', MONDAY);
    const after = withoutGuide(before, 'hp', CHANGED);
    const undone = undoChanges(after, changedEntries(before, after), CHANGED, UNDONE);
    expect(
      Object.fromEntries(Object.entries(undone.guides.hp ?? {}).map(([id, t]) => [id, t.tickedAt])),
    ).toEqual({ 'hp-a': MONDAY, 'hp-b': TUESDAY });
    expect(undone.guides.redhat).toEqual({ 'rh-a': { tickedAt: MONDAY } });
    expect(mergeProgress(after, undone).guides.hp).toEqual(undone.guides.hp);
  });

  it('takes back an import: ticks and records it added go, those it overwrote come back', () => {
    const before = withRecord(
      withStep(emptyProgress(), 'hp', 'hp-a', MONDAY),
      'rh-login',
      'taro',
      new Date(MONDAY),
    );
    const file = withRecord(
      withStep(withStep(emptyProgress(), 'hp', 'hp-a', TUESDAY), 'hp', 'hp-c', TUESDAY),
      'rh-login',
      'jiro',
      new Date(TUESDAY),
    );
    const after = applyImport(before, file, CHANGED);
    const undone = undoChanges(after, changedEntries(before, after), CHANGED, UNDONE);
    expect(undone.guides.hp).toEqual({ 'hp-a': { tickedAt: MONDAY, changedAt: UNDONE.toISOString() } });
    expect(undone.records).toEqual({ 'rh-login': { value: 'taro', updatedAt: UNDONE.toISOString() } });
    expect(undone.removed.ticks.hp).toEqual({ 'hp-c': UNDONE.toISOString() });
  });

  it('stamps the undo after the change even when the clock has not moved', () => {
    const before = twoTicks();
    const after = withoutGuide(before, 'hp', CHANGED);
    const undone = undoChanges(after, changedEntries(before, after), CHANGED, CHANGED);
    expect(undone.guides.hp?.['hp-a']?.changedAt).toBe('2026-06-10T03:00:00.001Z');
    expect(mergeProgress(after, undone).guides.hp?.['hp-a']?.tickedAt).toBe(MONDAY);
  });

  it('is no longer offered once a touched entry changed again, nor for a change that changed nothing', () => {
    const before = twoTicks();
    const after = withStep(before, 'hp', 'hp-a', undefined, CHANGED);
    const changes = changedEntries(before, after);
    expect(canUndo(changes, withStep(after, 'hp', 'hp-a', UNDONE.toISOString()))).toBe(false);
    expect(canUndo(changes, withStep(after, 'hp', 'hp-c', UNDONE.toISOString()))).toBe(true);
    expect(canUndo(changedEntries(before, before), before)).toBe(false);
  });
});

describe('correcting a completion time', () => {
  it('shows a time in Japan time for a datetime-local input', () => {
    expect(toJapanTimeInput('2026-06-08T15:30:00.000Z')).toBe('2026-06-09T00:30');
    expect(toJapanTimeInput('2026-01-01T00:00:59.999Z')).toBe('2026-01-01T09:00');
  });

  it('reads the input as Japan time', () => {
    const now = new Date('2026-06-10T03:00:00.000Z');
    expect(parseJapanTimeInput('2026-06-09T09:15', now)).toEqual({
      ok: true,
      tickedAt: '2026-06-09T00:15:00.000Z',
    });
    expect(parseJapanTimeInput('2026-06-10T12:00', now)).toEqual({
      ok: true,
      tickedAt: '2026-06-10T03:00:00.000Z',
    });
  });

  it('refuses an incomplete value, one after now and one before 2000', () => {
    const now = new Date('2026-06-10T03:00:00.000Z');
    expect(parseJapanTimeInput('', now)).toEqual({ ok: false, error: 'incomplete' });
    expect(parseJapanTimeInput('2026-06-09', now)).toEqual({ ok: false, error: 'incomplete' });
    expect(parseJapanTimeInput('2026-02-30T10:00', now)).toEqual({ ok: false, error: 'incomplete' });
    expect(parseJapanTimeInput('2026-06-10T12:01', now)).toEqual({ ok: false, error: 'future' });
    expect(parseJapanTimeInput('1999-12-31T23:59', now)).toEqual({ ok: false, error: 'too-early' });
    expect(parseJapanTimeInput('0506-02-02T10:00', now)).toEqual({ ok: false, error: 'too-early' });
    expect(parseJapanTimeInput('2000-01-01T09:00', now)).toEqual({
      ok: true,
      tickedAt: '2000-01-01T00:00:00.000Z',
    });
  });

  it('changes the time of a ticked step only, as a change made now', () => {
    const data = twoTicks();
    const corrected = withTickTime(data, 'hp', 'hp-b', MONDAY, CHANGED);
    expect(corrected.guides.hp?.['hp-b']).toEqual({ tickedAt: MONDAY, changedAt: CHANGED.toISOString() });
    expect(mergeProgress(data, corrected).guides.hp?.['hp-b']?.tickedAt).toBe(MONDAY);
    expect(withTickTime(data, 'hp', 'hp-c', MONDAY, CHANGED)).toBe(data);
  });
});
