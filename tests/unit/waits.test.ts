import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/lib/business-days';
import { holidaysOfYear } from '../../src/lib/holiday-table';
import { extractSteps } from '../../src/lib/steps';
import { waitState, type WaitRule } from '../../src/lib/waits';
import { isWaitUnderway } from '../../src/lib/wait-underway';
import { currentWait } from '../../src/lib/current-wait';
import { formatDay, formatDayTime, formatRemaining, formatWindow } from '../../src/lib/wait-format';
import { ROOT, readDoc } from '../support/site';
import { withSeeds } from './support/seeds';

const holidays = new Set([...holidaysOfYear(2026), ...holidaysOfYear(2027)]);
const jst = (local: string) => new Date(`${local}:00+09:00`);
const tick = (local: string) => ({ tickedAt: jst(local).toISOString() });

const review: WaitRule = {
  id: 'ms-review',
  kind: 'business-days',
  startStep: 'submit',
  doneWhen: ['check', 'accept'],
  duration: { businessDays: { min: 3, max: 5 } },
};
const code: WaitRule = {
  id: 'code',
  kind: 'deadline',
  startStep: 'create',
  doneWhen: ['confirm'],
  duration: { minutes: 15 },
};
const link: WaitRule = { ...code, id: 'link', duration: { hours: 48 } };

describe('waitState', () => {
  it('has not started until the start step is ticked', () => {
    expect(waitState(review, undefined, jst('2026-04-28T10:00'), holidays)).toEqual({ phase: 'not-started' });
    expect(waitState(review, { check: tick('2026-04-28T09:00') }, jst('2026-04-28T10:00'), holidays)).toEqual(
      {
        phase: 'not-started',
      },
    );
  });

  it('is done once any ending step is ticked', () => {
    const ticks = { submit: tick('2026-04-28T10:00'), accept: tick('2026-05-20T10:00') };
    expect(waitState(review, ticks, jst('2026-06-01T10:00'), holidays)).toEqual({ phase: 'done' });
  });

  it('gives the Golden Week window while pending, and is late from the day after it', () => {
    const ticks = { submit: tick('2026-04-28T10:00') };
    const pending = waitState(review, ticks, jst('2026-05-11T23:59'), holidays);
    expect(pending.phase).toBe('pending');
    if (pending.phase !== 'pending') return;
    expect(pending.window && [isoDate(pending.window.first), isoDate(pending.window.last)]).toEqual([
      '2026-05-07',
      '2026-05-11',
    ]);
    expect(waitState(review, ticks, jst('2026-05-12T00:00'), holidays).phase).toBe('late');
  });

  it('counts a 15-minute deadline to the second', () => {
    const ticks = { create: tick('2026-11-22T10:00') };
    const running = waitState(code, ticks, jst('2026-11-22T10:14'), holidays);
    expect(running).toMatchObject({ phase: 'pending', until: jst('2026-11-22T10:15') });
    expect(waitState(code, ticks, jst('2026-11-22T10:15'), holidays).phase).toBe('late');
  });

  it('counts a 48-hour deadline over a weekend and holidays alike (hours are not business days)', () => {
    const ticks = { create: tick('2026-11-20T18:00') };
    expect(waitState(link, ticks, jst('2026-11-22T17:59'), holidays)).toMatchObject({
      phase: 'pending',
      until: jst('2026-11-22T18:00'),
    });
    expect(waitState(link, ticks, jst('2026-11-22T18:00'), holidays).phase).toBe('late');
    expect(
      waitState(link, { ...ticks, confirm: tick('2026-11-22T19:00') }, jst('2026-11-23T00:00'), holidays),
    ).toEqual({
      phase: 'done',
    });
  });
});

describe('wait formatting', () => {
  const now = jst('2026-04-28T10:00');
  const window = { first: 20_580, last: 20_584, lateAt: new Date(0) }; // 7 and 11 May 2026

  it('writes the window as the issue shows it', () => {
    expect(isoDate(window.first)).toBe('2026-05-07');
    expect(formatWindow(window, 'ja', now)).toBe('5月7日（木）〜5月11日（月）');
    expect(formatWindow(window, 'en', now)).toBe('Thu 7 May – Mon 11 May');
    expect(formatWindow({ ...window, last: window.first }, 'en', now)).toBe('Thu 7 May');
  });

  it('adds the year only when it is not the current one', () => {
    expect(formatDay(20_580, 'ja', jst('2025-12-30T10:00'))).toBe('2026年5月7日（木）');
    expect(formatDay(20_580, 'en', jst('2025-12-30T10:00'))).toBe('Thu 7 May 2026');
  });

  it('writes times in Japan time', () => {
    const instant = new Date('2026-11-22T15:05:00Z'); // 00:05 on 23 Nov in Japan
    expect(formatDayTime(instant, 'ja', now)).toBe('11月23日（月） 0:05');
    expect(formatDayTime(instant, 'en', now)).toBe('Mon 23 Nov, 0:05');
  });

  it('writes the time left to the second under an hour, to the minute above', () => {
    expect(formatRemaining(14 * 60_000 + 5_000, 'ja')).toBe('14分05秒');
    expect(formatRemaining(14 * 60_000 + 5_000, 'en')).toBe('14 min 05 s');
    expect(formatRemaining(47 * 3_600_000 + 59 * 60_000 + 30_000, 'ja')).toBe('47時間59分');
    expect(formatRemaining(47 * 3_600_000 + 59 * 60_000 + 30_000, 'en')).toBe('47 h 59 min');
    expect(formatRemaining(-5_000, 'en')).toBe('0 min 00 s');
  });
});

