import { describe, expect, it } from 'vitest';
import { holidaysOfYear } from '../../src/lib/holiday-table';
import {
  formatDay,
  formatRemaining,
  remainingChangesAt,
  yearShownChangesAt,
} from '../../src/lib/wait-format';
import { dayInJapan } from '../../src/lib/business-days';
import { waitChangesAt, waitsChangeAt } from '../../src/lib/wait-schedule';
import { waitState, type WaitRule } from '../../src/lib/waits';

const holidays = new Set(holidaysOfYear(2026));
const jst = (local: string) => new Date(`${local}:00+09:00`);
const at = (time: Date, ms: number) => new Date(time.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 3_600_000;

const review: WaitRule = {
  id: 'review',
  kind: 'business-days',
  startStep: 'submit',
  doneWhen: ['check'],
  duration: { businessDays: { min: 3, max: 5 } },
};
const recheck: WaitRule = { ...review, id: 'recheck', kind: 'recheck', duration: { hours: 24 } };
const code: WaitRule = { ...review, id: 'code', kind: 'deadline', duration: { minutes: 15 } };
const link: WaitRule = { ...code, id: 'link', duration: { hours: 48 } };

const STARTED = jst('2026-04-28T10:00');
const ticks = { submit: { tickedAt: STARTED.toISOString() } };
const stateAt = (rule: WaitRule, now: Date) => waitState(rule, ticks, now, holidays);

describe('remainingChangesAt', () => {
  const until = jst('2026-11-24T10:15');

  it('is the next second under an hour, and the next minute above', () => {
    expect(remainingChangesAt(until, at(until, -15 * MINUTE))).toBe(until.getTime() - 899_000);
    expect(remainingChangesAt(until, at(until, -(14 * MINUTE + 5_500)))).toBe(until.getTime() - 845_000);
    // 47 h 59 min 30 s left: "47 h 59 min" until 47 h 58 min 59 s are left, 31 s later.
    expect(remainingChangesAt(until, at(until, -(47 * HOUR + 59 * MINUTE + 30_000)))).toBe(
      until.getTime() - (47 * HOUR + 58 * MINUTE + 59_000),
    );
    // One hour left exactly: the seconds appear a second later.
    expect(remainingChangesAt(until, at(until, -HOUR))).toBe(until.getTime() - 3_599_000);
    expect(remainingChangesAt(until, at(until, -300))).toBe(until.getTime());
    expect(remainingChangesAt(until, until)).toBe(Infinity);
    expect(remainingChangesAt(until, at(until, 5_000))).toBe(Infinity);
  });

  it('is when the text formatRemaining writes changes, and never earlier', () => {
    for (const left of [
      15 * MINUTE,
      14 * MINUTE + 5_500,
      999,
      3_600_001,
      HOUR,
      47 * HOUR + 59 * MINUTE + 30_000,
      48 * HOUR,
    ]) {
      const now = at(until, -left);
      const change = remainingChangesAt(until, now);
      const text = (time: number) => formatRemaining(until.getTime() - time, 'en');
      expect(text(change - 1), `${left} ms left`).toBe(text(now.getTime()));
      expect(text(change), `${left} ms left`).not.toBe(text(now.getTime()));
    }
  });
});

describe('yearShownChangesAt', () => {
  it('is the next new year in Japan, when formatDay starts writing the year of days shown', () => {
    const evening = jst('2026-12-31T23:59');
    expect(yearShownChangesAt(evening)).toBe(jst('2027-01-01T00:00').getTime());
    // 15:00 UTC on 31 December is already 1 January in Japan.
    expect(yearShownChangesAt(new Date('2026-12-31T15:00:00Z'))).toBe(jst('2028-01-01T00:00').getTime());
    const day = dayInJapan(jst('2026-12-28T10:00'));
    expect(formatDay(day, 'en', at(jst('2027-01-01T00:00'), -1))).toBe('Mon 28 Dec');
    expect(formatDay(day, 'en', jst('2027-01-01T00:00'))).toBe('Mon 28 Dec 2026');
  });
});

describe('waitChangesAt', () => {
  it('is never for a wait not started, over, or not known yet', () => {
    expect(waitChangesAt('deadline', { phase: 'not-started' }, STARTED)).toBe(Infinity);
    expect(waitChangesAt('deadline', { phase: 'done' }, STARTED)).toBe(Infinity);
    expect(waitChangesAt('business-days', undefined, STARTED)).toBe(Infinity);
  });

  it('is 00:00 in Japan after the last day of a business-day window, not sooner', () => {
    const now = at(STARTED, 5 * MINUTE);
    expect(waitChangesAt('business-days', stateAt(review, now), now)).toBe(jst('2026-05-12T00:00').getTime());
  });

  it('is the time to check again for a re-check', () => {
    const now = at(STARTED, 5 * MINUTE);
    expect(waitChangesAt('recheck', stateAt(recheck, now), now)).toBe(jst('2026-04-29T10:00').getTime());
  });

  it('is the next change of the countdown for a deadline, and its end in the last second', () => {
    const now = at(STARTED, 10_500);
    expect(waitChangesAt('deadline', stateAt(code, now), now)).toBe(now.getTime() + 500);
    expect(waitChangesAt('deadline', stateAt(link, now), now)).toBe(STARTED.getTime() + MINUTE + 1_000);
    const lastSecond = at(STARTED, 15 * MINUTE - 400);
    expect(waitChangesAt('deadline', stateAt(code, lastSecond), lastSecond)).toBe(
      STARTED.getTime() + 15 * MINUTE,
    );
  });

  it('is the new year in Japan once late: nothing else of a late wait moves', () => {
    const now = jst('2026-06-01T10:00');
    expect(stateAt(review, now).phase).toBe('late');
    expect(waitChangesAt('business-days', stateAt(review, now), now)).toBe(jst('2027-01-01T00:00').getTime());
    expect(waitChangesAt('deadline', stateAt(code, now), now)).toBe(jst('2027-01-01T00:00').getTime());
  });
});

describe('waitsChangeAt', () => {
  const rules = [code, link, review];
  const now = at(STARTED, 10_500);
  const states = rules.map((rule) => stateAt(rule, now));

  it('is the soonest change of all the waits shown', () => {
    expect(waitsChangeAt(rules, states, now)).toBe(now.getTime() + 500);
  });

  it('is the next change of one wait alone for a line that shows that one', () => {
    // A line that shows the 48-hour link is not woken by the 15-minute code.
    expect(waitsChangeAt(rules, states, now, 1)).toBe(STARTED.getTime() + MINUTE + 1_000);
    expect(waitsChangeAt(rules, states, now, -1)).toBe(Infinity);
  });

  it('is never when nothing runs', () => {
    expect(waitsChangeAt(rules, [{ phase: 'not-started' }, { phase: 'done' }, undefined], now)).toBe(
      Infinity,
    );
    expect(waitsChangeAt([], [], now)).toBe(Infinity);
  });
});
