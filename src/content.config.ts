import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
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

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: siteStrings }) }),
};
