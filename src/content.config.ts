import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
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

export const collections = {
  faq: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/faq' }),
    schema: faqSchema,
  }),
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: siteStrings }) }),
};
