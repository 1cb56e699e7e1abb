import { remainingChangesAt, yearShownChangesAt } from './wait-format';
import type { WaitRule, WaitState } from './waits';

/**
 * When what the page shows of waits next changes by the passing of time alone, so that the clock
 * (src/stores/clock.ts) wakes then and not every second. Times are in ms since 1970; never is Infinity.
 */

/**
 * When what is shown of a wait of `kind` in `state` next changes after `now`: a pending wait when it
 * runs late (the end of a deadline, 00:00 in Japan after the last day of a window), a deadline's
 * countdown when its seconds or minutes change, and any running wait's dates at the new year (they
 * gain or lose their year). Never for a wait not started, over, or not known yet.
 */
export function waitChangesAt(kind: WaitRule['kind'], state: WaitState | undefined, now: Date): number {
  if (state?.phase !== 'pending' && state?.phase !== 'late') return Infinity;
  const newYear = yearShownChangesAt(now);
  if (state.phase === 'late') return newYear;
  const countdown = kind === 'deadline' ? remainingChangesAt(state.until, now) : Infinity;
  return Math.min(newYear, state.until.getTime(), countdown);
}

/**
 * When anything shown of waits (`states`, one per rule) next changes after `now`: of all of them, or
 * of the one at index `only` for a line that shows that one alone.
 */
export function waitsChangeAt(
  rules: readonly WaitRule[],
  states: readonly (WaitState | undefined)[],
  now: Date,
  only?: number,
): number {
  return Math.min(
    ...rules.map((rule, index) =>
      only === undefined || only === index ? waitChangesAt(rule.kind, states[index], now) : Infinity,
    ),
  );
}
