/**
 * `npm run content:report`: for maintainers, each guide with its source document and edition, the
 * date it was last checked against the live screens and how long ago, and what it holds (steps,
 * waits, records, troubleshooting entries). Warns for a guide never checked, or checked more than
 * 12 months ago: change the months with `--max-months=6` or CONTENT_MAX_MONTHS=6. Exits with 0 even
 * with warnings (a report, not a gate); with 2 on a value it cannot read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { buildContentReport, type GuideReportInput } from '../src/lib/content-report.ts';
import { parseMaxMonths } from '../src/lib/source-age.ts';
import { extractSteps } from '../src/lib/steps.ts';

const content = new URL('../src/content/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, content), 'utf8');

interface RegistryFile {
  id: string;
  order: number;
  source: { file: string; edition: string | null; description: { en: string } };
  lastChecked: string | null;
  records: unknown[];
}

const registry = readdirSync(new URL('guides/', content))
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(read(`guides/${file}`)) as RegistryFile)
  .sort((a, b) => a.order - b.order);
const waits = JSON.parse(read('waits.json')) as { guide: string }[];
const faqVendors = readdirSync(new URL('faq/ja/', content))
  .filter((file) => file.endsWith('.md'))
  .map((file) => {
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(read(`faq/ja/${file}`))?.[1] ?? '';
    return (parse(frontmatter) as { vendors?: string[] } | null)?.vendors ?? [];
  });

const guides: GuideReportInput[] = registry.map((guide) => {
  const steps = extractSteps(read(`docs/${guide.id}.mdx`));
  const conditional = steps.filter((step) => step.when !== undefined).length;
  return {
    id: guide.id,
    source: {
      file: guide.source.file,
      edition: guide.source.edition,
      description: guide.source.description.en,
    },
    lastChecked: guide.lastChecked,
    steps: { counted: steps.length - conditional, conditional },
    waits: waits.filter((wait) => wait.guide === guide.id).length,
    records: guide.records.length,
    faqEntries: faqVendors.filter((vendors) => vendors.includes(guide.id)).length,
  };
});

const flag = process.argv.find((arg) => arg.startsWith('--max-months='))?.slice('--max-months='.length);
let maxMonths: number;
try {
  maxMonths = parseMaxMonths(flag ?? process.env.CONTENT_MAX_MONTHS);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const report = buildContentReport(guides, new Date().toISOString().slice(0, 10), maxMonths);
console.log(report.lines.join('\n'));
if (report.warnings.length > 0)
  console.log(`\n${report.warnings.map((warning) => `WARNING ${warning}`).join('\n')}`);
