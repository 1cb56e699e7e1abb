import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import uiStrings from './content/i18n/en.json';
import { REGISTRY } from './lib/guide-registry';
import { RECORD_KINDS, REGISTRATION_NAME_PLACEHOLDER, SOURCE_WARNINGS } from './lib/record-kinds';

type SiteStringKey = keyof typeof uiStrings;

/** Our own interface strings, beside Starlight's: every key of en.json, optional per language. */
const siteStrings = z.object(
  Object.fromEntries(Object.keys(uiStrings).map((key) => [key, z.string().optional()])) as Record<
    SiteStringKey,
    z.ZodOptional<z.ZodString>
  >,
);

/**
 * Troubleshooting entries: one Markdown file per entry and language, `faq/ja/<id>.md` and
 * `faq/en/<id>.md`, with the same id in both. The body is the fix.
 */
const guideIds = REGISTRY.map((guide) => guide.id);
const [firstGuide, ...otherGuides] = guideIds;
if (firstGuide === undefined)
  throw new Error('src/content/guides/ holds no guide: add one JSON file per guide.');
/** A guide id of the registry (src/content/guides/). */
const guideId = z.enum([firstGuide, ...otherGuides], {
  error: (issue) =>
    `unknown guide ${JSON.stringify(issue.input)}: use one of ${guideIds.join(', ')} (src/content/guides/)`,
});
const vendor = guideId;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A step id: a guide's prefix (src/content/guides/<guide>.json, `stepPrefix`), then lower-case words. */
const stepId = z
  .string()
  .regex(new RegExp(`^(${REGISTRY.map((guide) => escape(guide.stepPrefix)).join('|')})[a-z0-9-]+$`), {
    error: (issue) =>
      `step id ${JSON.stringify(issue.input)} must start with a guide's step prefix (${REGISTRY.map((guide) => guide.stepPrefix).join(', ')}) followed by lower-case letters, digits and hyphens`,
  });

const faqSchema = z.object({
  /** The entry's heading: the problem as the user would describe it. */
  title: z.string().min(1),
  /** Vendors the entry concerns; the first one groups it on the page. */
  vendors: z.tuple([vendor], vendor),
  /** What the user sees, in words. */
  symptom: z.string().min(1),
  /** The exact on-screen or mail text, where there is one, as the portal shows it. */
  message: z.string().min(1).optional(),
  /** On an English entry whose message is Japanese: the message's English gloss, shown after it. */
  messageGloss: z.string().min(1).optional(),
  /** Why it happens, as far as the source documents say. */
  cause: z.string().min(1),
  /** Ids of the guide steps where this can happen (they link here, and this links back). */
  steps: z.array(stepId).default([]),
  /** Addresses and domains to allow or type, shown with a copy button. */
  copy: z.array(z.string().min(1)).default([]),
  /** Position within its vendor's group (ascending). */
  order: z.number().int().default(100),
  /**
   * Words people use for this problem when they search, beyond the entry's own text: their own
   * phrasings and synonyms, the on-screen text in both languages, common variants (DUNS / D-U-N-S,
   * 二段階認証 / 2段階認証 / MFA). Used by the site search and the page's filter.
   */
  searchTerms: z.array(z.string().min(1).max(80)).max(40).default([]),
});

const waitText = z.object({
  /** What is awaited, as a short noun phrase (the home page's list). */
  what: z.string().min(1),
  /** Label before the dates or the deadline, e.g. 「審査完了の目安」. */
  label: z.string().min(1),
  /** What the wait concerns, in a few words: shown in brackets after its length on the guide's timeline. */
  subject: z.string().min(1),
  /** What to do once the window has passed or the deadline has expired. */
  late: z.string().min(1),
});

/**
 * Waiting periods and deadlines of the procedures (src/content/waits.json), with durations taken
 * from the seeds only; `source` quotes the sentence each one comes from (checked by a unit test).
 */
const waitSchema = z.object({
  guide: guideId,
  /** business-days: an expected window; deadline: a code or link expires; recheck: look again after. */
  kind: z.enum(['business-days', 'deadline', 'recheck']),
  /** The step whose tick time starts the wait. */
  startStep: stepId,
  /** The step that shows the wait and is done when the wait is over. */
  waitingStep: stepId,
  /** Ticking any of these ends the wait. */
  doneWhen: z.array(stepId).min(1),
  duration: z.union([
    z.object({ businessDays: z.object({ min: z.number().int().min(0), max: z.number().int().min(1) }) }),
    z.object({ hours: z.number().positive() }),
    z.object({ minutes: z.number().positive() }),
  ]),
  source: z.object({ seed: z.string().min(1), quote: z.string().min(1) }),
  /** Troubleshooting entry for when the wait runs late. */
  faq: z.string().min(1),
  /** A step of the same guide to go to when the wait runs late. */
  nextStep: stepId.optional(),
  /** Seed documents to read when the wait runs late. */
  links: z.array(z.object({ href: z.url(), ja: z.string().min(1), en: z.string().min(1) })).default([]),
  ja: waitText,
  en: waitText,
});

const localized = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const recordText = z.object({
  label: z.string().min(1),
  hint: z.string().min(1),
  /**
   * When in the procedure the value can be entered (「MPA に同意した後に入力します。」), as the list of
   * values the hand-off message still needs says it; required for the fields that message needs.
   */
  availableWhen: z.string().min(1).optional(),
});

