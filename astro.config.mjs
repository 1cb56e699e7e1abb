// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import starlightLinksValidator from 'starlight-links-validator';
import { satteri } from '@astrojs/markdown-satteri';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baseLinks } from './src/markdown/base-links';

/** Slugs of the guides, in the order of the guide registry (src/content/guides/<id>.json). */
const guideSlugs = readdirSync(new URL('./src/content/guides/', import.meta.url))
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(new URL(`./src/content/guides/${file}`, import.meta.url), 'utf8')))
  .sort((a, b) => a.order - b.order)
  .map((guide) => ({ slug: guide.id }));

/**
 * The site can be hosted under a sub-path of an intranet server
 * (e.g. BASE_PATH=/partner-guides/ npm run build). Always ends with a slash.
 */
const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/** Starlight's search dialog: its component, and the script Astro makes of it. */
const starlightSearch = /\/@astrojs\/starlight\/.*\/Search\.astro/;

/**
 * Starlight's search dialog imports Pagefind's interface in every page's idle time. Its import of
 * `@pagefind/default-ui` is pointed at src/islands/site-search.ts, a small module that keeps the
 * dialog's options and loads the interface itself (src/islands/site-search-ui.ts, which folds the
 * query's width and picks sections) only when search is about to be used. The dialog imports it as
 * soon as the page's content has loaded rather than in idle time, which a busy browser may not have
 * for a long while. Only the dialog's own import is redirected; the wrapper imports the original.
 * @type {import('vite').Plugin}
 */
const siteSearchOnIntent = {
  name: 'site-search-on-intent',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === '@pagefind/default-ui' && importer && starlightSearch.test(importer)) {
      return fileURLToPath(new URL('./src/islands/site-search.ts', import.meta.url));
    }
    return undefined;
  },
  transform(code, id) {
    if (!starlightSearch.test(id) || !/[?&]type=script/.test(id)) return undefined;
    const idle = 'const onIdle = window.requestIdleCallback || ((cb) => setTimeout(cb, 1));';
    if (!code.includes(idle)) {
      throw new Error(
        "Starlight's search script changed: review the site-search-on-intent plugin in astro.config.mjs",
      );
    }
    return code.replace(idle, 'const onIdle = (cb) => cb();');
  },
};

/** The site's languages: Japanese at the root, English under /en/. */
const locales = {
  root: { label: '日本語', lang: 'ja' },
  en: { label: 'English', lang: 'en' },
};

/**
 * Pagefind's interface bundles its strings in 44 languages (about 16 KB of the 28 KB the first search
 * fetches for it); a page uses those of its own language, under the strings Starlight passes. Only
 * the site's languages are kept. The build stops if Pagefind's bundle changes shape.
 * @type {import('vite').Plugin}
 */
const pagefindSiteLanguagesOnly = {
  name: 'pagefind-site-languages-only',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/@pagefind\/default-ui\/npm_dist\/mjs\/ui-core\.mjs$/.test(id)) return undefined;
    const keep = new Set(Object.values(locales).map((locale) => locale.lang));
    const block = /\n\/\/ \.\.\/translations\/([\w-]+)\.json\n[\s\S]*?(?=\n\/\/ )/g;
    const modules = /^var modules = \[[^\]]*\];$/m;
    const filenames = /^var filenames = \[[^\]]*\];$/m;
    const found = [...code.matchAll(block)].map((match) => match[1] ?? '');
    if (!modules.test(code) || !filenames.test(code) || ![...keep].every((lang) => found.includes(lang))) {
      throw new Error(
        "Pagefind's interface bundle changed: review the pagefind-site-languages-only plugin in astro.config.mjs",
      );
    }
    const kept = found.filter((lang) => keep.has(lang));
    return code
      .replace(block, (whole, lang) => (keep.has(lang) ? whole : ''))
      .replace(
        modules,
        `var modules = [${kept.map((lang) => `${lang.replace('-', '_')}_exports`).join(', ')}];`,
      )
      .replace(
        filenames,
        `var filenames = ${JSON.stringify(kept.map((lang) => `../../translations/${lang}.json`))};`,
      );
  },
};

