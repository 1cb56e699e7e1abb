import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import uiStrings from './content/i18n/en.json';

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
const vendor = z.enum(['hp', 'microsoft', 'redhat']);

const faqSchema = z.object({
  /** The entry's heading: the problem as the user would describe it. */
  title: z.string().min(1),
  /** Vendors the entry concerns; the first one groups it on the page. */
  vendors: z.tuple([vendor], vendor),
  /** What the user sees, in words. */
  symptom: z.string().min(1),
  /** The exact on-screen or mail text, where there is one, as the portal shows it. */
  message: z.string().min(1).optional(),
  /** Why it happens, as far as the source documents say. */
  cause: z.string().min(1),
  /** Ids of the guide steps where this can happen (they link here, and this links back). */
  steps: z.array(z.string().regex(/^(hp|ms|rh)-[a-z0-9-]+$/)).default([]),
  /** Addresses and domains to allow or type, shown with a copy button. */
  copy: z.array(z.string().min(1)).default([]),
  /** Position within its vendor's group (ascending). */
  order: z.number().int().default(100),
});

const stepId = z.string().regex(/^(hp|ms|rh)-[a-z0-9-]+$/);
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
  guide: z.enum(['hp', 'microsoft', 'redhat']),
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

export const collections = {
  waits: defineCollection({ loader: file('src/content/waits.json'), schema: waitSchema }),
  faq: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/faq' }),
    schema: faqSchema,
  }),
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: siteStrings }) }),
};