interface WaitEntry extends WaitRule {
  guide: string;
  waitingStep: string;
  source: { seed: string; quote: string };
  faq: string;
  nextStep?: string;
}

const WAITS = JSON.parse(readFileSync(join(ROOT, 'src/content/waits.json'), 'utf8')) as WaitEntry[];

describe('the waits of the guides', () => {
  it('are the waits and deadlines the seeds state', () => {
    expect(WAITS.map((wait) => wait.id).sort()).toEqual([
      'hp-confirmation-code',
      'hp-confirmation-link',
      'hp-restricted-area',
      'ms-reseller-tab',
      'ms-review',
    ]);
  });

  withSeeds((seeds) => {
    it('model every wait and deadline the seeds state', () => {
      // Every seed line that names a number of business days, hours or minutes is quoted, except two
      // that restate a period already quoted (the review's overdue advice and the HP summary slide).
      const restatements = [/3-5 営業日が経過しても/, /初回ログインから1-3営業日後$/];
      const quoted = WAITS.map((wait) => wait.source.quote.normalize('NFKC'));
      for (const seed of seeds.names) {
        const lines = seeds.read(seed).normalize('NFKC').split('\n');
        for (const line of lines.filter((l) => /\d\s*(営業日|時間以内|分以内|時間ほど)/.test(l))) {
          if (restatements.some((pattern) => pattern.test(line.trim()))) continue;
          expect(
            quoted.some((quote) => quote.includes(line.trim()) || line.includes(quote)),
            line,
          ).toBe(true);
        }
      }
    });

    it.each(WAITS)('$id quotes its seed sentence word for word', (wait) => {
      expect(seeds.read(wait.source.seed)).toContain(wait.source.quote);
    });
  });

  it.each(WAITS)('$id takes its duration from the quoted seed sentence', (wait) => {
    const quote = wait.source.quote.normalize('NFKC');
    const numbers =
      'businessDays' in wait.duration
        ? [wait.duration.businessDays.min, wait.duration.businessDays.max]
        : ['hours' in wait.duration ? wait.duration.hours : wait.duration.minutes];
    const unit = 'businessDays' in wait.duration ? '営業日' : 'hours' in wait.duration ? '時間' : '分';
    expect(quote).toContain(unit);
    for (const number of numbers) expect(quote).toMatch(new RegExp(`(^|\\D)${number}(\\D|$)`));
  });

  it.each(WAITS)('$id ends by a step everyone does when everyone waits for it', (wait) => {
    // A conditional step is ticked only by those it concerns: a wait shown on a step everyone does
    // must also end by such a step, or it would run on for everyone else.
    const steps = extractSteps(readDoc(`${wait.guide}.mdx`));
    const counted = (id: string) => steps.some((step) => step.id === id && step.when === undefined);
    if (counted(wait.waitingStep)) expect(wait.doneWhen.some(counted), wait.doneWhen.join()).toBe(true);
  });

  it.each(WAITS)('$id names steps, entries and links that exist', (wait) => {
    const steps = extractSteps(readDoc(`${wait.guide}.mdx`)).map((step) => step.id);
    const start = steps.indexOf(wait.startStep);
    expect(start, wait.startStep).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf(wait.waitingStep)).toBeGreaterThan(start);
    for (const step of [...wait.doneWhen, ...(wait.nextStep ? [wait.nextStep] : [])])
      expect(steps).toContain(step);
    for (const lang of ['ja', 'en']) {
      expect(readdirSync(join(ROOT, 'src/content/faq', lang))).toContain(`${wait.faq}.md`);
    }
  });
});

describe('currentWait', () => {
  const running = (phase: 'pending' | 'late', until: string) => ({
    phase,
    startedAt: new Date('2026-12-01T00:00:00Z'),
    until: new Date(until),
  });

  it('is the running wait that ends last, late or not', () => {
    const review = running('pending', '2026-12-07T00:00:00Z');
    expect(currentWait([running('late', '2026-12-02T00:00:00Z'), { phase: 'done' }, review])).toEqual({
      index: 2,
      state: review,
    });
    const late = running('late', '2026-12-08T00:00:00Z');
    expect(currentWait([review, late])).toEqual({ index: 1, state: late });
  });

  it('is undefined when nothing runs, or states are not known yet', () => {
    expect(currentWait([{ phase: 'not-started' }, { phase: 'done' }, undefined])).toBeUndefined();
    expect(currentWait([])).toBeUndefined();
  });
});

describe('a wait underway, as the home page tells it before loading the wait code', () => {
  it('is one whose start step is ticked and none of the steps that end it', () => {
    expect(isWaitUnderway(review, undefined)).toBe(false);
    expect(isWaitUnderway(review, {})).toBe(false);
    expect(isWaitUnderway(review, { submit: tick('2026-06-01T10:00') })).toBe(true);
    expect(
      isWaitUnderway(review, { submit: tick('2026-06-01T10:00'), accept: tick('2026-06-05T10:00') }),
    ).toBe(false);
    expect(isWaitUnderway(review, { check: tick('2026-06-05T10:00') })).toBe(false);
  });

  it('is underway whenever the arithmetic finds it running or late', () => {
    const ticks = { create: tick('2026-06-01T10:00') };
    expect(waitState(code, ticks, jst('2026-06-01T10:05'), holidays).phase).toBe('pending');
    expect(waitState(code, ticks, jst('2026-06-01T11:00'), holidays).phase).toBe('late');
    expect(isWaitUnderway(code, ticks)).toBe(true);
  });
});
