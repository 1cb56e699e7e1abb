/**
 * What registrations take in the browser's storage: the stored documents of n registrations, each
 * with every step of every guide ticked and every record noted, built from the guide registry
 * (src/content/guides/*.json: guide ids and record fields) and the guides' steps
 * (src/content/docs/<guide>.mdx), never from a list of ids. Used by scripts/bench.ts, which prints
 * the figures, and by tests/unit/storage-size.test.ts, which checks that these are the very texts
 * the stores write (src/lib/progress-data.ts, src/lib/registrations.ts, src/lib/transfer.ts) and
 * that 50 registrations stay well inside the browser's limits.
 *
 * Plain Node runs it (no Vite): it reads the content files itself and writes the documents' shape
 * itself, the test holding it to the code's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { RecordKind } from '../../src/lib/record-kinds.ts';
import { extractSteps } from '../../src/lib/steps.ts';

/** What the documents need of a guide: its id, its step ids and its record fields. */
export interface GuideContent {
  id: string;
  steps: string[];
  records: { id: string; kind: RecordKind; choices?: string[] }[];
}

/** The project's content folder. */
const CONTENT = new URL('../../src/content/', import.meta.url);

/** Every guide of the registry with its steps, in the registry's order. */
export function readGuideContent(content: URL = CONTENT): GuideContent[] {
  return readdirSync(new URL('guides/', content))
    .filter((file) => file.endsWith('.json'))
    .map(
      (file) =>
        JSON.parse(readFileSync(new URL(`guides/${file}`, content), 'utf8')) as GuideContent & {
          order: number;
        },
    )
    .sort((a, b) => a.order - b.order)
    .map(({ id, records }) => ({
      id,
      steps: extractSteps(readFileSync(new URL(`docs/${id}.mdx`, content), 'utf8')).map((step) => step.id),
      records: records.map(({ id: field, kind, choices }) => ({
        id: field,
        kind,
        ...(choices ? { choices } : {}),
      })),
    }));
}

/**
 * A value of each kind as long as real ones run (a company's address, a Japanese department and
 * name), accepted by the field's checks; a choice takes its longest option.
 */
const SAMPLE_VALUES: Record<Exclude<RecordKind, 'choice'>, string> = {
  email: 'partner-registration@sample-corporation.co.jp',
  domain: 'samplecorporationjapan.onmicrosoft.com',
  'sign-in-name': 'administrator@samplecorporationjapan.onmicrosoft.com',
  'partner-id': '6123456',
  date: '2026-05-01',
  text: '株式会社サンプルコーポレーション 情報システム部 山田　太郎',
};

/** The value a record field of the documents holds. */
export function sampleValue(field: GuideContent['records'][number]): string {
  if (field.kind !== 'choice') return SAMPLE_VALUES[field.kind];
  return [...(field.choices ?? [''])].sort((a, b) => b.length - a.length)[0]!;
}

/** A copy of a value with the keys of its objects sorted, as the stores write them. */
function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, sortKeys(object[key])]),
  );
}

/** The time of the n-th entry of the documents, a second apart from a fixed start. */
const timeOf = (n: number) => new Date(Date.UTC(2026, 4, 1, 1, 0, 0) + n * 1000).toISOString();

/** The ticks and records of one fully done registration. */
function fullProgress(guides: GuideContent[]) {
  let n = 0;
  return {
    guides: Object.fromEntries(
      guides.map((guide) => [
        guide.id,
        Object.fromEntries(guide.steps.map((step) => [step, { tickedAt: timeOf(n++) }])),
      ]),
    ),
    records: Object.fromEntries(
      guides
        .flatMap((guide) => guide.records)
        .map((field) => [field.id, { value: sampleValue(field), updatedAt: timeOf(n++) }]),
    ),
  };
}

/** The id of the n-th registration: `1`, then 8 characters of base 36 as new ones get. */
export const registrationIdOf = (n: number): string =>
  n === 0 ? '1' : ((n * 2_654_435_761) % 36 ** 8).toString(36).padStart(8, '0');

/** The name of the n-th registration, as long as a real company's with its branch. */
export const registrationNameOf = (n: number): string => `株式会社サンプルコーポレーション 第${n + 1}営業所`;

/**
 * What localStorage holds for `count` registrations, each fully done: the index, each one's
 * progress, and the last one used, by key.
 */
export function storedRegistrations(guides: GuideContent[], count: number): Map<string, string> {
  const items = new Map<string, string>();
  const registrations: Record<string, unknown> = {};
  const progress = JSON.stringify(sortKeys({ version: 3, ...fullProgress(guides) }));
  for (let n = 0; n < count; n++) {
    const at = timeOf(n);
    registrations[registrationIdOf(n)] = { name: registrationNameOf(n), createdAt: at, changedAt: at };
    items.set(`partner-guides:progress:${registrationIdOf(n)}`, progress);
  }
  items.set(
    'partner-guides:registrations',
    JSON.stringify(sortKeys({ version: 1, registrations, removed: {} })),
  );
  items.set('partner-guides:last-registration', registrationIdOf(count - 1));
  return items;
}

/**
 * One registration's stored progress (as storedRegistrations writes it) without the ticks of
 * `guide`: a registration still working through that guide, its records and other guides done.
 */
export function withGuideUnticked(progress: string, guide: string): string {
  const { guides, ...rest } = JSON.parse(progress) as { guides: Record<string, unknown> };
  return JSON.stringify(
    sortKeys({ ...rest, guides: Object.fromEntries(Object.entries(guides).filter(([id]) => id !== guide)) }),
  );
}

/** The export file of `count` fully done registrations, as the hand-off page saves it. */
export function exportedRegistrations(guides: GuideContent[], count: number, exportedAt: string): string {
  const { guides: ticks, records } = fullProgress(guides);
  const registrations = Array.from({ length: count }, (_, n) => ({
    name: registrationNameOf(n),
    guides: ticks,
    records,
  }));
  const file = { format: 'partner-guides-progress', version: 3, exportedAt, registrations };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The size of stored items: keys and values in UTF-16 code units, which is what browsers count
 * against their limit (5 MiB for an origin in Chromium and Firefox, counted as 2 bytes a unit).
 */
export function storedBytes(items: Map<string, string>): number {
  let units = 0;
  for (const [key, value] of items) units += key.length + value.length;
  return units * 2;
}

/** The numbers of registrations the bench measures unless told others. */
export const REGISTRATION_COUNTS: readonly number[] = [1, 10, 50];

/** Prints the stored size and the export file size of 1, 10 and 50 fully done registrations. */
export function printStorageSize(counts: readonly number[] = REGISTRATION_COUNTS): void {
  const guides = readGuideContent();
  const steps = guides.reduce((sum, guide) => sum + guide.steps.length, 0);
  const fields = guides.reduce((sum, guide) => sum + guide.records.length, 0);
  console.log(
    `\nStored size of registrations, each with all ${steps} steps of the ${guides.length} guides ticked and all ${fields} records noted (UTF-16, as browsers count; the limit is 5 MiB an origin):`,
  );
  for (const count of counts) {
    const stored = storedBytes(storedRegistrations(guides, count));
    const file = Buffer.byteLength(exportedRegistrations(guides, count, timeOf(0)));
    console.log(
      `- ${count} registration${count === 1 ? '' : 's'}: ${stored.toLocaleString('en')} bytes stored (${((100 * stored) / (5 * 1024 * 1024)).toFixed(1)} % of 5 MiB); export file of all: ${file.toLocaleString('en')} bytes.`,
    );
  }
}
