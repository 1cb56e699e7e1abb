/**
 * How the build grows with content. For each copy count, copies the project into a temporary folder,
 * adds that many copies of every guide in both languages (each with a registry file of its own: new
 * slug, step prefix and step ids, so the step index grows with them), builds the copy and prints the pages built, the seconds, the seconds per page and
 * how many times the build parsed a guide page. Nothing in this project is written.
 *
 *   node scripts/build-scale.ts          the site as it is, and with 30 copies
 *   node scripts/build-scale.ts 0 10 30  any copy counts
 *
 * The time is `astro build` alone, from a cold cache (the security headers step is left out).
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractSteps } from '../src/lib/steps.ts';
import {
  buildCopy,
  copyProject,
  readRegistry,
  removeProjectCopy,
  type RegistryFile,
} from './support/project-copy.ts';

const LANG_FOLDERS = ['', 'en/'];
const PARSE_LINE = 'build-scale parses ';

/** A guide page with its step ids moved from one prefix to another, in `<Step>` tags and in-page links. */
function renameSteps(source: string, from: string, to: string): string {
  return extractSteps(source).reduce((page, { id }) => {
    const renamed = to + id.slice(from.length);
    return page.replaceAll(`id="${id}"`, `id="${renamed}"`).replaceAll(`(#${id})`, `(#${renamed})`);
  }, source);
}

/** A registry entry for copy `n` of a guide: its own id, order, step prefix and record fields. */
function copyEntry(guide: RegistryFile, slug: string, prefix: string, n: number): RegistryFile {
  const rename = (id: string) => prefix + id.slice(guide.stepPrefix.length);
  const renameKeys = (texts: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(texts).map(([id, text]) => [rename(id), text]));
  return {
    ...guide,
    id: slug,
    order: guide.order + 1000 * n,
    stepPrefix: prefix,
    vendor: { ja: `${guide.vendor.ja}（コピー ${n}）`, en: `${guide.vendor.en} (copy ${n})` },
    records: guide.records.map((field) => ({
      ...field,
      id: rename(field.id),
      step: rename(field.step),
      ...(field.sameDomainAs ? { sameDomainAs: rename(field.sameDomainAs) } : {}),
    })),
    recordTexts: { ja: renameKeys(guide.recordTexts.ja), en: renameKeys(guide.recordTexts.en) },
  };
}

/**
 * Writes `copies` copies of every guide in both languages, each with a registry file of its own
 * (new id and step prefix, its step ids renamed to that prefix); returns how many guides there are.
 */
function addGuideCopies(dest: string, copies: number): number {
  const registry = readRegistry(dest);
  for (let n = 1; n <= copies; n++) {
    for (const guide of registry) {
      const slug = `${guide.id}-copy-${n}`;
      const prefix = `${guide.stepPrefix.slice(0, -1)}c${n}-`;
      for (const folder of LANG_FOLDERS) {
        const docs = path.join(dest, 'src/content/docs', folder);
        const page = fs.readFileSync(path.join(docs, `${guide.id}.mdx`), 'utf8');
        fs.writeFileSync(path.join(docs, `${slug}.mdx`), renameSteps(page, guide.stepPrefix, prefix));
      }
      fs.writeFileSync(
        path.join(dest, 'src/content/guides', `${slug}.json`),
        JSON.stringify(copyEntry(guide, slug, prefix, n), null, 2),
      );
    }
  }
  return registry.length * (copies + 1);
}

/** Replaces `from` in a file of the copy, and fails loudly when the project no longer has it. */
function patchFile(dest: string, file: string, from: RegExp, to: string): void {
  const target = path.join(dest, file);
  const text = fs.readFileSync(target, 'utf8');
  if (text.search(from) === -1)
    throw new Error(`${file} no longer matches ${from}: update scripts/build-scale.ts`);
  fs.writeFileSync(target, text.replace(from, to));
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
  const dest = copyProject('build-scale-');
  try {
    const guides = addGuideCopies(dest, copies);
    countParses(dest);
    const started = performance.now();
    const cpuBefore = childCpuSeconds();
    let build;
    try {
      build = buildCopy(dest); // the copy is measured at the site root
    } catch (error) {
      throw new Error(`The build with ${copies} copies failed`, { cause: error });
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = childCpuSeconds();
    const parses = build.stdout
      .split('\n')
      .filter((line) => line.startsWith(PARSE_LINE))
      .map((line) => JSON.parse(line.slice(PARSE_LINE.length)) as { steps: number; phases: number });
    return {
      copies,
      guidePages: guides * LANG_FOLDERS.length,
      pages: countHtmlFiles(path.join(dest, 'dist')),
      seconds,
      cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      steps: parses.reduce((sum, count) => sum + count.steps, 0),
      phases: parses.reduce((sum, count) => sum + count.phases, 0),
    };
  } finally {
    removeProjectCopy(dest);
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
