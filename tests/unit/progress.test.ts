import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatTickTime, phaseState, summarizeGuide } from '../../src/lib/progress';
import { fillTemplate } from '../../src/lib/template';

const AT = { tickedAt: '2026-05-01T01:02:03.000Z' };
/** Steps that everyone does, by id. */
const steps = (...ids: string[]) => ids.map((id) => ({ id }));

describe('summarizeGuide', () => {
  it('counts ticked steps and points at the first unticked one in guide order', () => {
    expect(summarizeGuide(steps('a', 'b', 'c'), { a: AT, c: AT })).toEqual({
      done: 2,
      total: 3,
      nextStepId: 'b',
    });
  });

  it('has no next step when everything is ticked', () => {
    expect(summarizeGuide(steps('a', 'b'), { a: AT, b: AT })).toEqual({
      done: 2,
      total: 2,
      nextStepId: undefined,
    });
  });

  it('ignores ticks of steps the guide no longer has', () => {
    expect(summarizeGuide(steps('a', 'b'), { gone: AT, a: AT })).toEqual({
      done: 1,
      total: 2,
      nextStepId: 'b',
    });
  });

  it('starts at the first step when the guide has no ticks', () => {
    expect(summarizeGuide(steps('a', 'b'), undefined)).toEqual({ done: 0, total: 2, nextStepId: 'a' });
  });

  it('leaves conditional steps out of the count, ticked or not', () => {
    const guide = [{ id: 'a' }, { id: 'b', when: '方法1がうまくいかない場合' }, { id: 'c' }];
    expect(summarizeGuide(guide, { a: AT })).toEqual({ done: 1, total: 2, nextStepId: 'c' });
    expect(summarizeGuide(guide, { a: AT, b: AT })).toEqual({ done: 1, total: 2, nextStepId: 'c' });
  });

  it('is complete when every step but the conditional ones is ticked', () => {
    const guide = [{ id: 'a' }, { id: 'b' }, { id: 'support', when: 'if the review is stuck' }];
    expect(summarizeGuide(guide, { a: AT, b: AT })).toEqual({ done: 2, total: 2, nextStepId: undefined });
  });

  it('never points at a conditional step as the next one', () => {
    const guide = [{ id: 'a', when: 'x' }, { id: 'b' }, { id: 'c', when: 'y' }, { id: 'd' }];
    expect(summarizeGuide(guide, undefined).nextStepId).toBe('b');
    expect(summarizeGuide(guide, { b: AT }).nextStepId).toBe('d');
  });

  it('does not count inherited object keys as ticks', () => {
    expect(summarizeGuide(steps('toString', 'constructor'), {})).toEqual({
      done: 0,
      total: 2,
      nextStepId: 'toString',
    });
  });
});

describe('phaseState', () => {
  it('is current when the phase holds the next step, even with other steps ticked', () => {
    expect(phaseState(['a', 'b'], { a: AT }, 'b')).toBe('current');
  });

  it('is done when every counted step of the phase is ticked', () => {
    expect(phaseState(['a', 'b'], { a: AT, b: AT }, 'c')).toBe('done');
    expect(phaseState(['a', 'b'], { a: AT, b: AT }, undefined)).toBe('done');
  });

  it('is neither for a phase not reached, or skipped with a step left', () => {
    expect(phaseState(['c', 'd'], { a: AT }, 'b')).toBeUndefined();
    expect(phaseState(['a', 'b'], { b: AT }, 'c')).toBeUndefined();
    expect(phaseState(['a'], undefined, undefined)).toBeUndefined();
  });
});

describe('fillTemplate', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(fillTemplate('{done} / {total} ステップ完了 {x}', { done: 2, total: 15 })).toBe(
      '2 / 15 ステップ完了 {x}',
    );
  });
});

describe('formatTickTime', () => {
  const savedTimeZone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterEach(() => {
    process.env.TZ = savedTimeZone;
  });

  it('shows Japan time in Japanese, whatever the computer’s time zone', () => {
    // 2026-05-06T15:30Z is 7 May 00:30 in Tokyo.
    expect(formatTickTime('2026-05-06T15:30:00Z', 'ja')).toBe('2026/5/7(木) 00:30');
  });

  it('shows Japan time in English', () => {
    expect(formatTickTime('2026-05-06T15:30:00Z', 'en')).toBe('Thu, 7 May 2026, 00:30');
  });
});
