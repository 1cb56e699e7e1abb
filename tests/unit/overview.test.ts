import { describe, expect, it } from 'vitest';
import {
  attentionOf,
  compareAttention,
  orderByAttention,
  withRegistrationParameter,
  type Attention,
  type GuideStanding,
} from '../../src/lib/overview';
import type { WaitState } from '../../src/lib/waits';

const at = (iso: string) => new Date(iso);
const STARTED = at('2026-11-20T01:00:00.000Z');

const pending = (until: string): WaitState => ({ phase: 'pending', startedAt: STARTED, until: at(until) });
const late = (until: string): WaitState => ({ phase: 'late', startedAt: STARTED, until: at(until) });

/** A guide with `done` of 10 steps done and the given waits. */
const guide = (done: number, ...waits: (WaitState | undefined)[]): GuideStanding => ({
  summary: { done, total: 10 },
  waits,
});

describe('attentionOf', () => {
  it('is late when any wait of any guide is past its end, from the first to run late', () => {
    expect(
      attentionOf([
        guide(3, pending('2026-11-25T00:00:00Z')),
        guide(2, late('2026-11-22T00:00:00Z'), late('2026-11-21T00:00:00Z')),
      ]),
    ).toEqual({ kind: 'late', at: Date.parse('2026-11-21T00:00:00Z') });
  });

  it('is due at the soonest end among running waits when none is late', () => {
    expect(
      attentionOf([
        guide(3, pending('2026-11-25T00:00:00Z'), { phase: 'done' }),
        guide(1, { phase: 'not-started' }, pending('2026-11-24T01:15:00Z'), undefined),
      ]),
    ).toEqual({ kind: 'due', at: Date.parse('2026-11-24T01:15:00Z') });
  });

  it('is in progress when some step is done and some is not, with nothing running', () => {
    expect(attentionOf([guide(0, { phase: 'done' }), guide(4, { phase: 'not-started' })])).toEqual({
      kind: 'in-progress',
    });
  });

  it('is the rest when nothing is started or everything is done', () => {
    expect(attentionOf([guide(0), guide(0)])).toEqual({ kind: 'rest' });
    expect(attentionOf([guide(10, { phase: 'done' }), guide(10)])).toEqual({ kind: 'rest' });
    expect(attentionOf([])).toEqual({ kind: 'rest' });
  });

  it('ignores waits whose state is not known yet (holidays loading)', () => {
    expect(attentionOf([guide(2, undefined)])).toEqual({ kind: 'in-progress' });
  });
});

describe('the order of the overview', () => {
  const lateEarly: Attention = { kind: 'late', at: 100 };
  const lateRecent: Attention = { kind: 'late', at: 200 };
  const dueSoon: Attention = { kind: 'due', at: 50 };
  const dueLater: Attention = { kind: 'due', at: 500 };
  const working: Attention = { kind: 'in-progress' };
  const rest: Attention = { kind: 'rest' };

  it('puts late first (the longest late first), then the soonest due, then in progress, then the rest', () => {
    const items = [
      { id: 'rest', attention: rest },
      { id: 'working', attention: working },
      { id: 'due-later', attention: dueLater },
      { id: 'late-recent', attention: lateRecent },
      { id: 'due-soon', attention: dueSoon },
      { id: 'late-early', attention: lateEarly },
    ];
    expect(orderByAttention(items).map(({ id }) => id)).toEqual([
      'late-early',
      'late-recent',
      'due-soon',
      'due-later',
      'working',
      'rest',
    ]);
  });

  it('keeps creation order among registrations that need attention equally', () => {
    const items = ['a', 'b', 'c', 'd'].map((id, index) => ({
      id,
      attention: index % 2 === 0 ? rest : working,
    }));
    expect(orderByAttention(items).map(({ id }) => id)).toEqual(['b', 'd', 'a', 'c']);
    expect(orderByAttention(items)).not.toBe(items);
  });

  it('compares a late wait before a due one whatever their times', () => {
    expect(compareAttention({ kind: 'late', at: 900 }, { kind: 'due', at: 1 })).toBeLessThan(0);
    expect(compareAttention(working, working)).toBe(0);
  });
});

describe('withRegistrationParameter', () => {
  it('adds ?r=<id> before the fragment', () => {
    expect(withRegistrationParameter('/hp/', 'b2c3d4e5')).toBe('/hp/?r=b2c3d4e5');
    expect(withRegistrationParameter('/en/microsoft/#ms-review-check-status', '1')).toBe(
      '/en/microsoft/?r=1#ms-review-check-status',
    );
    expect(withRegistrationParameter('/partner-guides/hp/?x=1#a', 'z9')).toBe(
      '/partner-guides/hp/?x=1&r=z9#a',
    );
  });
});
