/**
 * Prints what each page of the built site (dist/) costs to load, in gzip bytes: JavaScript before
 * the load event and by the time the page is idle, the HTML and the CSS; then what a guide costs
 * while idle beside a plain page; then what 1, 10 and 50 registrations take in storage, and a tick
 * and the home page's overview with that many stored. Run after `npm run build`.
 */
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { startStaticServer } from '../tests/e2e/support/server.ts';
import { printIdleCpu } from './support/idle-cpu.ts';
import {
  BASELINE_ROUTE,
  BUDGETS,
  FIRST_SEARCH_BUDGET,
  jsBudgetOf,
  kib,
  listRoutes,
  measureFirstSearch,
  measurePage,
} from '../tests/support/page-weight.ts';
import { printTickTiming } from './support/tick-timing.ts';
import { printSearchTiming } from './support/search-timing.ts';
import { printStorageSize } from './support/storage-size.ts';
import { printRegistrationTiming } from './support/registration-timing.ts';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
/** The value of `--<name>=a,b` on the command line, split at commas. */
const option = (name: string) =>
  process.argv
    .find((argument) => argument.startsWith(`--${name}=`))
    ?.slice(`--${name}=`.length)
    .split(',');
/**
 * `npm run bench -- --only=idle,tick` runs only those parts: weights, search, tick, idle,
 * search-timing, storage, registrations.
 */
const only = option('only');
/** `--registrations=1,10` measures storage and registrations with those numbers instead of 1, 10 and 50. */
const registrationCounts = option('registrations')
  ?.map(Number)
  .filter((count) => Number.isInteger(count) && count > 0);
const runs = (part: string) => only === undefined || only.includes(part);
const server = await startStaticServer({ root: distDir });
const browser = await launchBrowser();
try {
  if (runs('weights')) await printWeights();
  if (runs('search')) await printFirstSearches();
  if (runs('tick')) await printTickTiming(browser, server.url);
  if (runs('idle')) await printIdleCpu(browser, server.url);
  if (runs('search-timing')) await printSearchTiming(browser, server.url);
  if (runs('storage')) printStorageSize(registrationCounts);
  if (runs('registrations')) await printRegistrationTiming(browser, server.url, registrationCounts);
} finally {
  await browser.close();
  await server.close();
}

/** Every page's weight, with its budget. */
async function printWeights(): Promise<void> {
  const rows = [];
  for (const route of listRoutes(distDir)) rows.push(await measurePage(browser, server.url, distDir, route));
  const baseline = rows.find((row) => row.route === BASELINE_ROUTE)!;
  console.log(`Gzip sizes. Baseline for islands: /${BASELINE_ROUTE} (no islands).`);
  console.log(
    `Budgets (issue 15): each guide ≤ ${kib(BUDGETS.guideJsAtLoadOverBaseline)} of JS at load over the baseline and ≤ ${kib(BUDGETS.guideJsByIdle)} in all by idle; troubleshooting ≤ ${kib(BUDGETS.troubleshootingJsByIdleOverBaseline)} and every other page ≤ ${kib(BUDGETS.pageJsByIdleOverBaseline)} by idle over the baseline; HTML ≤ ${kib(BUDGETS.htmlPerPage)} (troubleshooting ≤ ${kib(BUDGETS.htmlTroubleshooting)}), CSS ≤ ${kib(BUDGETS.css)}.\n`,
  );
  console.log(
    '| page | JS at load | over baseline | JS by idle | over baseline | HTML | CSS | CLS | JS budget |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const atLoad = row.jsAtLoad - baseline.jsAtLoad;
    const byIdle = row.jsAfterIdle - baseline.jsAfterIdle;
    const budget = jsBudgetOf(row.route);
    const limits = [
      budget.atLoadOverBaseline === undefined ? '' : `load +${kib(budget.atLoadOverBaseline)}`,
      budget.byIdle === undefined ? '' : `idle ${kib(budget.byIdle)}`,
      budget.byIdleOverBaseline === undefined ? '' : `idle +${kib(budget.byIdleOverBaseline)}`,
    ].filter(Boolean);
    console.log(
      `| /${row.route} | ${kib(row.jsAtLoad)} | ${kib(atLoad)} (${atLoad.toLocaleString('en')} B) | ${kib(row.jsAfterIdle)} | ${kib(byIdle)} (${byIdle.toLocaleString('en')} B) | ${kib(row.html)} | ${kib(row.css)} | ${row.layoutShift.toFixed(3)} | ${row.route === BASELINE_ROUTE ? 'baseline' : limits.join(', ')} |`,
    );
  }
}

/** What the first site search transfers, for three queries. */
async function printFirstSearches(): Promise<void> {
  for (const [route, query] of [
    ['', 'sendgrid'],
    ['', '確認コード'],
    ['en/', 'verification code'],
  ] as const) {
    const search = await measureFirstSearch(browser, server.url, distDir, query, route);
    console.log(
      `\nFirst site search for “${query}” from /${route}: ${search.files} files, ${search.bytes.toLocaleString('en')} bytes: the index's ${search.indexBytes.toLocaleString('en')} (budget ${FIRST_SEARCH_BUDGET.toLocaleString('en')}) and the interface's ${search.interfaceBytes.toLocaleString('en')}.`,
    );
  }
}
