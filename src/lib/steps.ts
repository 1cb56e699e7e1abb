/**
 * Steps are written once, in the guide's MDX, as `<Step id="…" title="…">`. This module reads
 * them back from the source so that progress, the home page and tests use the very same list.
 */

/** One checklist step as declared in a guide. */
export interface StepInfo {
  /** Stable identifier, the same in every language; also the step's anchor on the page. */
  id: string;
  /** The step's title in the page's language. */
  title: string;
}

/** Step ids: lower-case words joined by hyphens, starting with the guide's prefix. */
export const STEP_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const STEP_TAG = /<Step\s+([^>]*?)\/?>/g;
const ATTRIBUTE = /(\w+)="([^"]*)"/g;

/** Lists the steps declared in an MDX source, in document order. Throws on a malformed tag. */
export function extractSteps(mdxSource: string): StepInfo[] {
  const steps: StepInfo[] = [];
  for (const tag of mdxSource.matchAll(STEP_TAG)) {
    const attributes = new Map<string, string>();
    for (const [, name = '', value = ''] of (tag[1] ?? '').matchAll(ATTRIBUTE)) attributes.set(name, value);
    const id = attributes.get('id');
    const title = attributes.get('title');
    if (!id || !title) throw new Error(`A <Step> needs both id and title: ${tag[0]}`);
    if (!STEP_ID_PATTERN.test(id)) throw new Error(`Step id "${id}" is not lower-case-with-hyphens`);
    steps.push({ id, title });
  }
  const seen = new Set<string>();
  for (const { id } of steps) {
    if (seen.has(id)) throw new Error(`Step id "${id}" is used twice`);
    seen.add(id);
  }
  return steps;
}
