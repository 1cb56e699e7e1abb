/**
 * How the build grows with content. For each copy count, copies the project into a temporary folder,
 * adds that many copies of every guide in both languages (new slugs and step ids, so the step index
 * grows with them), builds the copy and prints the pages built, the seconds, the seconds per page and
 * how many times the build parsed a guide page. Nothing in this project is written.
 *
 *   node scripts/build-scale.ts          the site as it is, and with 30 copies
 *   node scripts/build-scale.ts 0 10 30  any copy counts
 *
 * The time is `astro build` alone, from a cold cache (the security headers step is left out).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GUIDE_IDS } from '../src/lib/guides.ts';
import { extractSteps } from '../src/lib/steps.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
/** Build output, caches and history: nothing the build of the copy reads. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'dist-subpath', '.astro', '.git', 'test-results']);
/** Caches that tools rewrite in place: a hard link would let the copy's build write into ours. */
const CACHES_IN_NODE_MODULES = new Set(['.astro', '.vite', '.cache']);
const LANG_FOLDERS = ['', 'en/'];
const PARSE_LINE = 'build-scale parses ';

/**
 * Hard links every file of `from` into `to`. Astro cannot build through a symlinked node_modules
 * (it compiles the same component under two paths), and a real copy is half a gigabyte.
 */
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

function copyProject(dest: string): void {
  fs.cpSync(projectDir, dest, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(path.relative(projectDir, source).split(path.sep)[0] ?? ''),
  });
  hardLinkTree(
    path.join(projectDir, 'node_modules'),
    path.join(dest, 'node_modules'),
    CACHES_IN_NODE_MODULES,
  );
}

/** A guide page with every step id suffixed, in its `<Step>` tags and in links to them on the page. */
function renameSteps(source: string, suffix: string): string {
  return extractSteps(source).reduce(
    (page, { id }) =>
      page.replaceAll(`id="${id}"`, `id="${id}${suffix}"`).replaceAll(`(#${id})`, `(#${id}${suffix})`),
    source,
  );
}

/** Writes `copies` copies of every guide in both languages; returns their slugs. */
function addGuideCopies(dest: string, copies: number): string[] {
  const slugs: string[] = [];
  for (let n = 1; n <= copies; n++) {
    for (const guide of GUIDE_IDS) {
      const slug = `${guide}-copy-${n}`;
      for (const folder of LANG_FOLDERS) {
        const docs = path.join(dest, 'src/content/docs', folder);
        const page = fs.readFileSync(path.join(docs, `${guide}.mdx`), 'utf8');
        fs.writeFileSync(path.join(docs, `${slug}.mdx`), renameSteps(page, `-c${n}`));
      }
      slugs.push(slug);
    }
  }
  return slugs;
}

/** Replaces `from` in a file of the copy, and fails loudly when the project no longer has it. */
function patchFile(dest: string, file: string, from: RegExp, to: string): void {
  const target = path.join(dest, file);
  const text = fs.readFileSync(target, 'utf8');
  if (text.search(from) === -1)
    throw new Error(`${file} no longer matches ${from}: update scripts/build-scale.ts`);
  fs.writeFileSync(target, text.replace(from, to));
}

/** The copies are guides only once the guide list names them. */
function listGuides(dest: string, slugs: string[]): void {
  const list = [...GUIDE_IDS, ...slugs].map((slug) => `'${slug}'`).join(', ');
  patchFile(
    dest,
    'src/lib/guides.ts',
    /export const GUIDE_IDS = \[[^\]]*\] as const;/,
    `export const GUIDE_IDS = [${list}] as const;`,
  );
}

/**
 * Counts the calls from outside src/lib/steps.ts of extractSteps and extractPhases (their calls to
 * each other are one parse), and prints the counts when the build process exits.
 */
function countParses(dest: string): void {
  patchFile(dest, 'src/lib/steps.ts', /\bextract(Steps|Phases)\(/g, 'extract$1Uncounted(');
  fs.appendFileSync(
    path.join(dest, 'src/lib/steps.ts'),
    `
const parses = { steps: 0, phases: 0 };
globalThis.process?.on('exit', () => console.log('${PARSE_LINE}' + JSON.stringify(parses)));
export function extractSteps(source: string): StepInfo[] {
  parses.steps++;
  return extractStepsUncounted(source);
}
export function extractPhases(source: string): PhaseInfo[] {
  parses.phases++;
  return extractPhasesUncounted(source);
}
`,
  );
}

/**
 * CPU seconds used so far by the finished child processes (Linux's /proc, at 100 ticks a second), or
 * undefined elsewhere. Wall time on a shared machine varies with its load; CPU time much less.
 */
function childCpuSeconds(): number | undefined {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function countHtmlFiles(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'))
    .length;
}

interface Measure {
  copies: number;
  guidePages: number;
  pages: number;
  seconds: number;
  cpuSeconds: number | undefined;
  steps: number;
  phases: number;
}

function measure(copies: number): Measure {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'build-scale-'));
  try {
    copyProject(dest);
    listGuides(dest, addGuideCopies(dest, copies));
    countParses(dest);
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    delete env.BASE_PATH; // the copy is measured at the site root
    const started = performance.now();
    const cpuBefore = childCpuSeconds();
    const build = spawnSync(
      process.execPath,
      [path.join(dest, 'node_modules/astro/bin/astro.mjs'), 'build'],
      {
        cwd: dest,
        env,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = childCpuSeconds();
    if (build.status !== 0)
      throw new Error(`astro build failed with ${copies} copies:\n${build.stdout}${build.stderr}`);
    const parses = build.stdout
      .split('\n')
      .filter((line) => line.startsWith(PARSE_LINE))
      .map((line) => JSON.parse(line.slice(PARSE_LINE.length)) as { steps: number; phases: number });
    return {
      copies,
      guidePages: GUIDE_IDS.length * (copies + 1) * LANG_FOLDERS.length,
      pages: countHtmlFiles(path.join(dest, 'dist')),
      seconds,
      cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      steps: parses.reduce((sum, count) => sum + count.steps, 0),
      phases: parses.reduce((sum, count) => sum + count.phases, 0),
    };
  } finally {
    fs.rmSync(dest, { recursive: true, force: true });
  }
}

const counts = process.argv.slice(2).map(Number);
if (counts.some((count) => !Number.isInteger(count) || count < 0)) {
  throw new Error('Give copy counts as whole numbers, e.g. node scripts/build-scale.ts 0 30');
}
console.log(
  '| copies | guide pages | pages built | seconds | seconds per page | CPU seconds | extractSteps calls | extractPhases calls |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const copies of counts.length > 0 ? counts : [0, 30]) {
  const row = measure(copies);
  console.log(
    `| ${row.copies} | ${row.guidePages} | ${row.pages} | ${row.seconds.toFixed(1)} | ${(row.seconds / row.pages).toFixed(3)} | ${row.cpuSeconds?.toFixed(1) ?? '–'} | ${row.steps} | ${row.phases} |`,
  );
}
