import { currentWait } from './current-wait';
import { remainingChangesAt, yearShownChangesAt } from './wait-format';
import type { WaitRule, WaitState } from './waits';

/**
 * When what the page shows of waits next changes by the passing of time alone, so that the clock
 * (src/stores/clock.ts) wakes then and not every second. Times are in ms since 1970.
 */

/**
 * When what is shown of a wait of `kind` in `state` next changes after `now`: a pending wait when it
 * runs late (the end of a deadline, 00:00 in Japan after the last day of a window), a deadline's
 * countdown when its seconds or minutes change, and any running wait's dates at the new year (they
 * gain or lose their year). Undefined for a wait not started, over, or not known yet.
 */
export function waitChangesAt(
  kind: WaitRule['kind'],
  state: WaitState | undefined,
  now: Date,
): number | undefined {
  if (state?.phase !== 'pending' && state?.phase !== 'late') return undefined;
  const times = [yearShownChangesAt(now)];
  if (state.phase === 'pending') {
    times.push(state.until.getTime());
    if (kind === 'deadline') times.push(remainingChangesAt(state.until, now) ?? Infinity);
  }
  return Math.min(...times);
}

/**
 * When anything shown of waits next changes after `now`: all of them (`states`, one per rule), or
 * only the current one (lib/current-wait.ts) for a line that shows that one alone.
 */
export function waitsChangeAt(
  rules: readonly WaitRule[],
  states: readonly (WaitState | undefined)[],
  now: Date,
  shown: 'all' | 'current' = 'all',
): number | undefined {
  const current = shown === 'current' ? currentWait(states) : undefined;
  const times = rules.flatMap((rule, index) =>
    shown === 'current' && index !== current?.index ? [] : [waitChangesAt(rule.kind, states[index], now)],
  );
  const defined = times.filter((time) => time !== undefined);
  return defined.length > 0 ? Math.min(...defined) : undefined;
}
