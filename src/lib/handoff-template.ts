/**
 * The message to the distributor as content gives it (src/content/handoff/<guide id>.json), read at
 * build time: the hand-off page carries the lines of its language to its script
 * (src/lib/handoff.ts composes them), so that the script holds neither language's text.
 */
import type { Lang } from './guides';

/**
 * The message of a guide that reports upstream (src/content/handoff/): the steps whose completion it
 * reports, and its lines in each language.
 */
interface HandoffTemplate {
  guide: string;
  reports: string[];
  ja: string[];
  en: string[];
}

const templates = Object.values(
  import.meta.glob<HandoffTemplate>('../content/handoff/*.json', { eager: true, import: 'default' }),
);
if (templates.length > 1) {
  throw new Error(
    `Only one guide can carry the message to the distributor: ${templates.map((t) => t.guide).join(', ')} each have a file in src/content/handoff/.`,
  );
}
/** The guide that reports upstream and its message lines. */
const TEMPLATE = templates[0];

/** The steps whose completion the message reports, in the order the content gives them. */
export const REPORTED_STEPS: readonly string[] = TEMPLATE?.reports ?? [];

/** The guide that reports upstream, if any. */
export const HANDOFF_GUIDE: string | undefined = TEMPLATE?.guide;

/** The message's lines in a language, with `{…}` placeholders; undefined when no guide reports upstream. */
export function messageLines(lang: Lang): readonly string[] | undefined {
  return TEMPLATE?.[lang];
}

/**
 * The message's lines in a language with `opening`, lines addressed to the distributor that the
 * site's settings name, in place of the first line (the neutral greeting). Computed at build time;
 * the hand-off page passes the result to composeHandoff.
 */
export function addressedLines(
  opening: readonly string[],
  lang: Lang,
  lines: readonly string[] | undefined = messageLines(lang),
): string[] | undefined {
  return lines && [...opening, ...lines.slice(1)];
}