/**
 * The guide registry: one file per guide, src/content/guides/<guide id>.json. Everything else that
 * depends on the list of guides (schemas, sidebar, troubleshooting vendors, record fields, the
 * hand-off message, the home page) is derived from it. See README "Adding a guide".
 */
const guideSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** Position in lists of guides (ascending). */
    order: z.number().int(),
    /** Every step id of the guide starts with it: a few letters and a hyphen. */
    stepPrefix: z.string().regex(/^[a-z][a-z0-9]*-$/),
    vendor: localized,
    /** The source document the guide follows (in shared/seeds/) and its edition, if it has one. */
    source: z.object({
      file: z.string().min(1),
      edition: z.string().min(1).nullable(),
      description: localized,
      /** What else a reader should know of the document (who published it, what it lacks). */
      note: localized.optional(),
    }),
    /** When the guide was last checked against the live screens (YYYY-MM-DD), or null if never. */
    lastChecked: z.iso.date().nullable(),
    /** Values the guide's steps ask the user to note. */
    records: z.array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        step: z.string().min(1),
        kind: z.enum(RECORD_KINDS),
        handoff: z.enum(['required', 'optional']).optional(),
        choices: z.array(z.string().min(1)).min(1).optional(),
        /** For a sign-in name: the domain field of the same guide whose domain it should share. */
        sameDomainAs: z.string().optional(),
        /** Checks the guide's source document states for this very value (see SOURCE_WARNINGS). */
        sourceWarnings: z.array(z.enum(SOURCE_WARNINGS)).min(1).optional(),
      }),
    ),
    /** Label and hint of each record field, by language and field id. */
    recordTexts: z.object({ ja: z.record(z.string(), recordText), en: z.record(z.string(), recordText) }),
    /** Labels of choice values that differ from the value itself, by language. */
    choiceLabels: z.object({ ja: z.record(z.string(), z.string()).optional() }).optional(),
  })
  .superRefine((guide, context) => {
    const problem = (message: string) => context.addIssue({ code: 'custom', message });
    for (const field of guide.records) {
      const where = `record field ${JSON.stringify(field.id)}`;
      if (!field.id.startsWith(guide.stepPrefix))
        problem(`${where}: its id must start with ${guide.stepPrefix}`);
      if (!field.step.startsWith(guide.stepPrefix))
        problem(
          `${where}: its step ${JSON.stringify(field.step)} must be a step of this guide (${guide.stepPrefix}…)`,
        );
      for (const lang of ['ja', 'en'] as const) {
        const text = guide.recordTexts[lang][field.id];
        if (!text) problem(`${where}: add its label and hint under recordTexts.${lang}`);
        else if (field.handoff === 'required' && !text.availableWhen)
          problem(
            `${where}: the hand-off message needs it, so say when it can be entered under recordTexts.${lang}.${field.id}.availableWhen`,
          );
      }
      if (
        field.sameDomainAs &&
        !guide.records.some((other) => other.id === field.sameDomainAs && other.kind === 'domain')
      )
        problem(`${where}: sameDomainAs must name a field of kind "domain" of this guide`);
      if (field.sourceWarnings && field.kind !== 'email' && field.kind !== 'sign-in-name')
        problem(`${where}: only an address (kind "email" or "sign-in-name") declares sourceWarnings`);
      if ((field.kind === 'choice') !== (field.choices !== undefined))
        problem(`${where}: a field of kind "choice" lists its choices, and only such a field does`);
    }
  });

/**
 * The message to the upstream distributor (src/content/handoff/<guide id>.json), line by line in each
 * language; `{<record field id>}` is replaced by the recorded value, `{registration.name}` by the
 * name of the registration (company), and a line naming an optional field left empty or the name of
 * an unnamed registration is left out. `reports` lists the steps of the guide whose completion the message
 * reports: it is offered only once they are all ticked. Only the guide that reports upstream has one.
 */
const handoffSchema = z
  .object({
    guide: guideId,
    reports: z.array(z.string().min(1)).min(1),
    ja: z.array(z.string()),
    en: z.array(z.string()),
  })
  .superRefine((message, context) => {
    const guide = REGISTRY.find((entry) => entry.id === message.guide);
    for (const step of message.reports)
      if (guide && !step.startsWith(guide.stepPrefix))
        context.addIssue({
          code: 'custom',
          message: `reports: ${JSON.stringify(step)} must be a step of the ${message.guide} guide (${guide.stepPrefix}…)`,
        });
    const fields = guide?.records ?? [];
    for (const lang of ['ja', 'en'] as const)
      for (const line of message[lang])
        for (const [, name] of line.matchAll(/\{([^}]+)\}/g))
          if (
            name !== REGISTRATION_NAME_PLACEHOLDER &&
            !fields.some((field) => field.id === name && field.handoff)
          )
            context.addIssue({
              code: 'custom',
              message: `${lang}: {${name}} is neither {${REGISTRATION_NAME_PLACEHOLDER}} nor a record field of the ${message.guide} guide marked "handoff" in src/content/guides/${message.guide}.json`,
            });
  });

export const collections = {
  handoff: defineCollection({
    loader: glob({ pattern: '*.json', base: './src/content/handoff' }),
    schema: handoffSchema,
  }),
  guides: defineCollection({
    loader: glob({ pattern: '*.json', base: './src/content/guides' }),
    schema: guideSchema,
  }),
  waits: defineCollection({ loader: file('src/content/waits.json'), schema: waitSchema }),
  faq: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/faq' }),
    schema: faqSchema,
  }),
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: siteStrings }) }),
};
