/**
 * Compares the first use of the site search between two builds of the site, runs alternating so
 * that the machine's load weighs on both alike: `node scripts/compare-search-timing.ts <before dist>
 * <after dist> [runs]` (default 15 runs a build). Prints, per page and CPU rate, the median and the
 * middle half of the times from the click to the box and to the first character, each as the next
 * task after the frame and as the frame's presentation (Event Timing; scripts/support/search-timing.ts).
 * `fast`: under Event Timing's 16 ms threshold.
 */
import { resolve } from 'node:path';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { startStaticServer } from '../tests/e2e/support/server.ts';
import {
  measureSearchTiming,
  spread,
  SEARCH_TIMING_QUERY,
  SEARCH_TIMING_ROUTES,
  type SearchTiming,
} from './support/search-timing.ts';

const [beforeDir, afterDir, runsArgument] = process.argv.slice(2);
if (!beforeDir || !afterDir) {
  console.error('Usage: node scripts/compare-search-timing.ts <before dist> <after dist> [runs]');
  process.exit(2);
}
const runs = Number(runsArgument ?? 15);
const servers = {
  before: await startStaticServer({ root: resolve(beforeDir) }),
  after: await startStaticServer({ root: resolve(afterDir) }),
};
const browser = await launchBrowser();
try {
  const lines = [
    `First use of the site search, ${runs} alternating runs a build (median and middle half, ms).`,
    '| page | CPU | build | box focused (next task) | box painted (Event Timing) | first character shown (next task) | first character painted (Event Timing) | characters lost |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const route of SEARCH_TIMING_ROUTES) {
    for (const rate of [1, 4]) {
      const timings: Record<'before' | 'after', SearchTiming[]> = { before: [], after: [] };
      for (let run = 0; run < runs; run++) {
        for (const build of ['before', 'after'] as const)
          timings[build].push(await measureSearchTiming(browser, servers[build].url, route, rate));
      }
      for (const build of ['before', 'after'] as const) {
        const list = timings[build];
        lines.push(
          `| /${route} | ${rate}× | ${build} | ${spread(list.map((t) => t.box))} | ${spread(
            list.map((t) => t.boxPainted),
            true,
          )} | ${spread(list.map((t) => t.firstCharacter))} | ${spread(
            list.map((t) => t.firstCharacterPainted),
            true,
          )} | ${list.filter((t) => t.typed !== SEARCH_TIMING_QUERY).length} |`,
        );
      }
    }
  }
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await servers.before.close();
  await servers.after.close();
}
