/**
 * What pages of the built site cost while nobody uses them: the main thread's busy time and the
 * timer callbacks run over a window of idle seconds after load, fresh storage (nothing ticked,
 * nothing waiting). Pages are measured one after another so that they do not share the CPU.
 * Used by scripts/bench.ts.
 */
import type { Browser } from 'playwright-core';
import { countTimerCallbacks, timerCallbacksRun } from '../../tests/support/timer-callbacks.ts';

/** A guide with waits, a plain Starlight page, the other guide with waits, the home page. */
const ROUTES = ['microsoft/', 'about/', 'hp/', ''];

/** How long each page is left alone, in seconds. */
const IDLE_SECONDS = 30;

/**
 * Rounds over the pages, each page once a round: a few milliseconds over 30 s move with whatever
 * else the machine does, so each figure is the median of the rounds.
 */
const ROUNDS = 3;

/** One page's cost over the idle window. */
interface IdleCost {
  route: string;
  /** Time the main thread spent on tasks, in milliseconds (CDP TaskDuration). */
  taskMs: number;
  /** CPU time of the main thread, in milliseconds (CDP ThreadTime). */
  cpuMs: number;
  /** Time spent running JavaScript (CDP ScriptDuration). */
  scriptMs: number;
  /** Style recalculations (CDP RecalcStyleCount): a re-render that changes nothing still costs one. */
  styleRecalcs: number;
  /** Callbacks of setTimeout and setInterval that ran. */
  timerCallbacks: number;
}

async function measureIdle(browser: Browser, siteUrl: string, route: string): Promise<IdleCost> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(countTimerCallbacks);
  await page.goto(siteUrl + route, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => resolve(undefined), { timeout: 2000 })),
  );
  await page.waitForLoadState('networkidle');
  // Stores read once while loading stop a second later (nanostores' unmount delay): the window
  // starts after those, to measure the page at rest.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    const timerCallbacks = await timerCallbacksRun(page);
    return {
      task: metric('TaskDuration'),
      cpu: metric('ThreadTime'),
      script: metric('ScriptDuration'),
      styleRecalcs: metric('RecalcStyleCount'),
      timerCallbacks,
    };
  };
  const before = await read();
  // Fixed waits, for the bench only: an idle window is a length of time.
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const after = await read();
  await context.close();
  return {
    route,
    taskMs: (after.task - before.task) * 1000,
    cpuMs: (after.cpu - before.cpu) * 1000,
    scriptMs: (after.script - before.script) * 1000,
    styleRecalcs: after.styleRecalcs - before.styleRecalcs,
    timerCallbacks: after.timerCallbacks - before.timerCallbacks,
  };
}

/** Prints the idle cost of a guide with nothing waiting beside that of /about/ (plain Starlight). */
export async function printIdleCpu(browser: Browser, siteUrl: string): Promise<void> {
  const runs: IdleCost[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const route of ROUTES) runs.push(await measureIdle(browser, siteUrl, route));
  const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rows = ROUTES.map((route) => {
    const of = runs.filter((run) => run.route === route);
    const pick = (key: Exclude<keyof IdleCost, 'route'>) => median(of.map((run) => run[key]));
    return {
      route,
      taskMs: pick('taskMs'),
      cpuMs: pick('cpuMs'),
      scriptMs: pick('scriptMs'),
      styleRecalcs: pick('styleRecalcs'),
      timerCallbacks: pick('timerCallbacks'),
      cpuRange: of.map((run) => run.cpuMs.toFixed(1)).join(', '),
    };
  });
  const about = rows.find((row) => row.route === 'about/')!;
  console.log(
    `\nIdle for ${IDLE_SECONDS} s after load, fresh storage (nothing waiting); medians of ${ROUNDS} rounds, each page once a round:\n`,
  );
  console.log(
    '| page | main thread busy | × /about/ | CPU | × /about/ | CPU each round | script | style recalcs | timer callbacks |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const ratio = (value: number, of: number) => (of > 0 ? `${(value / of).toFixed(2)}×` : '—');
  for (const row of rows) {
    console.log(
      `| /${row.route} | ${row.taskMs.toFixed(1)} ms | ${ratio(row.taskMs, about.taskMs)} | ${row.cpuMs.toFixed(1)} ms | ${ratio(row.cpuMs, about.cpuMs)} | ${row.cpuRange} ms | ${row.scriptMs.toFixed(1)} ms | ${row.styleRecalcs} | ${row.timerCallbacks} |`,
    );
  }
}
