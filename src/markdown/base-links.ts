import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/** The path a root-relative link gets under the site's base path; other links stay as they are. */
export function withBase(href: string, base: string): string {
  const prefix = base.replace(/\/$/, '');
  if (prefix === '' || !href.startsWith('/') || href.startsWith('//')) return href;
  if (href === prefix || href.startsWith(`${prefix}/`)) return href;
  return prefix + href;
}

/**
 * A Markdown (hast) plugin that prefixes root-relative links in content (`/troubleshooting/`,
 * `/en/<guide>/#<step id>`) with the site's base path, so that authors write links once and
 * the site still works when hosted under a sub-path such as `/partner-guides/`.
 */
export function baseLinks(base: string): HastPluginEntry {
  return defineHastPlugin({
    name: 'base-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties.href;
        if (typeof href !== 'string') return;
        const prefixed = withBase(href, base);
        if (prefixed !== href) ctx.setProperty(node, 'href', prefixed);
      },
    },
  });
}
