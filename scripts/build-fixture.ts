/**
 * Builds the site with one extra guide that exists only as test content
 * (tests/fixtures/extra-guide/), into dist-fixture/, for tests/e2e/extra-guide.test.ts. It proves
 * that a guide is added with content and data files alone: the project is copied into a temporary
 * folder, the fixture's files are added to the copy's src/content/ at the same paths (its waits are
 * appended to waits.json), and the copy is built as `npm run build` builds the site (at the root,
 * with the security headers). No file of this project is changed but dist-fixture/.
 *
 * The same build carries an organisation's settings (the fixture's site.config.json, put at the
 * copy's root; SITE_* variables of the environment are ignored), for tests/e2e/site-settings.test.ts:
 * one build serves both tests.
 *
 *   npm run build:fixture
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildCopy, copyProject, projectDir, removeProjectCopy } from './support/project-copy.ts';

const fixtureDir = path.join(projectDir, 'tests/fixtures/extra-guide');
const outDir = path.join(projectDir, 'dist-fixture');
/** The organisation's settings of the fixture build (see README "Your organisation's settings"). */
const SETTINGS = 'site.config.json';
/** Files of the fixture that are not content: its README, the invented source document, the settings. */
const NOT_CONTENT = new Set(['README.md', 'seeds', SETTINGS]);
const WAITS = 'waits.json';

/** Paths of the fixture's content files, relative to the fixture folder. */
function fixtureFiles(): string[] {
  return fs
    .readdirSync(fixtureDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(fixtureDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !NOT_CONTENT.has(file.split(path.sep)[0] ?? ''));
}

/** Adds the fixture's files to the copy's src/content/; a file of the site is never replaced. */
function overlayFixture(dest: string): void {
  const content = path.join(dest, 'src/content');
  for (const file of fixtureFiles()) {
    const source = path.join(fixtureDir, file);
    const target = path.join(content, file);
    if (file === WAITS) {
      const waits = JSON.parse(fs.readFileSync(target, 'utf8')) as unknown[];
      const extra = JSON.parse(fs.readFileSync(source, 'utf8')) as unknown[];
      fs.writeFileSync(target, JSON.stringify([...waits, ...extra], null, 2));
    } else if (fs.existsSync(target)) {
      throw new Error(`The fixture's ${file} would replace src/content/${file}: rename it.`);
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(source, target);
    }
  }
}

/** Moves the built site out of the copy (a rename where both are on one file system). */
function moveOutput(from: string): void {
  fs.rmSync(outDir, { recursive: true, force: true });
  try {
    fs.renameSync(from, outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, outDir, { recursive: true });
  }
}

const started = performance.now();
const dest = copyProject('build-fixture-');
try {
  overlayFixture(dest);
  fs.copyFileSync(path.join(fixtureDir, SETTINGS), path.join(dest, SETTINGS));
  // The fixture's settings file alone: variables of the environment would override it.
  buildCopy(dest, [], { SITE_ORGANISATION: '', SITE_CONTACT: '', SITE_DISTRIBUTOR: '' });
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.BASE_PATH; // built at the site root, like dist/
  const headers = spawnSync(process.execPath, ['scripts/security-headers.mjs', 'dist'], {
    cwd: dest,
    env,
    encoding: 'utf8',
  });
  if (headers.status !== 0) throw new Error(`security-headers failed:\n${headers.stdout}${headers.stderr}`);
  moveOutput(path.join(dest, 'dist'));
} finally {
  removeProjectCopy(dest);
}
console.log(
  `Built the site with the extra guide and the settings of tests/fixtures/extra-guide/ into dist-fixture/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