/**
 * `client:near` (src/islands/near-directive.ts): islands hydrated when they come near the viewport,
 * get focus, or the page is printed. `client:intent` (src/islands/intent-directive.ts): islands
 * hydrated when someone is about to use them.
 * @type {import('astro').AstroIntegration}
 */
const nearDirective = {
  name: 'client-near',
  hooks: {
    'astro:config:setup': ({ addClientDirective }) => {
      addClientDirective({
        name: 'near',
        entrypoint: fileURLToPath(new URL('./src/islands/near-directive.ts', import.meta.url)),
      });
      addClientDirective({
        name: 'intent',
        entrypoint: fileURLToPath(new URL('./src/islands/intent-directive.ts', import.meta.url)),
      });
    },
  },
};

export default defineConfig({
  base: basePath,
  trailingSlash: 'always',
  // Never ask a server outside the site for anything: no telemetry, no remote images.
  devToolbar: { enabled: false },
  markdown: { processor: satteri({ hastPlugins: [baseLinks(basePath)] }) },
  vite: {
    plugins: [siteSearchOnIntent, pagefindSiteLanguagesOnly],
    build: {
      rolldownOptions: {
        // Astro's own MDX output carries a "use astro:head-inject" directive that the bundler reports
        // for every page. It is Astro's marker, not a problem of ours; our code has no directives.
        checks: { moduleLevelDirective: false },
        output: {
          // Few, larger files: Preact for every island, nanostores, and the checklist with its stores
          // (one gzip stream is smaller than five; see `npm run bench`).
          codeSplitting: {
            groups: [
              {
                // Vite's helper for dynamic imports, which every page loads: in a file of its own, never
                // with the first group that imports something on demand.
                name: 'preload-helper',
                test: /preload-helper/,
                priority: 30,
              },
              {
                name: 'preact-runtime',
                test: /node_modules\/(preact|@nanostores)\/|\/src\/islands\/hydration\./,
                priority: 20,
              },
              {
                // Apart from Preact: a guide's checklist (islands/guide-checklist.ts) uses the stores
                // without Preact.
                // Only what every store needs (atoms, their lifecycle); computed and map stores, which
                // a guide's checklist does not use at load, in a chunk of their own.
                name: 'nanostores',
                test: /node_modules\/nanostores\/(index\.js|(atom|lifecycle|listen-keys|task)\/)|\/src\/lib\/template\./,
                priority: 20,
              },
              {
                // With the storage notice's messages, which every page that shows it loads with them:
                // one file fewer for a guide's checklist to name when it loads its extras.
                name: 'nanostores-derived',
                test: /node_modules\/nanostores\/(computed|map)\/|\/src\/lib\/storage-notice\./,
                priority: 20,
              },
              {
                // Only pages that show a wait (HP, Microsoft, home) load the wait arithmetic. Below the
                // checklist in priority, so that its stores, which waits use too, stay in that chunk.
                // The guides' notices (islands/WaitNotice, with what they alone import) stay in a chunk
                // of their own, which the home page does not load.
                name: 'waits',
                test: /\/src\/(config\/business-calendar|lib\/(business-days|waits|wait-format|wait-schedule)|stores\/(holidays|clock|waits))\./,
                priority: 5,
              },
              {
                name: 'checklist',
                // Not undo (stores/undo, lib/progress-undo): a guide loads it with the first change to undo.
                // With the registration's name (lib/tab-label), which the switcher on every page that
                // loads this chunk and the hand-off message both read: not a file of its own.
                test: /\/src\/(stores\/(progress|storage-engine)|lib\/(progress|progress-data|tab-label))\./,
                priority: 10,
              },
              {
                // How far each guide is (the home page's counts) and the memo that keeps one store per
                // guide: apart from the waits chunk, which the home page loads only once a wait is
                // underway (islands/home-waits.ts); the waits use the memo too.
                name: 'progress-summary',
                test: /\/src\/(stores\/progress-summary|lib\/memo)\./,
                // Above the waits, which would otherwise take the memo with them.
                priority: 6,
              },
              {
                // Managing registrations and moving them by file (with the download of a file), which the switcher's dialog, the home
                // page's overview and the hand-off page's import and export load on demand: one file,
                // so that the switcher, in every guide, names one file to fetch for its dialog.
                name: 'registrations',
                test: /\/src\/(stores\/registrations|lib\/(registrations|transfer|transfer-messages|import-targets)|islands\/download)\./,
                priority: 5,
              },
              {
                // The checks records get before anything shows or sends one (stores/progress.ts reads
                // them at load with the checks of their shape only): the record fields, the hand-off
                // page, the import and export, and the registrations' dialog load them, apart from
                // each other's code.
                name: 'record-checks',
                test: /\/src\/lib\/(records|record-format|guide-registry|record-kinds)\./,
                priority: 7,
              },
              {
                // Drawing without a framework (islands/checklist-dom) and its copy button: one file for
                // the pages that draw so (home, hand-off, a guide's extras), the copying itself on click.
                name: 'checklist-dom',
                test: /\/src\/islands\/(checklist-dom|copy-button)\./,
                priority: 5,
              },
              {
                // Record fields: guides only (the home page does not need them).
                name: 'records',
                test: /\/src\/islands\/RecordFields\./,
                priority: 5,
              },
            ],
          },
        },
      },
    },
  },
  integrations: [
    starlight({
      title: { ja: 'パートナー登録ガイド', en: 'Partner Registration Guides' },
      description:
        'HP・Microsoft・Red Hat のパートナー登録手順を、チェックリスト付きでご案内する社内向けガイドです。',
      defaultLocale: 'root',
      locales,
      sidebar: [
        {
          label: '登録ガイド',
          translations: { en: 'Registration guides' },
          items: guideSlugs,
        },
        {
          label: 'サポート',
          translations: { en: 'Help' },
          items: [{ slug: 'troubleshooting' }, { slug: 'handoff' }, { slug: 'about' }],
        },
      ],
      head: [
        // Paint nothing until the page's content is parsed (see components/overrides/Footer.astro).
        { tag: 'link', attrs: { rel: 'expect', href: '#page-end', blocking: 'render' } },
      ],
      customCss: [
        './src/styles/controls.css',
        './src/styles/guide-steps.css',
        './src/styles/checklist.css',
        './src/styles/waits.css',
        './src/styles/records.css',
        './src/styles/print.css',
        './src/styles/troubleshooting.css',
        './src/styles/timeline.css',
        './src/styles/handoff.css',
        './src/styles/stacked-table.css',
        './src/styles/registrations.css',
      ],
      components: {
        PageTitle: './src/components/overrides/PageTitle.astro',
        ThemeProvider: './src/components/overrides/ThemeProvider.astro',
        ThemeSelect: './src/components/overrides/ThemeSelect.astro',
        Footer: './src/components/overrides/Footer.astro',
        Search: './src/components/overrides/Search.astro',
      },
      // The troubleshooting page's sections come from the guide registry: adds them to its contents.
      routeMiddleware: './src/route-data.ts',
      plugins: [starlightLinksValidator({ errorOnInvalidHashes: true, errorOnLocalLinks: true })],
      lastUpdated: false,
      pagination: false,
      // Term frequency counts fully (Starlight's default is 0.1): an entry that repeats the symptom's
      // words in its heading and search terms ranks the troubleshooting page above a guide that
      // mentions one of them in passing. npm run bench:search with the search terms, dialog:
      // en 94.7 → 97.4 %, ja 89.5 % either way.
      pagefind: { ranking: { termFrequency: 1 } },
    }),
    preact(),
    nearDirective,
  ],
});
