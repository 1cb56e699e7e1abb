/**
 * `npm run bench:search`: how often the header search dialog and the troubleshooting page's filter
 * put the expected troubleshooting entry first, for the queries of tests/search/ (the `tune` set,
 * which authors tune search terms against, and the `holdout` and `fresh` sets, which they never do). Prints the
 * share per language, mode and set, and every miss with what came first instead. Run after
 * `npm run build`; measures dist/ in Chromium. `-- --mode=dialog` (or `filter`) measures one mode only;
 * `-- --sets=tune` only the sets named (so that who tunes does not see the held-out queries).
 */
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { startStaticServer } from '../tests/e2e/support/server.ts';
import {
  FILTER_TOP,
  QUERY_SETS,
  SEARCH_MODES,
  formatReport,
  measureSearchQuality,
  readQuerySet,
} from '../tests/support/search-quality.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const setsArgument = process.argv.find((arg) => arg.startsWith('--sets='))?.slice('--sets='.length);
const setNames = QUERY_SETS.filter(
  (name) => setsArgument === undefined || setsArgument.split(',').includes(name),
);
if (setNames.length === 0) {
  console.error(`Unknown --sets=${setsArgument}: use some of ${QUERY_SETS.join(', ')}, comma-separated.`);
  process.exit(2);
}
const sets = Object.fromEntries(setNames.map((name) => [name, readQuerySet(root, name)]));
const modeArgument = process.argv.find((arg) => arg.startsWith('--mode='))?.slice('--mode='.length);
const modes = SEARCH_MODES.filter((mode) => modeArgument === undefined || mode === modeArgument);
if (modes.length === 0) {
  console.error(`Unknown --mode=${modeArgument}: use one of ${SEARCH_MODES.join(', ')}.`);
  process.exit(2);
}
const server = await startStaticServer({ root: `${root}dist/` });
const browser = await launchBrowser();
try {
  const started = performance.now();
  const results = await measureSearchQuality(browser, server.url, sets, modes);
  console.log(
    `Share of queries whose expected entry is in the dialog's first result group, or among the filter's first ${FILTER_TOP} entries.\n`,
  );
  console.log(formatReport(results));
  console.log(`\nMeasured in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await browser.close();
  await server.close();
}
