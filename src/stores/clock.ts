import { atom, onMount } from 'nanostores';

/**
 * The current time, updated every second while some component listens: countdowns and the switch
 * to "late" follow it. Nothing ticks on pages where no wait is shown.
 */
export const $now = atom(new Date());

onMount($now, () => {
  $now.set(new Date());
  const timer = setInterval(() => $now.set(new Date()), 1000);
  return () => clearInterval(timer);
});
