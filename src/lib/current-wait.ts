import type { WaitState } from './waits';

/** A wait that has started and not ended: running, or past its end. */
export type RunningWaitState = Extract<WaitState, { phase: 'pending' | 'late' }>;

/**
 * The wait a guide is waiting for now, among `states` (one per wait rule): of the running ones
 * (pending or late), the one that ends last, since shorter waits started with it (a re-check, the
 * deadline of a fallback method) are side issues of it. Undefined when none is running.
 */
export function currentWait(
  states: readonly (WaitState | undefined)[],
): { index: number; state: RunningWaitState } | undefined {
  let current: { index: number; state: RunningWaitState } | undefined;
  states.forEach((state, index) => {
    if (
      (state?.phase === 'pending' || state?.phase === 'late') &&
      !(current && current.state.until >= state.until)
    )
      current = { index, state };
  });
  return current;
}
