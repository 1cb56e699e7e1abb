/**
 * The guide registry as code reads it: one JSON file per guide in src/content/guides/, the only
 * place that names a guide, its step-id prefix, its vendor and the values its steps record. The
 * content collection `guides` (src/content.config.ts) checks the same files at build time; this
 * module imports only the parts the browser needs, so that labels, hints and message texts stay
 * out of the pages' scripts.
 */
import type { RecordKind, SourceWarning } from './record-kinds';

/** A value one step of a guide asks the user to note (a domain, a Partner ID…). */
export interface RegistryRecordField {
  /** Stable identifier, the key of the value in stored progress. */
  id: string;
  /** Id of the step where the field is shown. */
  step: string;
  kind: RecordKind;
  /** Whether the guide's message to the distributor cannot do without it, or uses it when present. */
  handoff?: 'required' | 'optional';
  /** The accepted values of a `choice` field, as the source document spells them. */
  choices?: string[];
  /** For a sign-in name: the id of the domain field whose domain it should share (a warning if not). */
  sameDomainAs?: string;
  /** Checks the guide's source document states for this value; no other field gets them. */
  sourceWarnings?: SourceWarning[];
}

/** What the browser needs to know of a guide. */
export interface RegistryGuide {
  id: string;
  /** Position in lists of guides (ascending). */
  order: number;
  /** Every step id of the guide starts with it: a few letters and a hyphen. */
  stepPrefix: string;
  /** The vendor's name in each language. */
  vendor: { ja: string; en: string };
  records: RegistryRecordField[];
}

const ids = import.meta.glob<string>('../content/guides/*.json', { eager: true, import: 'id' });
const orders = import.meta.glob<number>('../content/guides/*.json', { eager: true, import: 'order' });
const prefixes = import.meta.glob<string>('../content/guides/*.json', { eager: true, import: 'stepPrefix' });
const vendors = import.meta.glob<RegistryGuide['vendor']>('../content/guides/*.json', {
  eager: true,
  import: 'vendor',
});
const records = import.meta.glob<RegistryRecordField[]>('../content/guides/*.json', {
  eager: true,
  import: 'records',
});

/** Every guide of the registry, in their order. */
export const REGISTRY: readonly RegistryGuide[] = Object.keys(ids)
  .map((file) => ({
    id: ids[file]!,
    order: orders[file]!,
    stepPrefix: prefixes[file]!,
    vendor: vendors[file]!,
    records: records[file] ?? [],
  }))
  .sort((a, b) => a.order - b.order);
