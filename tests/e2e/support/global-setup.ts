import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser';
import { startStaticServer } from './server';

const distDir = fileURLToPath(new URL('../../../dist/', import.meta.url));
const subPathDir = fileURLToPath(new URL('../../../dist-subpath/', import.meta.url));
const fixtureDir = fileURLToPath(new URL('../../../dist-fixture/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the built site (dist/) served at the root, ending with a slash. */
    siteUrl: string;
    /** URL of the same site built for and served under the sub-path /partner-guides/. */
    subPathUrl: string;
    /** URL of the site built with the extra guide of tests/fixtures/extra-guide/ (dist-fixture/). */
    fixtureUrl: string;
    /** Where test files connect to the one Chromium of the run (useBrowser in ./browser). */
    browserWsEndpoint: string;
  }
}

/**
 * Serves dist/, dist-subpath/ and dist-fixture/ for the browser tests (`npm test` builds them
 * first), and starts the Chromium that every test file connects to.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(distDir + 'index.html')) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you).');
  }
  if (!existsSync(subPathDir + 'index.html')) {
    throw new Error(
      'dist-subpath/ is missing: run `npm run build:subpath` first (npm test does it for you).',
    );
  }
  if (!existsSync(fixtureDir + 'acme/index.html')) {
    throw new Error(
      'dist-fixture/ is missing or has no extra guide: run `npm run build:fixture` first (npm test does it for you).',
    );
  }
  const server = await startStaticServer({ root: distDir });
  const subPathServer = await startStaticServer({ root: subPathDir, basePath: '/partner-guides/' });
  const fixtureServer = await startStaticServer({ root: fixtureDir });
  project.provide('siteUrl', server.url);
  project.provide('subPathUrl', subPathServer.url);
  project.provide('fixtureUrl', fixtureServer.url);
  const browserServer = await launchBrowserServer();
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  return async () => {
    await browserServer.close();
    await server.close();
    await subPathServer.close();
    await fixtureServer.close();
  };
}
