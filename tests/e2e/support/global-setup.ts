import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './server';

const distDir = fileURLToPath(new URL('../../../dist/', import.meta.url));
const subPathDir = fileURLToPath(new URL('../../../dist-subpath/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the built site (dist/) served at the root, ending with a slash. */
    siteUrl: string;
    /** URL of the same site built for and served under the sub-path /partner-guides/. */
    subPathUrl: string;
  }
}

/** Serves dist/ and dist-subpath/ for the browser tests; `npm test` builds both first. */
export default async function setup(project: TestProject) {
  if (!existsSync(distDir + 'index.html')) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you).');
  }
  if (!existsSync(subPathDir + 'index.html')) {
    throw new Error(
      'dist-subpath/ is missing: run `npm run build:subpath` first (npm test does it for you).',
    );
  }
  const server = await startStaticServer({ root: distDir });
  const subPathServer = await startStaticServer({ root: subPathDir, basePath: '/partner-guides/' });
  project.provide('siteUrl', server.url);
  project.provide('subPathUrl', subPathServer.url);
  return async () => {
    await server.close();
    await subPathServer.close();
  };
}
