/**
 * A temporary copy of the project that can be built without touching this one: the project's files
 * are copied, node_modules is hard-linked (Astro cannot build through a symlinked node_modules, and a
 * real copy is half a gigabyte). Used by scripts/build-scale.ts and scripts/build-fixture.ts.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const projectDir = fileURLToPath(new URL('../..', import.meta.url));

/** Build output, caches and history: nothing the build of the copy reads. */
const NOT_COPIED = new Set([
  'node_modules',
  'dist',
  'dist-subpath',
  'dist-fixture',
  '.astro',
  '.git',
  'test-results',
]);
/** Caches that tools rewrite in place: a hard link would let the copy's build write into ours. */
const CACHES_IN_NODE_MODULES = new Set(['.astro', '.vite', '.cache']);

/** Hard links every file of `from` into `to`, leaving out the top-level entries named in `skip`. */
function hardLinkTree(from: string, to: string, skip: ReadonlySet<string> = new Set()): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) hardLinkTree(source, target);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else fs.linkSync(source, target);
  }
}

/**
 * Copies the project into a new temporary folder (whose name starts with `prefix`) and returns
 * the folder. Remove it with `removeProjectCopy` when done.
 */
export function copyProject(prefix: string): string {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(projectDir, dest, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(path.relative(projectDir, source).split(path.sep)[0] ?? ''),
  });
  hardLinkTree(
    path.join(projectDir, 'node_modules'),
    path.join(dest, 'node_modules'),
    CACHES_IN_NODE_MODULES,
  );
  return dest;
}

export function removeProjectCopy(dest: string): void {
  fs.rmSync(dest, { recursive: true, force: true });
}

/** A guide registry file (src/content/guides/<id>.json), as far as the scripts read it. */
export interface RegistryFile {
  id: string;
  order: number;
  stepPrefix: string;
  vendor: { ja: string; en: string };
  records: { id: string; step: string; sameDomainAs?: string; [key: string]: unknown }[];
  recordTexts: { ja: Record<string, unknown>; en: Record<string, unknown> };
  [key: string]: unknown;
}

/** The guide registry of a project folder, in the guides' order. */
export function readRegistry(dir: string): RegistryFile[] {
  const guides = path.join(dir, 'src/content/guides');
  return fs
    .readdirSync(guides)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(fs.readFileSync(path.join(guides, file), 'utf8')) as RegistryFile)
    .sort((a, b) => a.order - b.order);
}

/**
 * Runs `astro build` (with any extra arguments) in a copy, at the site root unless `env` gives a
 * BASE_PATH, and returns what it printed. Throws with the output when the build fails.
 */
export function buildCopy(
  dest: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  const buildEnv: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete buildEnv.BASE_PATH;
  const build = spawnSync(
    process.execPath,
    [path.join(dest, 'node_modules/astro/bin/astro.mjs'), 'build', ...args],
    { cwd: dest, env: { ...buildEnv, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (build.status !== 0) throw new Error(`astro build failed in ${dest}:\n${build.stdout}${build.stderr}`);
  return build;
}
