import type { APIRoute, GetStaticPaths } from 'astro';
import en from '../../content/i18n/en.json';
import ja from '../../content/i18n/ja.json';
import { uiStrings, type Translate } from '../../content-queries/ui-strings';
import { LANGS } from '../../lib/guides';

/**
 * `/registration-strings/ja.json` and `/en.json`: the strings of the registration switcher's dialog
 * (`registration.`, src/content/i18n), as one bundle that the dialog fetches when it loads
 * (islands/registration-dialog.ts). The switcher is on every guide: in each page's HTML, the bundle
 * would cost every visit what only the dialog needs.
 */
export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const texts = params.lang === 'en' ? en : ja;
  const t = ((key: keyof typeof en) => texts[key]) as unknown as Translate;
  return new Response(JSON.stringify(uiStrings(t, ['registration.'])), {
    headers: { 'Content-Type': 'application/json' },
  });
};
