import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './server';

const distDir = fileURLToPath(new URL('../../../dist/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the built site (dist/) served at the root, ending with a slash. */
    siteUrl: string;
  }
}

/** Serves dist/ for the browser tests; `npm test` builds it first. */
export default async function setup(project: TestProject) {
  if (!existsSync(distDir + 'index.html')) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you).');
  }
  const server = await startStaticServer({ root: distDir });
  project.provide('siteUrl', server.url);
  return () => server.close();
}
