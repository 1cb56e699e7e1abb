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
  /**
   * Set on a conditional step: the case in which it is done, in the page's language (「方法1が
   * うまく動作しない場合」). Conditional steps are not counted in progress and are never the next step.
   */
  when?: string;
}

/** Step ids: lower-case words joined by hyphens, starting with the guide's prefix. */
export const STEP_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const STEP_TAG = /<Step\s+([^>]*?)\/?>/g;
const ATTRIBUTE = /(\w+)="([^"]*)"/g;
const STEP_ATTRIBUTES = new Set(['id', 'title', 'when']);

/** Lists the steps declared in an MDX source, in document order. Throws on a malformed tag. */
export function extractSteps(mdxSource: string): StepInfo[] {
  const steps: StepInfo[] = [];
  for (const tag of mdxSource.matchAll(STEP_TAG)) {
    const attributes = new Map<string, string>();
    for (const [, name = '', value = ''] of (tag[1] ?? '').matchAll(ATTRIBUTE)) attributes.set(name, value);
    const unknown = [...attributes.keys()].find((name) => !STEP_ATTRIBUTES.has(name));
    if (unknown) throw new Error(`A <Step> has no attribute "${unknown}": ${tag[0]}`);
    const id = attributes.get('id');
    const title = attributes.get('title');
    const when = attributes.get('when');
    if (!id || !title) throw new Error(`A <Step> needs both id and title: ${tag[0]}`);
    if (!STEP_ID_PATTERN.test(id)) throw new Error(`Step id "${id}" is not lower-case-with-hyphens`);
    if (when !== undefined && !when.trim()) throw new Error(`Step "${id}" has an empty condition (when)`);
    steps.push(when === undefined ? { id, title } : { id, title, when });
  }
  const seen = new Set<string>();
  for (const { id } of steps) {
    if (seen.has(id)) throw new Error(`Step id "${id}" is used twice`);
    seen.add(id);
  }
  return steps;
}

/** One phase of a procedure: a `##` section of the guide and the steps declared in it. */
export interface PhaseInfo {
  /** The heading as plain text (inline Markdown such as `code`, **emphasis** and links removed). */
  title: string;
  /** Ids of the section's steps, in document order; empty for a section without steps. */
  stepIds: string[];
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LEVEL_2_HEADING = /^ {0,3}##(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** The text a Markdown heading shows: inline code, emphasis, links and HTML tags reduced to their text. */
export function headingText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Lists the `##` sections of an MDX source in order, each with the ids of the steps it declares
 * (sections without steps included, with none). Headings inside fenced code are not sections.
 * Throws when a step comes before the first `##` heading, or on any error of {@link extractSteps}.
 */
export function extractPhases(mdxSource: string): PhaseInfo[] {
  extractSteps(mdxSource);
  const preamble: string[] = [];
  const sections: { title: string; lines: string[] }[] = [];
  let fence: string | undefined;
  for (const line of mdxSource.replace(FRONTMATTER, '').split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    const heading = fence || marker ? null : LEVEL_2_HEADING.exec(line);
    if (fence) {
      if (marker?.startsWith(fence)) fence = undefined;
    } else if (marker) {
      fence = marker;
    }
    if (heading) sections.push({ title: headingText(heading[1] ?? ''), lines: [] });
    else (sections.at(-1)?.lines ?? preamble).push(line);
  }
  const early = extractSteps(preamble.join('\n'))[0];
  if (early) throw new Error(`Step "${early.id}" comes before the first ## heading`);
  return sections.map(({ title, lines }) => ({
    title,
    stepIds: extractSteps(lines.join('\n')).map((step) => step.id),
  }));
}
