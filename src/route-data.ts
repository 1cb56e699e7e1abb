/**
 * Starlight route middleware (astro.config.mjs, `routeMiddleware`): the troubleshooting page's
 * sections come from the guide registry (components/faq/FaqSections.astro), not from the page's
 * Markdown headings, so they are added to its table of contents here.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getFaqSections } from './content-queries/faq';
import { parseEntryId, toLang } from './lib/guides';

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  if (parseEntryId(route.entry.id).slug !== 'troubleshooting' || !route.toc) return;
  for (const { guide, heading } of await getFaqSections(toLang(route.lang)))
    route.toc.items.push({ depth: 2, slug: guide, text: heading, children: [] });
});
