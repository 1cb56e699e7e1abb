/**
 * The maintainers' report of `npm run content:report` (scripts/content-report.ts): one block per
 * guide with its source, its last check and what it holds, and a warning for each guide that has
 * not been checked against the live screens recently, or ever. Pure: the script reads the files.
 */
import { checkState, editionAgeYears, parseEdition } from './source-age.ts';

/** What the report lists of one guide. */
export interface GuideReportInput {
  id: string;
  source: { file: string; edition: string | null; description: string };
  lastChecked: string | null;
  /** Steps in the guide's Japanese page: counted ones, and conditional ones (not counted in progress). */
  steps: { counted: number; conditional: number };
  waits: number;
  records: number;
  faqEntries: number;
}

/** The report's text and its warnings. */
export interface ContentReport {
  lines: string[];
  warnings: string[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Builds the report for the guides as of the ISO date `today`, warning past `maxMonths` since a check. */
export function buildContentReport(
  guides: readonly GuideReportInput[],
  today: string,
  maxMonths: number,
): ContentReport {
  const lines: string[] = [`Content report, ${today} (a check is due after ${plural(maxMonths, 'month')})`];
  const warnings: string[] = [];
  for (const guide of guides) {
    const edition = parseEdition(guide.source.edition);
    const age = edition ? ` (${plural(editionAgeYears(edition, today), 'year')} old)` : '';
    const check = checkState(guide.lastChecked, today, maxMonths);
    const checked =
      check.state === 'never'
        ? 'never checked against the live screens'
        : `${guide.lastChecked} (${plural(check.months, 'month')} ago)`;
    lines.push(
      '',
      guide.id,
      `  source:       ${guide.source.description} — ${guide.source.file}`,
      `  edition:      ${guide.source.edition ?? 'undated'}${age}`,
      `  last checked: ${checked}`,
      `  steps:        ${guide.steps.counted} counted, ${guide.steps.conditional} conditional`,
      `  waits:        ${guide.waits}`,
      `  records:      ${guide.records}`,
      `  FAQ entries:  ${guide.faqEntries}`,
    );
    if (check.state === 'never')
      warnings.push(
        `${guide.id}: never checked against the live screens (set lastChecked in its registry file)`,
      );
    else if (check.state === 'overdue')
      warnings.push(
        `${guide.id}: last checked ${guide.lastChecked}, ${plural(check.months, 'month')} ago (more than ${maxMonths})`,
      );
  }
  return { lines, warnings };
}
