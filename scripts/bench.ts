/**
 * Prints what each page of the built site (dist/) costs to load, in gzip bytes: JavaScript before
 * the load event and by the time the page is idle, the HTML and the CSS; then what a guide costs
 * while idle beside a plain page; then what 1, 10 and 50 registrations take in storage. Run after
 * `npm run build`.
 */
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { startStaticServer } from '../tests/e2e/support/server.ts';
import { printIdleCpu } from './support/idle-cpu.ts';
import {
  BASELINE_ROUTE,
  BUDGETS,
  FIRST_SEARCH_BUDGET,
  kib,
  listRoutes,
  measureFirstSearch,
  measurePage,
} from '../tests/support/page-weight.ts';
import { printTickTiming } from './support/tick-timing.ts';
import { printSearchTiming } from './support/search-timing.ts';
import { printStorageSize } from './support/storage-size.ts';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const server = await startStaticServer({ root: distDir });
const browser = await launchBrowser();
try {
  const rows = [];
  for (const route of listRoutes(distDir)) rows.push(await measurePage(browser, server.url, distDir, route));
  const baseline = rows.find((row) => row.route === BASELINE_ROUTE)!;
  console.log(`Gzip sizes. Baseline for islands: /${BASELINE_ROUTE} (no islands).`);
  console.log(
    `Budgets: guide pages ≤ ${kib(BUDGETS.guideJsOverBaseline)} and other pages ≤ ${kib(BUDGETS.otherJsOverBaseline)} of JS over the baseline (plus ${kib(BUDGETS.waitsJs)} where waits are shown; hand-off page ≤ ${kib(BUDGETS.handoffJsOverBaseline)}), at load and by idle, HTML ≤ ${kib(BUDGETS.htmlPerPage)} (troubleshooting ≤ ${kib(BUDGETS.htmlTroubleshooting)}), CSS ≤ ${kib(BUDGETS.css)}.\n`,
  );
  console.log('| page | JS at load | over baseline | JS by idle | over baseline | HTML | CSS | CLS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const atLoad = row.jsAtLoad - baseline.jsAtLoad;
    const byIdle = row.jsAfterIdle - baseline.jsAfterIdle;
    console.log(
      `| /${row.route} | ${kib(row.jsAtLoad)} | ${kib(atLoad)} | ${kib(row.jsAfterIdle)} | ${kib(byIdle)} | ${kib(row.html)} | ${kib(row.css)} | ${row.layoutShift.toFixed(3)} |`,
    );
  }
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
  await printTickTiming(browser, server.url);
  await printIdleCpu(browser, server.url);
  await printSearchTiming(browser, server.url);
  printStorageSize();
} finally {
  await browser.close();
  await server.close();
}
