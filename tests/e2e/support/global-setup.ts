import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
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
    /** URL of dist/ served with the headers of dist/_headers (CSP and the rest). */
    headersUrl: string;
    /** URL of the site built with the extra guide of tests/fixtures/extra-guide/ (dist-fixture/). */
    fixtureUrl: string;
  }
}

/** The headers a `_headers` file gives every path (`/*`), as a static host would send them. */
function readHeadersFile(file: string): Record<string, string> {
  if (!existsSync(file)) throw new Error(`${file} is missing: \`npm run build\` writes it.`);
  const headers: Record<string, string> = {};
  let inAllPaths = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith(' ')) inAllPaths = line.trim() === '/*';
    else if (inAllPaths) {
      const [name = '', ...value] = line.trim().split(': ');
      headers[name] = value.join(': ');
    }
  }
  return headers;
}

/** Serves dist/, dist-subpath/ and dist-fixture/ for the browser tests; `npm test` builds them first. */
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
  const headersServer = await startStaticServer({
    root: distDir,
    headers: readHeadersFile(distDir + '_headers'),
  });
  const fixtureServer = await startStaticServer({ root: fixtureDir });
  project.provide('siteUrl', server.url);
  project.provide('subPathUrl', subPathServer.url);
  project.provide('headersUrl', headersServer.url);
  project.provide('fixtureUrl', fixtureServer.url);
  return async () => {
    await server.close();
    await subPathServer.close();
    await headersServer.close();
    await fixtureServer.close();
  };
}
